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
 * @param title the idea in a few words, written by the team; never names a person
 * @param coProduced whether it was co-produced with lived-experience partners
 * @param measureCodes the codes of the catalogue measures it aims to move
 */
@EventContract(type = "ChangeIdeaRecorded", topic = Topics.EVALUATION_EVENTS)
public record ChangeIdeaRecorded(
    UUID changeIdeaId,
    UUID enrollmentId,
    UUID serviceId,
    String title,
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
