package org.mhaqi.coaching.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** One change of a session: the original time and coach stay readable after every move. */
@Entity
@Table(name = "session_change")
public class SessionChange {

  /** What happened to the session. */
  public enum Change {
    RESCHEDULED,
    STAFFED,
    CANCELLED,
    COMPLETED
  }

  @Id private UUID id;
  private int sequence;

  @Enumerated(EnumType.STRING)
  private Change change;

  private Instant changedAt;
  private String actor;
  private LocalDateTime fromStartsAt;
  private LocalDateTime toStartsAt;
  private UUID fromCoachId;
  private UUID toCoachId;
  private String reason;

  protected SessionChange() {}

  SessionChange(
      int sequence,
      Change change,
      Instant changedAt,
      String actor,
      LocalDateTime fromStartsAt,
      LocalDateTime toStartsAt,
      UUID fromCoachId,
      UUID toCoachId,
      String reason) {
    this.id = UUID.randomUUID();
    this.sequence = sequence;
    this.change = change;
    this.changedAt = changedAt;
    this.actor = actor;
    this.fromStartsAt = fromStartsAt;
    this.toStartsAt = toStartsAt;
    this.fromCoachId = fromCoachId;
    this.toCoachId = toCoachId;
    this.reason = reason;
  }

  public int getSequence() {
    return sequence;
  }

  public Change getChange() {
    return change;
  }

  public Instant getChangedAt() {
    return changedAt;
  }

  public String getActor() {
    return actor;
  }

  public LocalDateTime getFromStartsAt() {
    return fromStartsAt;
  }

  public LocalDateTime getToStartsAt() {
    return toStartsAt;
  }

  public UUID getFromCoachId() {
    return fromCoachId;
  }

  public UUID getToCoachId() {
    return toCoachId;
  }

  public String getReason() {
    return reason;
  }
}
