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
 *
 * @param revision the team's revision within its enrolment, rising by one with each change, so a
 *     consumer applies the newest team whatever order it reads them in; absent from events written
 *     before it was added (schema version unchanged: an optional field)
 */
@EventContract(type = "ProjectTeamUpdated", topic = Topics.ENROLLMENT_EVENTS)
public record ProjectTeamUpdated(
    UUID enrollmentId, UUID serviceId, List<Member> members, Instant updatedAt, Long revision)
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
