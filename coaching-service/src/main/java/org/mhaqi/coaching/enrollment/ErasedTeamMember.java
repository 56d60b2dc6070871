package org.mhaqi.coaching.enrollment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A team member erased in enrollment-service: remembered so that a team update read later, which
 * may still list the member, never brings the id back.
 */
@Entity
@Table(name = "erased_team_member")
class ErasedTeamMember {

  @Id private UUID memberId;
  private UUID enrollmentId;
  private Instant erasedAt;

  protected ErasedTeamMember() {}

  ErasedTeamMember(UUID memberId, UUID enrollmentId, Instant erasedAt) {
    this.memberId = memberId;
    this.enrollmentId = enrollmentId;
    this.erasedAt = erasedAt;
  }

  UUID getMemberId() {
    return memberId;
  }
}
