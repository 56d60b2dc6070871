package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * An expression of interest was declined.
 *
 * @param reason the reason in words, as given to the service
 * @param learningNetwork true when the provider joins the learning network (shared learning, no
 *     coaching)
 */
@EventContract(type = "EnrollmentDeclined", topic = Topics.ENROLLMENT_EVENTS)
public record EnrollmentDeclined(
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    DeclineReason reasonCode,
    String reason,
    boolean learningNetwork,
    Instant declinedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
