package org.mhaqi.events.coaching;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * An invited enrolled service attended a learning event: counted in engagement apart from its
 * coaching. Recorded once per service and event; counts, never names.
 *
 * @param enrollmentId the service's enrolment the event was attended under; the Kafka key
 * @param startsAt wall-clock start of the event in {@code timeZone}
 * @param plannedMinutes the event's length
 * @param attendees how many of the service's people attended, at least one
 * @param livedExperiencePartnerTookPart whether a lived-experience partner of the team took part
 */
@EventContract(type = "LearningEventAttended", topic = Topics.COACHING_EVENTS)
public record LearningEventAttended(
    UUID learningEventId,
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    LearningEventFormat format,
    LocalDateTime startsAt,
    String timeZone,
    int plannedMinutes,
    int attendees,
    boolean livedExperiencePartnerTookPart,
    Instant recordedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
