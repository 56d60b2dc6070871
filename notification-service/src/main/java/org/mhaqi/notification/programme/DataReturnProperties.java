package org.mhaqi.notification.programme;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When services are told their monthly data returns are due.
 *
 * @param gracePeriod a month's returns are due this long after its last day: evaluation-service's
 *     {@code mhaqi.evaluation.data-returns.grace-period}, which must be the same
 * @param remindWorkingDaysBefore how many working days before the due date services are told
 */
@ConfigurationProperties("mhaqi.notification.data-returns")
record DataReturnProperties(Period gracePeriod, int remindWorkingDaysBefore) {}
