package org.mhaqi.coaching.plan;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.support.metrics.GroupedCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What coaching has delivered against what it planned, from coaching-service's own sessions (so the
 * figures survive a restart, unlike counters): {@code coaching_sessions{level, status}} and {@code
 * coaching_session_hours{level, status}} (status SCHEDULED, COMPLETED or CANCELLED).
 */
@Component
class CoachingDeliveryMetrics implements MeterBinder {

  private final GroupedCounts sessions;

  CoachingDeliveryMetrics(JdbcClient jdbc) {
    this.sessions =
        new GroupedCounts(
            jdbc,
            """
            select level, status, 'sessions', count(*) from coaching_session group by level, status
            union all
            select level, status, 'hours', sum(duration_minutes) / 60.0 from coaching_session
            group by level, status
            """,
            3);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (CoachingLevel level : CoachingLevel.values()) {
      for (SessionStatus status : SessionStatus.values()) {
        Gauge.builder(
                "coaching.sessions", sessions, s -> s.get(level.name(), status.name(), "sessions"))
            .description("Coaching sessions by level and status")
            .tag("level", level.name())
            .tag("status", status.name())
            .register(registry);
        Gauge.builder(
                "coaching.session.hours",
                sessions,
                s -> s.get(level.name(), status.name(), "hours"))
            .description("Hours of coaching by level and status")
            .tag("level", level.name())
            .tag("status", status.name())
            .register(registry);
      }
    }
  }
}
