package org.mhaqi.coaching.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;

/**
 * A coaching plan as the API shows it; {@code sessions} is left out of listings.
 *
 * @param coachedFrom the first day of coaching: the window's, or later for a service promoted from
 *     the waitlist part-way through it
 * @param bookedTeamHoursPerWeek the project team's coaching booked (not cancelled), in hours per
 *     week on average from {@code coachedFrom} to the window's end
 * @param expectedTeamHoursPerWeek what the programme asks of a team member per week, coaching
 *     included (the FAQ: about 2)
 */
public record PlanView(
    UUID id,
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    PhaseKind phaseKind,
    LocalDate windowStartsOn,
    LocalDate windowEndsOn,
    LocalDate coachedFrom,
    String timeZone,
    Instant createdAt,
    Instant withdrawnAt,
    Instant completedAt,
    long scheduledSessions,
    long unstaffedSessions,
    long cancelledSessions,
    long completedSessions,
    double bookedTeamHoursPerWeek,
    double expectedTeamHoursPerWeek,
    List<SessionView> sessions) {

  /** A plan with every session. */
  static PlanView withSessions(CoachingPlan plan, double expectedTeamHoursPerWeek) {
    List<CoachingSession> all = plan.getSessions();
    return of(
        plan,
        SessionTally.of(plan.getId(), all),
        expectedTeamHoursPerWeek,
        all.stream().map(SessionView::of).toList());
  }

  /** A plan as lists show it: its sessions counted (by a query), not listed. */
  static PlanView listed(CoachingPlan plan, SessionTally tally, double expectedTeamHoursPerWeek) {
    return of(plan, tally, expectedTeamHoursPerWeek, null);
  }

  private static PlanView of(
      CoachingPlan plan,
      SessionTally tally,
      double expectedTeamHoursPerWeek,
      List<SessionView> sessions) {
    TimeCommitment commitment =
        TimeCommitment.of(plan, tally.teamMinutesBooked(), expectedTeamHoursPerWeek);
    return new PlanView(
        plan.getId(),
        plan.getEnrollmentId(),
        plan.getServiceId(),
        plan.getPhaseId(),
        plan.getPhaseKind(),
        plan.getWindowStartsOn(),
        plan.getWindowEndsOn(),
        plan.getCoachedFrom(),
        plan.zone().getId(),
        plan.getCreatedAt(),
        plan.getWithdrawnAt(),
        plan.getCompletedAt(),
        tally.scheduled(),
        tally.unstaffed(),
        tally.cancelled(),
        tally.completed(),
        commitment.bookedHoursPerWeek(),
        commitment.expectedHoursPerWeek(),
        sessions);
  }
}
