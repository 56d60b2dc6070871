package org.mhaqi.events.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A service's project team recorded a change idea in the programme's shared library.
 *
 * <p>Ids and codes only. Schema version 2 dropped the idea's title, the team's own words: it stays
 * in evaluation-service, where the team's text is redacted, and what the idea targets travels as
 * measure codes. A version 1 payload, still read during its deprecation period, reads into this
 * record with its title dropped.
 *
 * @param coProduced whether it was co-produced with lived-experience partners
 * @param measureCodes the codes of the catalogue measures it aims to move
 */
@EventContract(
    type = "ChangeIdeaRecorded",
    version = 2,
    stillReads = 1,
    topic = Topics.EVALUATION_EVENTS)
public record ChangeIdeaRecorded(
    UUID changeIdeaId,
    UUID enrollmentId,
    UUID serviceId,
    boolean coProduced,
    List<String> measureCodes,
    Instant recordedAt)
    implements DomainEvent {

  public ChangeIdeaRecorded {
    measureCodes = List.copyOf(measureCodes);
  }

  @Override
  public String subject() {
    return enrollmentId.toString();
  }
}
