package org.mhaqi.enrollment.enrollment;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.support.metrics.GroupedCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The programme team's figures, from enrollment-service's own tables, tagged by phase kind only:
 *
 * <ul>
 *   <li>{@code programme_enrollments{phase, status}}: enrolments in each status (the waitlist's
 *       length is {@code status="WAITLISTED"});
 *   <li>{@code programme_places{phase}}: the phases' capacity;
 *   <li>{@code programme_places_left{phase}}: places neither enrolled nor completed services take.
 * </ul>
 *
 * One grouped query per figure serves all its gauges, at most every few seconds.
 */
@Component
class EnrollmentMetrics implements MeterBinder {

  private final GroupedCounts enrollments;
  private final GroupedCounts places;

  EnrollmentMetrics(JdbcClient jdbc) {
    this.enrollments =
        new GroupedCounts(
            jdbc,
            "select p.kind, e.status, count(*) from enrollment e"
                + " join phase p on p.id = e.phase_id group by p.kind, e.status",
            2);
    // A completed service keeps its place; a phase never has fewer than 0 left.
    this.places =
        new GroupedCounts(
            jdbc,
            """
            select p.kind, 'capacity', sum(p.capacity) from phase p group by p.kind
            union all
            select p.kind, 'left', sum(greatest(p.capacity - coalesce(t.taken, 0), 0))
            from phase p
            left join (select phase_id, count(*) as taken from enrollment
                       where status in ('ENROLLED', 'COMPLETED') group by phase_id) t
              on t.phase_id = p.id
            group by p.kind
            """,
            2);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (PhaseKind phase : PhaseKind.values()) {
      for (EnrollmentStatus status : EnrollmentStatus.values()) {
        Gauge.builder("programme.enrollments", enrollments, c -> c.get(phase.name(), status.name()))
            .description("Enrolments by phase kind and status")
            .tag("phase", phase.name())
            .tag("status", status.name())
            .register(registry);
      }
      Gauge.builder("programme.places", places, c -> c.get(phase.name(), "capacity"))
          .description("Places the phases of this kind hold")
          .tag("phase", phase.name())
          .register(registry);
      Gauge.builder("programme.places.left", places, c -> c.get(phase.name(), "left"))
          .description("Places not taken by an enrolled or completed service")
          .tag("phase", phase.name())
          .register(registry);
    }
  }
}
