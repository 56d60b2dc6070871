package org.mhaqi.events.coaching;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A planned session will not take place. Cancelled sessions stay in the calendar feeds with STATUS
 * CANCELLED.
 *
 * @param startsAt wall-clock start the session had, in {@code timeZone}
 * @param coachId the coach it was assigned to; null when it was unstaffed
 * @param cause whether it was cancelled on request or because the service withdrew
 * @param reason the reason in words
 */
@EventContract(type = "SessionCancelled", topic = Topics.COACHING_EVENTS)
public record SessionCancelled(
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
    CancellationCause cause,
    String reason,
    Instant cancelledAt)
    implements SessionEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
