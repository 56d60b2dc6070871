package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * An enrolled or waitlisted service left the phase. Its future coaching sessions are cancelled.
 *
 * <p>Schema version 2 carries the reason as a code; version 1 carried it in words (free text on a
 * topic kept for ever, out of reach of redaction). A version 1 payload, still read during its
 * deprecation period, reads with {@code reasonCode} {@link WithdrawalReason#OTHER}, its words
 * dropped.
 *
 * @param previousStatus {@code ENROLLED} or {@code WAITLISTED}
 * @param reasonCode why the service withdrew
 */
@EventContract(
    type = "EnrollmentWithdrawn",
    version = 2,
    stillReads = 1,
    topic = Topics.ENROLLMENT_EVENTS)
public record EnrollmentWithdrawn(
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    String previousStatus,
    WithdrawalReason reasonCode,
    Instant withdrawnAt)
    implements DomainEvent {

  public EnrollmentWithdrawn {
    if (reasonCode == null) {
      reasonCode = WithdrawalReason.OTHER;
    }
  }

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
