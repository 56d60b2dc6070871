package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A project team member's personal data was erased in enrollment-service. Consumers forget the
 * member id wherever they keep it (coaching: its team copy and its attendance records, which keep
 * the role and counts).
 */
@EventContract(type = "TeamMemberErased", topic = Topics.ENROLLMENT_EVENTS)
public record TeamMemberErased(UUID memberId, UUID enrollmentId, Instant erasedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
