package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * An expression of interest was declined.
 *
 * <p>Schema version 2 dropped version 1's {@code reason} in words: the code says why, the words
 * stay in enrollment-service, where they can be redacted. A version 1 payload, still read during
 * its deprecation period, reads the same without them.
 *
 * @param reasonCode why it was declined
 * @param learningNetwork true when the provider joins the learning network (shared learning, no
 *     coaching)
 */
@EventContract(
    type = "EnrollmentDeclined",
    version = 2,
    stillReads = 1,
    topic = Topics.ENROLLMENT_EVENTS)
public record EnrollmentDeclined(
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    DeclineReason reasonCode,
    boolean learningNetwork,
    Instant declinedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
