package org.mhaqi.notification.messaging;

import org.mhaqi.events.enrollment.OrganisationRegistered;
import org.mhaqi.events.enrollment.ServiceRegistered;
import org.mhaqi.notification.directory.ServiceDirectory;
import org.mhaqi.support.messaging.EventEnvelope;
import org.mhaqi.support.messaging.PoisonEventException;
import org.springframework.stereotype.Component;

/** Keeps the directory of services and organisations from organisation.events. */
@Component
class DirectoryEventHandler {

  private final ServiceDirectory directory;

  DirectoryEventHandler(ServiceDirectory directory) {
    this.directory = directory;
  }

  void organisationRegistered(OrganisationRegistered event, EventEnvelope envelope) {
    if (event.organisationId() == null || event.odsCode() == null || event.registeredAt() == null) {
      throw new PoisonEventException(envelope + " lacks the organisation, ODS code or time");
    }
    directory.organisationRegistered(
        event.organisationId(), event.odsCode(), event.name(), event.registeredAt());
  }

  void serviceRegistered(ServiceRegistered event, EventEnvelope envelope) {
    if (event.serviceId() == null
        || event.organisationId() == null
        || event.registeredAt() == null) {
      throw new PoisonEventException(envelope + " lacks the service, organisation or time");
    }
    directory.serviceRegistered(
        event.serviceId(), event.organisationId(), event.name(), event.registeredAt());
  }
}
