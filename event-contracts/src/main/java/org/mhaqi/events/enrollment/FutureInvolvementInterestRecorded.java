package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * The central team recorded which areas of the Mental Health Act reforms a learning-network
 * provider is interested in being involved in later, as the provider said on a date. Codes only.
 *
 * @param organisationId the provider; the Kafka key
 * @param areas the areas it named (the whole set as of that date)
 * @param expressedOn the day the provider said so
 */
@EventContract(type = "FutureInvolvementInterestRecorded", topic = Topics.ENROLLMENT_EVENTS)
public record FutureInvolvementInterestRecorded(
    UUID organisationId, List<MhaReformArea> areas, LocalDate expressedOn, Instant recordedAt)
    implements DomainEvent {

  public FutureInvolvementInterestRecorded {
    areas = List.copyOf(areas);
  }

  @Override
  public String subject() {
    return organisationId.toString();
  }
}
