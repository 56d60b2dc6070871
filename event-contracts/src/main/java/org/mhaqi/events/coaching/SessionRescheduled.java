package org.mhaqi.events.coaching;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A session moved to another time or coach. Calendar feeds bump the event's SEQUENCE.
 *
 * @param previousStartsAt wall-clock start before the move, in {@code timeZone}
 * @param startsAt wall-clock start after the move, in {@code timeZone}
 * @param previousCoachId the coach before the move; null when it was unstaffed
 * @param coachId the coach after the move; null when it is unstaffed
 * @param revision how many times the session has been changed, starting at 1 for the first move
 */
@EventContract(type = "SessionRescheduled", topic = Topics.COACHING_EVENTS)
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
    String reason,
    Instant rescheduledAt)
    implements SessionEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
