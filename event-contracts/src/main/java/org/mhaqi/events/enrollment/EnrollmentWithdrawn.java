package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * An enrolled or waitlisted service left the phase. Its future coaching sessions are cancelled.
 *
 * @param previousStatus {@code ENROLLED} or {@code WAITLISTED}
 */
@EventContract(type = "EnrollmentWithdrawn", topic = Topics.ENROLLMENT_EVENTS)
public record EnrollmentWithdrawn(
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    String previousStatus,
    String reason,
    Instant withdrawnAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
