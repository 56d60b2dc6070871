package org.mhaqi.coaching.scheduling;

import org.mhaqi.support.workingdays.BankHolidays;
import org.mhaqi.support.workingdays.WorkingDays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BankHolidayProperties.class)
class WorkingDaysConfiguration {

  private static final Logger log = LoggerFactory.getLogger(WorkingDaysConfiguration.class);

  @Bean
  WorkingDays workingDays(BankHolidayProperties properties, JsonMapper json) {
    WorkingDays workingDays = WorkingDays.read(properties.location(), properties.division(), json);
    BankHolidays holidays = workingDays.holidays();
    log.info(
        "Bank holidays of {} from {}: {} days, {} to {}",
        holidays.division(),
        properties.location(),
        holidays.all().size(),
        holidays.firstYear(),
        holidays.lastYear());
    return workingDays;
  }
}
