package org.mhaqi.coaching.workingdays;

import java.io.IOException;
import java.io.UncheckedIOException;
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
    BankHolidays holidays;
    try {
      holidays =
          BankHolidays.read(properties.location().getInputStream(), properties.division(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot open the bank holidays file " + properties.location(), e);
    }
    log.info(
        "Bank holidays of {} from {}: {} days, {} to {}",
        holidays.division(),
        properties.location(),
        holidays.all().size(),
        holidays.firstYear(),
        holidays.lastYear());
    return new WorkingDays(holidays);
  }
}
