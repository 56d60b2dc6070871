package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * An executive sponsor confirmed the three backings the programme asks for before a service is
 * enrolled. The sponsor appears by member id only, never by name.
 *
 * @param sponsorMemberId the project team member (role EXECUTIVE_SPONSOR) who confirmed
 * @param organisationInvolvement backs the organisation's involvement in the programme
 * @param teamChangeIdeas backs the team developing, implementing and sustaining its change ideas
 * @param proportionateDataCollection backs proportionate data collection for the evaluation
 */
@EventContract(type = "ExecutiveCommitmentConfirmed", topic = Topics.ENROLLMENT_EVENTS)
public record ExecutiveCommitmentConfirmed(
    UUID enrollmentId,
    UUID serviceId,
    UUID sponsorMemberId,
    boolean organisationInvolvement,
    boolean teamChangeIdeas,
    boolean proportionateDataCollection,
    Instant confirmedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
