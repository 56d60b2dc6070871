package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * An organisation registered one of its inpatient services or ward teams. Keyed by the
 * organisation, so it follows the organisation's OrganisationRegistered on the same partition.
 *
 * @param name the ward or service name, e.g. "Willow Ward"; never a person's name
 */
@EventContract(type = "ServiceRegistered", topic = Topics.ORGANISATION_EVENTS)
public record ServiceRegistered(
    UUID serviceId, UUID organisationId, ServiceType serviceType, String name, Instant registeredAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return organisationId.toString();
  }
}
