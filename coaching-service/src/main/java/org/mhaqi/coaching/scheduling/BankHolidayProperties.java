package org.mhaqi.coaching.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the bank holidays come from ({@code mhaqi.coaching.bank-holidays.*}).
 *
 * @param location a file in GOV.UK's format; the shipped default covers 2024 to 2027, and {@code
 *     file:/path/bank-holidays.json} replaces it without a rebuild (e.g. a fresh copy of GOV.UK's
 *     {@code bank-holidays.json})
 * @param division the division whose holidays count: {@code england-and-wales}, {@code scotland} or
 *     {@code northern-ireland}
 */
@ConfigurationProperties("mhaqi.coaching.bank-holidays")
public record BankHolidayProperties(
    @DefaultValue("classpath:bank-holidays.json") Resource location,
    @DefaultValue("england-and-wales") String division) {}
