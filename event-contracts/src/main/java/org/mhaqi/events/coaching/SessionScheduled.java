package org.mhaqi.events.coaching;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A coaching session was planned for an enrolled service.
 *
 * @param startsAt wall-clock start in {@code timeZone}
 * @param timeZone IANA zone of {@code startsAt}, {@code Europe/London}
 * @param plannedMinutes the session's length
 * @param coachId the coach who delivers it; null while it is unstaffed
 */
@EventContract(type = "SessionScheduled", topic = Topics.COACHING_EVENTS)
public record SessionScheduled(
    UUID sessionId,
    UUID planId,
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    CoachingLevel level,
    SessionKind kind,
    LocalDateTime startsAt,
    String timeZone,
    int plannedMinutes,
    UUID coachId,
    Instant scheduledAt)
    implements SessionEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
