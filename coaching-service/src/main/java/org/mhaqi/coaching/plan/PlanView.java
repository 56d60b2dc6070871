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

  static PlanView of(CoachingPlan plan, TimeCommitment commitment, boolean withSessions) {
    List<CoachingSession> all = plan.getSessions();
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
        all.stream().filter(s -> s.getStatus() == SessionStatus.SCHEDULED).count(),
        all.stream()
            .filter(s -> s.getStatus() == SessionStatus.SCHEDULED && !s.isStaffed())
            .count(),
        all.stream().filter(s -> s.getStatus() == SessionStatus.CANCELLED).count(),
        all.stream().filter(s -> s.getStatus() == SessionStatus.COMPLETED).count(),
        commitment.bookedHoursPerWeek(),
        commitment.expectedHoursPerWeek(),
        withSessions ? all.stream().map(SessionView::of).toList() : null);
  }
}
