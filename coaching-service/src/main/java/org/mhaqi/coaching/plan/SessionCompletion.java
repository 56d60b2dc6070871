package org.mhaqi.coaching.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.coaching.enrollment.Enrollments;
import org.mhaqi.events.enrollment.TeamRole;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a session as delivered, with its attendance. */
@Service
@Transactional
public class SessionCompletion {

  private final PlanRepository plans;
  private final PlanAccess access;
  private final Enrollments enrollments;
  private final CoachingMetrics metrics;
  private final Clock clock;

  SessionCompletion(
      PlanRepository plans,
      PlanAccess access,
      Enrollments enrollments,
      CoachingMetrics metrics,
      Clock clock) {
    this.plans = plans;
    this.access = access;
    this.enrollments = enrollments;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Records a session as delivered. Attendance is checked against the project team as
   * enrollment-service last announced it ({@link Attendance#reported}); the plan refuses a session
   * that has not started, is not scheduled, or minutes beyond its length.
   */
  public SessionView complete(
      UUID sessionId,
      int minutesDelivered,
      Map<TeamRole, Integer> attendance,
      List<UUID> attendeeMemberIds,
      boolean livedExperiencePartnerTookPart,
      String actor) {
    CoachingSession session = access.changeable(sessionId);
    CoachingPlan plan = session.getPlan();
    Instant now = clock.instant();
    // First, as the API always answered: a session in the future is refused whatever its
    // attendance.
    plan.requireStarted(session, now);
    Attendance delivered =
        Attendance.reported(
            attendance,
            attendeeMemberIds,
            livedExperiencePartnerTookPart,
            enrollments.enrollment(plan.getEnrollmentId()).team());
    plan.complete(session, minutesDelivered, delivered, actor, now);
    plans.save(plan);
    metrics.completed(session.getLevel(), session.getKind(), minutesDelivered);
    return SessionView.of(session);
  }
}
