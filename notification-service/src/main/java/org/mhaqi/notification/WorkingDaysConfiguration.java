package org.mhaqi.notification;

import org.mhaqi.support.workingdays.WorkingDays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The working days reminders are counted in: service-support's calendar, from the same bank
 * holidays file as coaching-service's.
 */
@Configuration(proxyBeanMethods = false)
class WorkingDaysConfiguration {

  @Bean
  WorkingDays workingDays(BankHolidayProperties properties, JsonMapper json) {
    return WorkingDays.read(properties.location(), properties.division(), json);
  }
}
