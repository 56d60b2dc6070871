package org.mhaqi.events.coaching;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * The central team scheduled a programme-wide learning event (a webinar or an in-person day). Ids,
 * format, times and audience only: its title stays in coaching-service.
 *
 * @param learningEventId the event; the Kafka key
 * @param startsAt wall-clock start in {@code timeZone}, on a working day
 * @param timeZone IANA zone of {@code startsAt}, {@code Europe/London}
 * @param plannedMinutes its length
 * @param phaseId the invited phase when {@code audience} is {@code PHASE}, else null
 * @param level the invited coaching level when {@code audience} is {@code LEVEL}, else null
 * @param learningNetworkInvited whether the learning network's providers are invited too
 */
@EventContract(type = "LearningEventScheduled", topic = Topics.COACHING_EVENTS)
public record LearningEventScheduled(
    UUID learningEventId,
    LearningEventFormat format,
    LocalDateTime startsAt,
    String timeZone,
    int plannedMinutes,
    LearningEventAudience audience,
    UUID phaseId,
    CoachingLevel level,
    boolean learningNetworkInvited,
    Instant scheduledAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return learningEventId.toString();
  }
}
