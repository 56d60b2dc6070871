package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A service's project team changed. Carries the whole current team as member ids and roles: never
 * names or e-mail addresses, which stay in enrollment-service.
 */
@EventContract(type = "ProjectTeamUpdated", topic = Topics.ENROLLMENT_EVENTS)
public record ProjectTeamUpdated(
    UUID enrollmentId, UUID serviceId, List<Member> members, Instant updatedAt)
    implements DomainEvent {

  public ProjectTeamUpdated {
    members = List.copyOf(members);
  }

  /** One member of the team, by id and role. */
  public record Member(UUID memberId, TeamRole role) {}

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
