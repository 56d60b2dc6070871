package org.mhaqi.evaluation.engagement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * SEAM (issue 7), placeholder until eval-analysis's {@code org.mhaqi.evaluation.suppression} is
 * merged: withholds every count of people ({@code "*"}), which never publishes a small number. To
 * be replaced by an {@link AttendanceSuppression} bean that delegates to that component.
 */
@Configuration(proxyBeanMethods = false)
class AttendanceSuppressionSeam {

  @Bean
  @ConditionalOnMissingBean
  AttendanceSuppression withholdEveryCountUntilSuppressionLands() {
    return count -> PublishedCount.WITHHELD;
  }
}
