package org.mhaqi.analytics;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import tools.jackson.databind.json.JsonMapper;

/**
 * One phase's figures, as the events say them so far.
 *
 * @param enrolled services enrolled, less those withdrawn from enrolment
 * @param waitlisted services on the waiting list, less those promoted or withdrawn from it
 * @param withdrawn enrolments withdrawn (from any status)
 * @param sessionsPlanned coaching sessions in the plans created
 * @param sessionsDelivered coaching sessions completed
 * @param returnsIn monthly data returns submitted (corrections not counted again)
 * @param specialCauses special causes the SPC rules detected
 */
public record PhaseFigures(
    long enrolled,
    long waitlisted,
    long withdrawn,
    long sessionsPlanned,
    long sessionsDelivered,
    long returnsIn,
    long specialCauses) {

  public static final PhaseFigures NONE = new PhaseFigures(0, 0, 0, 0, 0, 0, 0);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** As JSON in the table's changelog and on the HTTP endpoint. */
  public static final Serde<PhaseFigures> SERDE =
      Serdes.serdeFrom(
          (topic, figures) -> figures == null ? null : JSON.writeValueAsBytes(figures),
          (topic, bytes) -> bytes == null ? null : JSON.readValue(bytes, PhaseFigures.class));

  PhaseFigures plus(ProgrammeTable.Change change) {
    long d = change.delta();
    return switch (change.figure()) {
      case "enrolled" ->
          new PhaseFigures(
              enrolled + d,
              waitlisted,
              withdrawn,
              sessionsPlanned,
              sessionsDelivered,
              returnsIn,
              specialCauses);
      case "waitlisted" ->
          new PhaseFigures(
              enrolled,
              waitlisted + d,
              withdrawn,
              sessionsPlanned,
              sessionsDelivered,
              returnsIn,
              specialCauses);
      case "withdrawn" ->
          new PhaseFigures(
              enrolled,
              waitlisted,
              withdrawn + d,
              sessionsPlanned,
              sessionsDelivered,
              returnsIn,
              specialCauses);
      case "sessionsPlanned" ->
          new PhaseFigures(
              enrolled,
              waitlisted,
              withdrawn,
              sessionsPlanned + d,
              sessionsDelivered,
              returnsIn,
              specialCauses);
      case "sessionsDelivered" ->
          new PhaseFigures(
              enrolled,
              waitlisted,
              withdrawn,
              sessionsPlanned,
              sessionsDelivered + d,
              returnsIn,
              specialCauses);
      case "returnsIn" ->
          new PhaseFigures(
              enrolled,
              waitlisted,
              withdrawn,
              sessionsPlanned,
              sessionsDelivered,
              returnsIn + d,
              specialCauses);
      case "specialCauses" ->
          new PhaseFigures(
              enrolled,
              waitlisted,
              withdrawn,
              sessionsPlanned,
              sessionsDelivered,
              returnsIn,
              specialCauses + d);
      default -> throw new IllegalArgumentException("No figure " + change.figure());
    };
  }
}
