package org.mhaqi.evaluation.datareturn;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mhaqi.events.evaluation.SignalRule;
import org.mhaqi.events.evaluation.SignalVariation;
import org.mhaqi.events.evaluation.SpecialCauseDetected;
import org.mhaqi.support.metrics.GroupedCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The programme team's view of data returns, from evaluation-service's own tables, and of the
 * special causes they reveal:
 *
 * <ul>
 *   <li>{@code evaluation_data_returns{timeliness}}: returns received (first versions), {@code
 *       on_time} or {@code late} (after it had been found overdue);
 *   <li>{@code evaluation_data_returns_overdue}: returns found overdue and still not received;
 *   <li>{@code evaluation_special_causes_detected_total{rule, variation}}: counted when the return
 *       that revealed one commits; every combination starts at 0 so a rate reads 0, not nothing.
 * </ul>
 */
@Component
class DataReturnMetrics {

  private final MeterRegistry meters;

  /** Held here: a gauge keeps only a weak reference to what it reads. */
  private final GroupedCounts returns;

  DataReturnMetrics(JdbcClient jdbc, MeterRegistry meters) {
    this.meters = meters;
    this.returns =
        new GroupedCounts(
            jdbc,
            """
            select case when o.enrollment_id is null then 'on_time' else 'late' end, count(*)
            from data_return r
            left join overdue_return o on o.enrollment_id = r.enrollment_id
              and o.measure_code = r.measure_code and o.month = r.month
            where r.version = 1
            group by 1
            union all
            select 'outstanding', count(*) from overdue_return o
            where not exists (select 1 from data_return r where r.enrollment_id = o.enrollment_id
              and r.measure_code = o.measure_code and r.month = o.month)
            """,
            1);
    for (String timeliness : new String[] {"on_time", "late"}) {
      Gauge.builder("evaluation.data.returns", returns, r -> r.get(timeliness))
          .description("Monthly data returns received (first versions), on time or late")
          .tag("timeliness", timeliness)
          .register(meters);
    }
    Gauge.builder("evaluation.data.returns.overdue", returns, r -> r.get("outstanding"))
        .description("Returns found overdue and not received since")
        .register(meters);
    for (SignalRule rule : SignalRule.values()) {
      for (SignalVariation variation : SignalVariation.values()) {
        specialCauses(rule, variation);
      }
    }
  }

  @TransactionalEventListener(fallbackExecution = true)
  void detected(SpecialCauseDetected signal) {
    specialCauses(signal.rule(), signal.variation()).increment();
  }

  private Counter specialCauses(SignalRule rule, SignalVariation variation) {
    return Counter.builder("evaluation.special.causes.detected")
        .description("Special causes data returns revealed, by XmR rule and direction")
        .tag("rule", rule.name())
        .tag("variation", variation.name())
        .register(meters);
  }
}
