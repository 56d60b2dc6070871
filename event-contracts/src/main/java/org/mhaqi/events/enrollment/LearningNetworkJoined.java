package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * The central team invited a provider whose interest was declined as not eligible into the learning
 * network: it reads the programme's shared learning, and is asked about future involvement.
 * Organisation codes only, no person.
 *
 * @param organisationId the provider; the Kafka key
 * @param declinedEnrollmentId the declined expression of interest it was invited from
 */
@EventContract(type = "LearningNetworkJoined", topic = Topics.ENROLLMENT_EVENTS)
public record LearningNetworkJoined(
    UUID organisationId,
    String odsCode,
    ProviderType providerType,
    Region region,
    UUID declinedEnrollmentId,
    Instant joinedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return organisationId.toString();
  }
}
