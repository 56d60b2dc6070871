package org.mhaqi.coaching.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;

/** A coaching plan as the API shows it; {@code sessions} is left out of listings. */
public record PlanView(
    UUID id,
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    PhaseKind phaseKind,
    LocalDate windowStartsOn,
    LocalDate windowEndsOn,
    String timeZone,
    Instant createdAt,
    Instant withdrawnAt,
    long scheduledSessions,
    long unstaffedSessions,
    long cancelledSessions,
    long completedSessions,
    List<SessionView> sessions) {

  static PlanView of(CoachingPlan plan, boolean withSessions) {
    List<CoachingSession> all = plan.getSessions();
    return new PlanView(
        plan.getId(),
        plan.getEnrollmentId(),
        plan.getServiceId(),
        plan.getPhaseId(),
        plan.getPhaseKind(),
        plan.getWindowStartsOn(),
        plan.getWindowEndsOn(),
        plan.zone().getId(),
        plan.getCreatedAt(),
        plan.getWithdrawnAt(),
        all.stream().filter(s -> s.getStatus() == SessionStatus.SCHEDULED).count(),
        all.stream()
            .filter(s -> s.getStatus() == SessionStatus.SCHEDULED && !s.isStaffed())
            .count(),
        all.stream().filter(s -> s.getStatus() == SessionStatus.CANCELLED).count(),
        all.stream().filter(s -> s.getStatus() == SessionStatus.COMPLETED).count(),
        withSessions ? all.stream().map(SessionView::of).toList() : null);
  }
}
