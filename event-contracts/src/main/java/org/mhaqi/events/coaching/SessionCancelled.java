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
 *     <p>Schema version 2 carries the reason of a requested cancellation as a code; version 1
 *     carried it in words. A version 1 payload, still read during its deprecation period, reads
 *     with {@code reasonCode} {@link SessionCancellationReason#OTHER} when it was requested, its
 *     words dropped.
 * @param cause whether it was cancelled on request or because the service withdrew or completed
 * @param reasonCode why it was cancelled when the cause is {@link CancellationCause#REQUESTED};
 *     null for the other causes, which say why themselves
 */
@EventContract(
    type = "SessionCancelled",
    version = 2,
    stillReads = 1,
    topic = Topics.COACHING_EVENTS)
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
    SessionCancellationReason reasonCode,
    Instant cancelledAt)
    implements SessionEvent {

  public SessionCancelled {
    if (reasonCode == null && cause == CancellationCause.REQUESTED) {
      reasonCode = SessionCancellationReason.OTHER;
    }
  }

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
