package org.mhaqi.events.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * The central team withdrew a phase report's publication: its pages need a token again, as before
 * it was published. Names no person.
 *
 * @param publicationId the publication withdrawn (its ReportPublished's)
 * @param phaseId the phase; the Kafka key
 */
@EventContract(type = "ReportWithdrawn", topic = Topics.EVALUATION_EVENTS)
public record ReportWithdrawn(UUID publicationId, UUID phaseId, Instant withdrawnAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return phaseId.toString();
  }
}
