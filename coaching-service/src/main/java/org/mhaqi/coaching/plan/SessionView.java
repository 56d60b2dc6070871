package org.mhaqi.coaching.plan;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.enrollment.TeamRole;

/**
 * A session as the API shows it.
 *
 * @param startsAt wall-clock start in {@code timeZone}
 * @param startsAtInstant the same start as an instant (UTC)
 * @param originalStartsAt the time it was first planned for
 * @param revision how often it was moved, staffed or cancelled: the calendar SEQUENCE
 */
public record SessionView(
    UUID id,
    UUID planId,
    UUID enrollmentId,
    UUID serviceId,
    CoachingLevel level,
    SessionKind kind,
    LocalDateTime startsAt,
    LocalDateTime endsAt,
    String timeZone,
    Instant startsAtInstant,
    int durationMinutes,
    LocalDateTime originalStartsAt,
    UUID coachId,
    boolean staffed,
    SessionStatus status,
    int revision,
    CancellationCause cancellationCause,
    String cancellationReason,
    Integer deliveredMinutes,
    Map<TeamRole, Integer> attendance,
    List<UUID> attendeeMemberIds,
    Boolean livedExperiencePartnerTookPart,
    Instant updatedAt) {

  public static SessionView of(CoachingSession s) {
    boolean completed = s.getStatus() == SessionStatus.COMPLETED;
    return new SessionView(
        s.getId(),
        s.getPlan().getId(),
        s.getPlan().getEnrollmentId(),
        s.getPlan().getServiceId(),
        s.getLevel(),
        s.getKind(),
        s.getStartsAt(),
        s.endsAt(),
        s.getTimeZone(),
        s.zonedStart().toInstant(),
        s.getDurationMinutes(),
        s.getOriginalStartsAt(),
        s.getCoachId(),
        s.isStaffed(),
        s.getStatus(),
        s.getRevision(),
        s.getCancellationCause(),
        s.getCancellationReason(),
        s.getDeliveredMinutes(),
        completed ? s.getAttendance() : null,
        completed
            ? s.getAttendees().stream()
                .map(Attendee::memberId)
                // Erased members' records keep their role but no id.
                .filter(Objects::nonNull)
                .sorted(Comparator.naturalOrder())
                .toList()
            : null,
        s.getLivedExperiencePartnerTookPart(),
        s.getUpdatedAt());
  }

  /** One change in a session's history. */
  public record ChangeView(
      int sequence,
      SessionChange.Change change,
      Instant changedAt,
      String actor,
      LocalDateTime fromStartsAt,
      LocalDateTime toStartsAt,
      UUID fromCoachId,
      UUID toCoachId,
      String reason) {

    static ChangeView of(SessionChange c) {
      return new ChangeView(
          c.getSequence(),
          c.getChange(),
          c.getChangedAt(),
          c.getActor(),
          c.getFromStartsAt(),
          c.getToStartsAt(),
          c.getFromCoachId(),
          c.getToCoachId(),
          c.getReason());
    }
  }
}
