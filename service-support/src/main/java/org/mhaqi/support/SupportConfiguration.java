package org.mhaqi.support;

import java.time.Clock;
import java.time.Duration;
import org.mhaqi.support.web.DatabaseUnavailableHandling;
import org.mhaqi.support.web.ProblemHandling;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** Beans every service shares: the clock all timestamps come from and problem+json answers. */
@AutoConfiguration
@Import({DatabaseUnavailableHandling.class, ProblemHandling.class})
public class SupportConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    // Microseconds: what PostgreSQL stores, so an answer and a later read of it agree.
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
