package org.mhaqi.coaching.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.coaching.CancellationCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Ends a plan when its enrolment ends: a withdrawal or a completion cancels what is left. */
@Service
@Transactional
public class PlanEndings {

  private static final Logger log = LoggerFactory.getLogger(PlanEndings.class);

  private final PlanRepository plans;
  private final CoachingMetrics metrics;
  private final Clock clock;

  PlanEndings(PlanRepository plans, CoachingMetrics metrics, Clock clock) {
    this.plans = plans;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Cancels the enrolment's sessions after the withdrawal; without a plan yet, nothing to do (the
   * withdrawal is remembered with the enrolment and applied when the plan is made).
   */
  public List<CoachingSession> withdraw(UUID enrollmentId, Instant withdrawnAt, String reason) {
    return plans
        .findByEnrollmentId(enrollmentId)
        .map(
            plan -> {
              List<CoachingSession> cancelled = plan.withdraw(withdrawnAt, reason, clock.instant());
              plans.save(plan);
              cancelled.forEach(
                  s -> metrics.cancelled(s.getLevel(), CancellationCause.ENROLLMENT_WITHDRAWN, 1));
              log.info(
                  "Enrollment {} withdrew: {} future sessions cancelled",
                  enrollmentId,
                  cancelled.size());
              return cancelled;
            })
        .orElse(List.of());
  }

  /**
   * Cancels the enrollment's sessions after its completion, as a withdrawal does; without a plan
   * yet, nothing to do (the completion is remembered with the enrollment).
   */
  public List<CoachingSession> completeEnrollment(UUID enrollmentId, Instant completedAt) {
    return plans
        .findByEnrollmentId(enrollmentId)
        .map(
            plan -> {
              List<CoachingSession> cancelled =
                  plan.completeEnrollment(completedAt, clock.instant());
              plans.save(plan);
              cancelled.forEach(
                  s -> metrics.cancelled(s.getLevel(), CancellationCause.ENROLLMENT_COMPLETED, 1));
              log.info(
                  "Enrollment {} completed: {} future sessions cancelled",
                  enrollmentId,
                  cancelled.size());
              return cancelled;
            })
        .orElse(List.of());
  }
}
