package org.mhaqi.events.evaluation;

import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * The programme's central team set or changed a target of a catalogue measure: for the measure
 * everywhere, or for one phase, or for one service. The most specific target applies (service, then
 * phase, then measure); each change is a new version. Names no person.
 *
 * @param targetId the target of this scope, shared by its versions; the Kafka key
 * @param phaseId the phase it is set for; null for the measure everywhere or for a service
 * @param serviceId the service it is set for; null for the measure everywhere or for a phase
 * @param version 1 when first set, one more with each change
 * @param value the target in the measure's unit (rate per 1,000 occupied bed days, percentage, mean
 *     days or count)
 */
@EventContract(type = "MeasureTargetSet", topic = Topics.EVALUATION_EVENTS)
public record MeasureTargetSet(
    UUID targetId,
    String measureCode,
    UUID phaseId,
    UUID serviceId,
    int version,
    double value,
    Instant setAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return targetId.toString();
  }
}
