package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/** An enrolled service completed its phase. */
@EventContract(type = "EnrollmentCompleted", topic = Topics.ENROLLMENT_EVENTS)
public record EnrollmentCompleted(
    UUID enrollmentId, UUID serviceId, UUID phaseId, Instant completedAt) implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
