package org.mhaqi.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the working days' bank holidays come from ({@code mhaqi.notification.bank-holidays.*}).
 *
 * @param location a file in GOV.UK's format, the same as coaching-service's ({@code
 *     BANK_HOLIDAYS_FILE}); the shipped default covers 2024 to 2027
 * @param division the division whose holidays count: {@code england-and-wales}, {@code scotland} or
 *     {@code northern-ireland}
 */
@ConfigurationProperties("mhaqi.notification.bank-holidays")
record BankHolidayProperties(
    @DefaultValue("classpath:bank-holidays.json") Resource location,
    @DefaultValue("england-and-wales") String division) {}
