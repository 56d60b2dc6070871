package org.mhaqi.analytics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live table of the programme, per phase: the topology that reads the public topics and keeps
 * {@link PhaseFigures} by phase id in the queryable store {@value #TABLE}.
 *
 * <ol>
 *   <li>{@code enrollment.events}, {@code coaching.events} and {@code evaluation.events} are all
 *       keyed by enrolment id with the same partitions, so one task sees every event of an
 *       enrolment, in order within each topic.
 *   <li>Each event is applied once: its {@code ce_id} is remembered ({@value #SEEN}), so a replay
 *       or a redelivery changes nothing.
 *   <li>An enrolment's phase comes from its events that name it ({@value #PHASES}); an event that
 *       does not (a data return, a special cause) counts for the phase of its enrolment, waiting
 *       ({@value #PENDING}) if that is not known yet.
 *   <li>The changes are re-keyed by phase and summed into the table.
 * </ol>
 */
public final class ProgrammeTable {

  public static final String ENROLLMENT_EVENTS = "enrollment.events";
  public static final String COACHING_EVENTS = "coaching.events";
  public static final String EVALUATION_EVENTS = "evaluation.events";
  public static final String TABLE = "phase-figures";
  static final String SEEN = "seen-event-ids";
  static final String PHASES = "enrollment-phases";
  static final String PENDING = "pending-changes";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProgrammeTable() {}

  public static Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SEEN), Serdes.String(), Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PHASES), Serdes.String(), Serdes.String()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PENDING), Serdes.String(), Serdes.String()));
    builder.stream(
            List.of(ENROLLMENT_EVENTS, COACHING_EVENTS, EVALUATION_EVENTS),
            Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .process(ByPhase::new, SEEN, PHASES, PENDING)
        .groupByKey(Grouped.with("by-phase", Serdes.String(), Serdes.String()))
        .aggregate(
            () -> PhaseFigures.NONE,
            (phase, change, figures) -> figures.plus(Change.parse(change)),
            Materialized.<String, PhaseFigures, KeyValueStore<Bytes, byte[]>>as(TABLE)
                .withKeySerde(Serdes.String())
                .withValueSerde(PhaseFigures.SERDE));
    return builder.build();
  }

  /** What one event changes in its phase's figures, by its type ({@code ce_type}). */
  static List<Change> changes(String type, JsonNode event) {
    return switch (type) {
      case "ServiceEnrolled" ->
          event.path("promotedFromWaitlist").asBoolean(false)
              ? List.of(new Change("enrolled", 1), new Change("waitlisted", -1))
              : List.of(new Change("enrolled", 1));
      case "ServiceWaitlisted" -> List.of(new Change("waitlisted", 1));
      case "EnrollmentWithdrawn" ->
          switch (event.path("previousStatus").asString("")) {
            case "ENROLLED" -> List.of(new Change("enrolled", -1), new Change("withdrawn", 1));
            case "WAITLISTED" -> List.of(new Change("waitlisted", -1), new Change("withdrawn", 1));
            default -> List.of(new Change("withdrawn", 1));
          };
      case "CoachingPlanCreated" ->
          List.of(new Change("sessionsPlanned", event.path("sessions").asLong(0)));
      case "SessionCompleted" -> List.of(new Change("sessionsDelivered", 1));
      case "DataReturnSubmitted" ->
          event.path("correction").asBoolean(false)
              ? List.of()
              : List.of(new Change("returnsIn", 1));
      case "SpecialCauseDetected" -> List.of(new Change("specialCauses", 1));
      default -> List.of();
    };
  }

  /** One figure and how much it moves: {@code "enrolled 1"} on the repartition topic. */
  record Change(String figure, long delta) {

    static Change parse(String text) {
      int space = text.indexOf(' ');
      return new Change(text.substring(0, space), Long.parseLong(text.substring(space + 1)));
    }

    String text() {
      return figure + " " + delta;
    }
  }

  /** Per enrolment: deduplicates, learns the phase, and forwards the changes keyed by phase. */
  static final class ByPhase implements Processor<String, byte[], String, String> {

    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Long> seen;
    private KeyValueStore<String, String> phases;
    private KeyValueStore<String, String> pending;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
      this.seen = context.getStateStore(SEEN);
      this.phases = context.getStateStore(PHASES);
      this.pending = context.getStateStore(PENDING);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      String id = header(record, "ce_id");
      String type = header(record, "ce_type");
      String enrollment = record.key();
      if (id == null || type == null || enrollment == null || record.value() == null) {
        return;
      }
      if (seen.get(id) != null) {
        return;
      }
      seen.put(id, record.timestamp());
      JsonNode event;
      try {
        event = JSON.readTree(record.value());
      } catch (RuntimeException unreadable) {
        return;
      }
      String phase = phases.get(enrollment);
      String named = event.path("phaseId").asString(null);
      if (phase == null && named != null) {
        phase = named;
        phases.put(enrollment, phase);
        String waiting = pending.delete(enrollment);
        if (waiting != null) {
          for (String change : waiting.split("\n")) {
            context.forward(record.withKey(phase).withValue(change).withHeaders(none()));
          }
        }
      }
      List<Change> changes = changes(type, event);
      if (changes.isEmpty()) {
        return;
      }
      if (phase == null) {
        List<String> waiting = new ArrayList<>();
        String before = pending.get(enrollment);
        if (before != null) {
          waiting.add(before);
        }
        changes.forEach(c -> waiting.add(c.text()));
        pending.put(enrollment, String.join("\n", waiting));
        return;
      }
      for (Change change : changes) {
        context.forward(record.withKey(phase).withValue(change.text()).withHeaders(none()));
      }
    }

    private static org.apache.kafka.common.header.Headers none() {
      return new org.apache.kafka.common.header.internals.RecordHeaders();
    }

    private static String header(Record<String, byte[]> record, String name) {
      Header header = record.headers().lastHeader(name);
      return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
  }
}
