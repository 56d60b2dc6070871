package org.mhaqi.evaluation.datareturn;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the overdue check on a fixed delay, unless this instance is told not to. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(
    name = "mhaqi.evaluation.data-returns.overdue-check.enabled",
    havingValue = "true",
    matchIfMissing = true)
class OverdueCheckSchedule {

  private final OverdueReturns overdue;

  OverdueCheckSchedule(OverdueReturns overdue) {
    this.overdue = overdue;
  }

  @Scheduled(
      initialDelayString = "${mhaqi.evaluation.data-returns.overdue-check.interval:PT1H}",
      fixedDelayString = "${mhaqi.evaluation.data-returns.overdue-check.interval:PT1H}")
  void run() {
    overdue.check();
  }
}
