package org.mhaqi.coaching.plan;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.mhaqi.coaching.scheduling.PlannedSession;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Business metrics of coaching, counted when the change commits. Tags are low-cardinality: level,
 * kind, staffed, cause; never an id.
 */
@Component
class CoachingMetrics {

  private final MeterRegistry meters;
  private final Timer planGeneration;

  CoachingMetrics(MeterRegistry meters, SessionRepository sessions) {
    this.meters = meters;
    this.planGeneration =
        Timer.builder("coaching.plan.generation")
            .description("Time to plan, staff and store one enrollment's coaching plan")
            .publishPercentileHistogram()
            .register(meters);
    for (CoachingLevel level : CoachingLevel.values()) {
      Gauge.builder("coaching.sessions.unstaffed", sessions, s -> s.countUnstaffed(level))
          .description("Scheduled sessions no coach could take without overbooking")
          .tag("level", level.name())
          .register(meters);
    }
  }

  Timer planGeneration() {
    return planGeneration;
  }

  void planned(List<PlannedSession> sessions) {
    afterCommit(
        () -> {
          meters.counter("coaching.plans.created").increment();
          for (PlannedSession s : sessions) {
            Counter.builder("coaching.sessions.planned")
                .description("Sessions planned, by level, kind and whether a coach took them")
                .tag("level", s.level().name())
                .tag("kind", s.kind().name())
                .tag("staffed", Boolean.toString(s.staffed()))
                .register(meters)
                .increment();
          }
        });
  }

  void rescheduled(CoachingLevel level) {
    afterCommit(
        () -> meters.counter("coaching.sessions.rescheduled", "level", level.name()).increment());
  }

  void cancelled(CoachingLevel level, CancellationCause cause, int count) {
    afterCommit(
        () ->
            meters
                .counter(
                    "coaching.sessions.cancelled", "level", level.name(), "cause", cause.name())
                .increment(count));
  }

  void completed(CoachingLevel level, SessionKind kind, int minutes) {
    afterCommit(
        () -> {
          meters
              .counter("coaching.sessions.completed", "level", level.name(), "kind", kind.name())
              .increment();
          meters
              .counter("coaching.minutes.delivered", "level", level.name(), "kind", kind.name())
              .increment(minutes);
        });
  }

  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }
}
