package org.mhaqi.evaluation.engagement;

import org.mhaqi.evaluation.suppression.Suppression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Publishes counts of people attending through the programme's small-number suppression. */
@Configuration(proxyBeanMethods = false)
class AttendanceSuppressionConfiguration {

  @Bean
  AttendanceSuppression attendanceSuppression(Suppression suppression) {
    return count -> new PublishedCount(suppression.countOrNull(count));
  }
}
