package org.mhaqi.events.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A service's project team decided to share one of its change ideas with the whole programme: every
 * team, coach, analyst and learning-network member can now read it in the shared library. Ids and
 * codes only; who decided stays in evaluation-service's audit trail.
 *
 * @param enrollmentId the enrolment the idea was recorded under; the Kafka key
 * @param measureCodes the codes of the catalogue measures the idea aims to move
 */
@EventContract(type = "ChangeIdeaShared", topic = Topics.EVALUATION_EVENTS)
public record ChangeIdeaShared(
    UUID changeIdeaId,
    UUID enrollmentId,
    UUID serviceId,
    boolean coProduced,
    List<String> measureCodes,
    Instant sharedAt)
    implements DomainEvent {

  public ChangeIdeaShared {
    measureCodes = List.copyOf(measureCodes);
  }

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
