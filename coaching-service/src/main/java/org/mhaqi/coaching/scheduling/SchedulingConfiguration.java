package org.mhaqi.coaching.scheduling;

import org.mhaqi.support.workingdays.WorkingDays;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScheduleProperties.class)
class SchedulingConfiguration {

  @Bean
  Planner planner(WorkingDays workingDays) {
    return new Planner(workingDays);
  }
}
