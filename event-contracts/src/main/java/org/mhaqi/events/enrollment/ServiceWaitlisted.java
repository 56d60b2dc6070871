package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A committed service could not be enrolled because its phase is full.
 *
 * @param waitlistPosition 1-based position when it was waitlisted, in order of application
 */
@EventContract(type = "ServiceWaitlisted", topic = Topics.ENROLLMENT_EVENTS)
public record ServiceWaitlisted(
    UUID enrollmentId, UUID serviceId, UUID phaseId, int waitlistPosition, Instant waitlistedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
