package org.mhaqi.enrollment.enrollment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.mhaqi.events.enrollment.PhaseKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code programme_enrollments{phase, status}}: how many enrolments each kind of phase holds in
 * each status, for the operators' dashboard. One grouped query serves all gauges, at most every few
 * seconds however often they are scraped.
 */
@Component
class EnrollmentMetrics implements MeterBinder {

  private static final Duration MAX_AGE = Duration.ofSeconds(5);

  private final JdbcClient jdbc;
  private final Clock clock;
  private Map<String, Long> snapshot = Map.of();
  private Instant takenAt = Instant.MIN;

  EnrollmentMetrics(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (PhaseKind phase : PhaseKind.values()) {
      for (EnrollmentStatus status : EnrollmentStatus.values()) {
        Gauge.builder("programme.enrollments", this, m -> m.count(phase, status))
            .description("Enrolments by phase kind and status")
            .tag("phase", phase.name())
            .tag("status", status.name())
            .register(registry);
      }
    }
  }

  private synchronized double count(PhaseKind phase, EnrollmentStatus status) {
    Instant now = clock.instant();
    if (takenAt.plus(MAX_AGE).isBefore(now)) {
      Map<String, Long> counts = new HashMap<>();
      jdbc.sql(
              "select p.kind, e.status, count(*) as n from enrollment e"
                  + " join phase p on p.id = e.phase_id group by p.kind, e.status")
          .query(
              rs -> {
                counts.put(rs.getString("kind") + "/" + rs.getString("status"), rs.getLong("n"));
              });
      snapshot = counts;
      takenAt = now;
    }
    return snapshot.getOrDefault(phase.name() + "/" + status.name(), 0L);
  }
}
