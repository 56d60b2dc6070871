package org.mhaqi.enrollment.team;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.support.web.RuleViolationException;

/**
 * A member of an enrolment's project team. Erasure removes the name and e-mail address and keeps
 * the id and role, so the team's history (who sponsored, which roles took part) still reads.
 */
@Entity
@Table(name = "team_member")
public class TeamMember {

  @Id private UUID id;
  private UUID enrollmentId;

  @Enumerated(EnumType.STRING)
  private TeamRole role;

  private String name;
  private String email;
  private Instant addedAt;
  private Instant removedAt;
  private Instant erasedAt;
  @Version private long version;

  protected TeamMember() {}

  TeamMember(UUID enrollmentId, TeamRole role, String name, String email, Instant addedAt) {
    this.id = UUID.randomUUID();
    this.enrollmentId = enrollmentId;
    this.role = role;
    this.name = name;
    this.email = email;
    this.addedAt = addedAt;
  }

  void remove(Instant now) {
    if (removedAt != null) {
      throw RuleViolationException.conflict(
          "member-removed", "memberId", "Member " + id + " already left the team");
    }
    removedAt = now;
  }

  /** Forgets the person, keeps the membership. Erasing twice changes nothing. */
  void erase(Instant now) {
    if (erasedAt == null) {
      name = null;
      email = null;
      erasedAt = now;
    }
  }

  public boolean isErased() {
    return erasedAt != null;
  }

  /**
   * The e-mail address and name, what erasure removes (the address first: it may contain the name);
   * none once erased.
   */
  List<String> personalData() {
    return erasedAt == null ? List.of(email, name) : List.of();
  }

  public boolean isCurrent() {
    return removedAt == null;
  }

  public UUID getId() {
    return id;
  }

  public UUID getEnrollmentId() {
    return enrollmentId;
  }

  public TeamRole getRole() {
    return role;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public Instant getAddedAt() {
    return addedAt;
  }

  public Instant getRemovedAt() {
    return removedAt;
  }

  public Instant getErasedAt() {
    return erasedAt;
  }
}
