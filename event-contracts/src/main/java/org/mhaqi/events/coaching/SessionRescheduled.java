package org.mhaqi.events.coaching;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A session moved to another time or coach. Calendar feeds bump the event's SEQUENCE.
 *
 * <p>Schema version 2 carries the reason as a code; version 1 carried it in words. A version 1
 * payload, still read during its deprecation period, reads with {@code reasonCode} {@link
 * RescheduleReason#OTHER}, its words dropped.
 *
 * @param previousStartsAt wall-clock start before the move, in {@code timeZone}
 * @param startsAt wall-clock start after the move, in {@code timeZone}
 * @param previousCoachId the coach before the move; null when it was unstaffed
 * @param coachId the coach after the move; null when it is unstaffed
 * @param revision how many times the session has been changed, starting at 1 for the first move
 * @param reasonCode why it moved
 */
@EventContract(
    type = "SessionRescheduled",
    version = 2,
    stillReads = 1,
    topic = Topics.COACHING_EVENTS)
public record SessionRescheduled(
    UUID sessionId,
    UUID planId,
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    CoachingLevel level,
    SessionKind kind,
    LocalDateTime previousStartsAt,
    LocalDateTime startsAt,
    String timeZone,
    int plannedMinutes,
    UUID previousCoachId,
    UUID coachId,
    int revision,
    RescheduleReason reasonCode,
    Instant rescheduledAt)
    implements SessionEvent {

  public SessionRescheduled {
    if (reasonCode == null) {
      reasonCode = RescheduleReason.OTHER;
    }
  }

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
