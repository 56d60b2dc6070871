package org.mhaqi.events.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A service's project team said one of its change ideas is another team's shared idea, tried in its
 * own service: the link the shared library shows an idea's spread by. Ids only.
 *
 * @param changeIdeaId the adopting team's idea
 * @param enrollmentId the enrolment the adopting idea was recorded under; the Kafka key
 * @param serviceId the adopting service
 * @param sourceChangeIdeaId the shared idea it was adopted from
 * @param sourceServiceId the service that shared it
 */
@EventContract(type = "ChangeIdeaAdoptedFrom", topic = Topics.EVALUATION_EVENTS)
public record ChangeIdeaAdoptedFrom(
    UUID changeIdeaId,
    UUID enrollmentId,
    UUID serviceId,
    UUID sourceChangeIdeaId,
    UUID sourceServiceId,
    Instant adoptedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
