package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A project team member's personal data was erased in enrollment-service: consumers drop whatever
 * they hold about the person (e.g. coaching-service's attendance records naming them). Carries ids
 * and a time only, never the erased name or e-mail address.
 *
 * @param memberId the erased team member, as ProjectTeamUpdated named them
 * @param enrollmentId the enrolment whose team the member belongs to; the Kafka key, so the erasure
 *     is read in order with that team's ProjectTeamUpdated events
 * @param erasedAt when the erasure was recorded (UTC)
 */
@EventContract(type = "TeamMemberErased", topic = Topics.ENROLLMENT_EVENTS)
public record TeamMemberErased(UUID memberId, UUID enrollmentId, Instant erasedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
