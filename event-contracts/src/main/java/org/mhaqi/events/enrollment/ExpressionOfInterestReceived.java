package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A service expressed interest in a phase, either as a new application or carried over from a pilot
 * phase whose capacity it did not get into.
 *
 * @param carriedOverFromEnrollmentId the pilot enrolment the interest came from; null for a new
 *     application
 * @param appliedAt when the service first applied; the waitlist is ordered by it
 */
@EventContract(type = "ExpressionOfInterestReceived", topic = Topics.ENROLLMENT_EVENTS)
public record ExpressionOfInterestReceived(
    UUID enrollmentId,
    UUID serviceId,
    UUID organisationId,
    String odsCode,
    ProviderType providerType,
    Region region,
    ServiceType serviceType,
    UUID phaseId,
    PhaseKind phaseKind,
    UUID carriedOverFromEnrollmentId,
    Instant appliedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
