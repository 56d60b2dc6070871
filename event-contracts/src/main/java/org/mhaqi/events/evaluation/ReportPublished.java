package org.mhaqi.events.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * The programme's central team published a phase's report: from now on its pages are readable
 * without a token (small numbers suppressed as ever). Names no person.
 *
 * @param publicationId this publication, which a later ReportWithdrawn names
 * @param phaseId the phase; the Kafka key, so that a phase's publications and withdrawals keep
 *     their order
 */
@EventContract(type = "ReportPublished", topic = Topics.EVALUATION_EVENTS)
public record ReportPublished(UUID publicationId, UUID phaseId, Instant publishedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return phaseId.toString();
  }
}
