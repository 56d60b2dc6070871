package org.mhaqi.coaching.plan;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;
import org.mhaqi.coaching.coach.Coaches;
import org.mhaqi.coaching.scheduling.Booking;
import org.mhaqi.coaching.scheduling.Conflict;
import org.mhaqi.coaching.scheduling.Roster;
import org.mhaqi.events.coaching.RescheduleReason;
import org.mhaqi.support.security.Callers;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.mhaqi.support.workingdays.WorkingDays;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a session to another time and/or coach, checking the working days and the coach's calendar
 * under the roster lock; the plan checks the window and the team's own calendar.
 */
@Service
@Transactional
public class SessionRescheduling {

  private final PlanRepository plans;
  private final PlanAccess access;
  private final RosterLoader rosters;
  private final WorkingDays workingDays;
  private final Coaches coaches;
  private final CoachingMetrics metrics;
  private final Clock clock;

  SessionRescheduling(
      PlanRepository plans,
      PlanAccess access,
      RosterLoader rosters,
      WorkingDays workingDays,
      Coaches coaches,
      CoachingMetrics metrics,
      Clock clock) {
    this.plans = plans;
    this.access = access;
    this.rosters = rosters;
    this.workingDays = workingDays;
    this.coaches = coaches;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Moves a session to another wall-clock time and/or coach. Refused when the time is on a weekend
   * or bank holiday, outside the window, clashes with the coach's or the team's other sessions, or
   * takes the coach over capacity or onto a day off.
   *
   * @param coachId the coach after the move; null keeps the current one (an unstaffed session gets
   *     the least-loaded free coach, if any)
   */
  public SessionView reschedule(
      UUID sessionId,
      LocalDateTime startsAt,
      UUID coachId,
      RescheduleReason reasonCode,
      String reason,
      String actor) {
    CoachingSession session = access.changeable(sessionId);
    CoachingPlan plan = session.getPlan();
    CoachingPlan.requireScheduled(session, "rescheduled");
    workingDays
        .nonWorkingReason(startsAt.toLocalDate())
        .ifPresent(
            day -> {
              throw RuleViolationException.unprocessable(
                  day.kind() == WorkingDays.NonWorkingDay.Kind.WEEKEND ? "weekend" : "bank-holiday",
                  "startsAt",
                  "Sessions are held on working days only: " + day.reason());
            });
    plan.requireInWindow(startsAt, session.getDurationMinutes());
    if (coachId != null) {
      coaches.coach(coachId, "coachId");
      if (!Callers.current().isAdmin() && !coaches.callersCoachIds().contains(coachId)) {
        throw RuleViolationException.unprocessable(
            "coach-not-yours",
            "coachId",
            "A coach moves their own sessions; handing one to another coach is for the programme"
                + " team");
      }
    }
    rosters.lock();
    Roster roster = rosters.load(startsAt.toLocalDate(), startsAt.toLocalDate(), sessionId);
    Booking booking =
        new Booking(startsAt, session.getDurationMinutes(), session.booking().fullDay());
    UUID target = coachId != null ? coachId : session.getCoachId();
    if (target == null) {
      target = roster.leastLoadedFree(session.getLevel(), booking).orElse(null);
    } else {
      UUID coach = target;
      roster
          .conflict(coach, session.getLevel(), booking)
          .ifPresent(conflict -> refuse(conflict, coach));
    }
    plan.reschedule(session, startsAt, target, reasonCode, reason, actor, clock.instant());
    plans.save(plan);
    metrics.rescheduled(session.getLevel());
    return SessionView.of(session);
  }

  private static void refuse(Conflict conflict, UUID coachId) {
    switch (conflict.kind()) {
      case LEVEL_NOT_DELIVERED ->
          throw RuleViolationException.unprocessable(
              "coach-level-mismatch", "coachId", conflict.message());
      case UNKNOWN_COACH -> throw new NotFoundException("coach", coachId, "coachId");
      case DOUBLE_BOOKED ->
          throw RuleViolationException.conflict(
              "coach-double-booked", "startsAt", conflict.message());
      case OVER_WEEKLY_CAPACITY ->
          throw RuleViolationException.conflict(
              "coach-over-capacity", "startsAt", conflict.message());
      case NOT_A_WORKING_DAY, AWAY ->
          throw RuleViolationException.conflict(
              "coach-unavailable", "startsAt", conflict.message());
    }
  }
}
