package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A provider organisation was registered. Its name is the organisation's (e.g. an NHS trust's), not
 * a person's.
 */
@EventContract(type = "OrganisationRegistered", topic = Topics.ORGANISATION_EVENTS)
public record OrganisationRegistered(
    UUID organisationId,
    String odsCode,
    String name,
    ProviderType providerType,
    Region region,
    Instant registeredAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return organisationId.toString();
  }
}
