package org.mhaqi.enrollment.enrollment;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of an enrolment's life cycle: when, by whom, and why where it ends something. */
@Entity
@Table(name = "enrollment_transition")
public class EnrollmentTransition {

  @Id private UUID id;
  private int sequence;

  @Enumerated(EnumType.STRING)
  private EnrollmentStatus fromStatus;

  @Enumerated(EnumType.STRING)
  private EnrollmentStatus toStatus;

  private Instant occurredAt;
  private String actor;
  private String reason;

  protected EnrollmentTransition() {}

  EnrollmentTransition(
      int sequence,
      EnrollmentStatus fromStatus,
      EnrollmentStatus toStatus,
      Instant occurredAt,
      String actor,
      String reason) {
    this.id = UUID.randomUUID();
    this.sequence = sequence;
    this.fromStatus = fromStatus;
    this.toStatus = toStatus;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.reason = reason;
  }

  public int getSequence() {
    return sequence;
  }

  /** Null for the first step, the expression of interest. */
  public EnrollmentStatus getFromStatus() {
    return fromStatus;
  }

  public EnrollmentStatus getToStatus() {
    return toStatus;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getReason() {
    return reason;
  }
}
