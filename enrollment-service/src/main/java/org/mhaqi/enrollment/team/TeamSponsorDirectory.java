package org.mhaqi.enrollment.team;

import java.util.UUID;
import org.mhaqi.enrollment.enrollment.SponsorDirectory;
import org.mhaqi.events.enrollment.TeamRole;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers enrolment's question about sponsors from the project team records. */
@Component
class TeamSponsorDirectory implements SponsorDirectory {

  private final TeamMemberRepository members;

  TeamSponsorDirectory(TeamMemberRepository members) {
    this.members = members;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean isExecutiveSponsor(UUID enrollmentId, UUID memberId) {
    return memberId != null
        && members
            .findById(memberId)
            .filter(m -> m.getEnrollmentId().equals(enrollmentId))
            .filter(TeamMember::isCurrent)
            .filter(m -> m.getRole() == TeamRole.EXECUTIVE_SPONSOR)
            .isPresent();
  }
}
