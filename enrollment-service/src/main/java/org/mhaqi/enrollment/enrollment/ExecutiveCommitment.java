package org.mhaqi.enrollment.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;

/**
 * The executive sponsor's confirmation of the three backings the programme asks for: the
 * organisation's involvement, the team developing, implementing and sustaining its change ideas,
 * and proportionate data collection for the evaluation.
 */
@Embeddable
public record ExecutiveCommitment(
    @Column(name = "sponsor_member_id") UUID sponsorMemberId,
    @Column(name = "backs_organisation_involvement") boolean organisationInvolvement,
    @Column(name = "backs_team_change_ideas") boolean teamChangeIdeas,
    @Column(name = "backs_data_collection") boolean proportionateDataCollection,
    @Column(name = "commitment_confirmed_at") Instant confirmedAt,
    @Column(name = "commitment_confirmed_by") String confirmedBy) {

  public boolean isComplete() {
    return sponsorMemberId != null
        && organisationInvolvement
        && teamChangeIdeas
        && proportionateDataCollection;
  }
}
