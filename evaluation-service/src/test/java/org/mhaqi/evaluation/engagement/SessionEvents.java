package org.mhaqi.evaluation.engagement;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.RescheduleReason;
import org.mhaqi.events.coaching.SessionCancellationReason;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionCompleted;
import org.mhaqi.events.coaching.SessionCompleted.RoleAttendance;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.events.enrollment.TeamRole;

/** The events of one session, as coaching-service would publish them. */
public record SessionEvents(
    UUID sessionId,
    UUID planId,
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    CoachingLevel level,
    SessionKind kind,
    int plannedMinutes) {

  public static final LocalDateTime TEN_AM = LocalDateTime.of(2024, 10, 7, 10, 0);
  public static final Instant T0 = Instant.parse("2024-09-02T09:00:00Z");

  public static SessionEvents executiveHour(UUID enrollmentId, UUID serviceId, UUID phaseId) {
    return new SessionEvents(
        UUID.randomUUID(),
        UUID.nameUUIDFromBytes(enrollmentId.toString().getBytes()),
        enrollmentId,
        serviceId,
        phaseId,
        CoachingLevel.EXECUTIVE,
        SessionKind.COACHING_SESSION,
        60);
  }

  public static SessionEvents improvementDay(UUID enrollmentId, UUID serviceId, UUID phaseId) {
    return new SessionEvents(
        UUID.randomUUID(),
        UUID.nameUUIDFromBytes(enrollmentId.toString().getBytes()),
        enrollmentId,
        serviceId,
        phaseId,
        CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
        SessionKind.IMPROVEMENT_DAY,
        480);
  }

  public SessionScheduled scheduled() {
    return new SessionScheduled(
        sessionId,
        planId,
        enrollmentId,
        serviceId,
        phaseId,
        level,
        kind,
        TEN_AM,
        "Europe/London",
        plannedMinutes,
        null,
        T0);
  }

  public SessionRescheduled rescheduled(int revision, LocalDateTime from, LocalDateTime to) {
    return new SessionRescheduled(
        sessionId,
        planId,
        enrollmentId,
        serviceId,
        phaseId,
        level,
        kind,
        from,
        to,
        "Europe/London",
        plannedMinutes,
        null,
        null,
        revision,
        RescheduleReason.OTHER,
        T0.plusSeconds(3600L * revision));
  }

  public SessionCancelled cancelled(LocalDateTime startsAt, Instant at) {
    return new SessionCancelled(
        sessionId,
        planId,
        enrollmentId,
        serviceId,
        phaseId,
        level,
        kind,
        startsAt,
        "Europe/London",
        plannedMinutes,
        null,
        CancellationCause.REQUESTED,
        SessionCancellationReason.OTHER,
        at);
  }

  /** Completed with a service lead, {@code frontline} frontline staff and maybe a partner. */
  public SessionCompleted completed(
      LocalDateTime startsAt, int deliveredMinutes, int frontline, boolean partner, Instant at) {
    List<RoleAttendance> attendance =
        new java.util.ArrayList<>(
            List.of(
                new RoleAttendance(TeamRole.SERVICE_LEAD, 1, List.of()),
                new RoleAttendance(TeamRole.FRONTLINE_STAFF, frontline, List.of())));
    if (partner) {
      attendance.add(new RoleAttendance(TeamRole.LIVED_EXPERIENCE_PARTNER, 1, List.of()));
    }
    return new SessionCompleted(
        sessionId,
        planId,
        enrollmentId,
        serviceId,
        phaseId,
        level,
        kind,
        startsAt,
        "Europe/London",
        null,
        plannedMinutes,
        deliveredMinutes,
        attendance,
        1 + frontline + (partner ? 1 : 0),
        partner,
        at);
  }
}
