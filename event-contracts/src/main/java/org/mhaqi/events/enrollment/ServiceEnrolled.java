package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A service was enrolled in a phase and will be coached over the phase's coaching window.
 *
 * @param coachingStartsOn first day of the phase's coaching window (inclusive)
 * @param coachingEndsOn last day of the phase's coaching window (inclusive)
 * @param providerType the organisation's provider type; absent from events written before it was
 *     added (schema version unchanged: an optional field)
 * @param promotedFromWaitlist true when a withdrawal freed the place this service took
 */
@EventContract(type = "ServiceEnrolled", topic = Topics.ENROLLMENT_EVENTS)
public record ServiceEnrolled(
    UUID enrollmentId,
    UUID serviceId,
    UUID organisationId,
    String odsCode,
    ProviderType providerType,
    Region region,
    ServiceType serviceType,
    UUID phaseId,
    PhaseKind phaseKind,
    LocalDate coachingStartsOn,
    LocalDate coachingEndsOn,
    boolean promotedFromWaitlist,
    Instant enrolledAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
