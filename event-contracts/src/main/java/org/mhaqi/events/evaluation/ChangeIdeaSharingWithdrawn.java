package org.mhaqi.events.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A service's project team withdrew a change idea it had shared: it leaves the shared library
 * (ideas that were adopted from it keep their link). Ids only.
 *
 * @param enrollmentId the enrolment the idea was recorded under; the Kafka key
 */
@EventContract(type = "ChangeIdeaSharingWithdrawn", topic = Topics.EVALUATION_EVENTS)
public record ChangeIdeaSharingWithdrawn(
    UUID changeIdeaId, UUID enrollmentId, UUID serviceId, Instant withdrawnAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
