package org.mhaqi.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhaqi.support.messaging.TestBatches.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.events.evaluation.ChangeIdeaRecorded;
import org.slf4j.MDC;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

class EventConsumersTest {

  private final Transactions transactions = new Transactions();
  private final Marks marks = new Marks();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final JsonMapper json = JsonMapper.builder().build();

  /** What the handler applied, kept per transaction like the marks. */
  private final List<UUID> handled = new ArrayList<>();

  private final List<UUID> staged = new ArrayList<>();
  private final List<String> eventIdsInMdc = new ArrayList<>();
  private final List<Integer> isolatedAfter = new ArrayList<>();

  /** Failures of the handler by event id; those in {@link #onlyInBatches} pass when alone. */
  private final Map<UUID, RuntimeException> failures = new HashMap<>();

  private final Set<UUID> onlyInBatches = new HashSet<>();

  private final Consumer<Message<List<byte[]>>> consumer =
      new EventConsumers(
              json,
              new TransactionTemplate(transactions),
              marks,
              meters,
              () -> isolatedAfter.add(staged.size()))
          .consumer("test-group")
          .on(
              EnrollmentCompleted.class,
              (event, envelope) -> {
                eventIdsInMdc.add(MDC.get("eventId"));
                RuntimeException failure = failures.get(envelope.id());
                if (failure != null
                    && (!onlyInBatches.contains(envelope.id()) || transactions.batchOfMany)) {
                  throw failure;
                }
                staged.add(envelope.id());
              })
          .build();

  @Test
  void everyHandledTypeIsCountedAtZeroBeforeItsFirstEvent() {
    for (String outcome : List.of("applied", "duplicate", "poison")) {
      assertThat(
              meters
                  .find("events.consumed")
                  .tags("consumer", "test-group", "type", "EnrollmentCompleted", "outcome", outcome)
                  .counter())
          .as(outcome)
          .isNotNull()
          .extracting(Counter::count)
          .isEqualTo(0.0);
    }
  }

  @Test
  void aBatchIsAppliedInOrderInOneTransaction() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    UUID third = UUID.randomUUID();

    consumer.accept(batch(completed(first), completed(second), completed(third)));

    assertThat(handled).containsExactly(first, second, third);
    assertThat(transactions.commits).isEqualTo(1);
    assertThat(marks.committed).containsExactlyInAnyOrder(first, second, third);
    assertThat(marks.statements).as("marks inserted in one statement").isEqualTo(1);
    assertThat(outcome("applied")).isEqualTo(3);
    assertThat(handlingCount()).as("handling timed per event").isEqualTo(3);
    assertThat(meters.find("events.consumer.batch").timer().count()).isEqualTo(1);
  }

  @Test
  void eachEventIsHandledWithItsIdInTheMdcAndIsolatedFromTheNext() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();

    consumer.accept(batch(completed(first), completed(second)));

    assertThat(eventIdsInMdc).containsExactly(first.toString(), second.toString());
    assertThat(MDC.get("eventId")).isNull();
    assertThat(isolatedAfter).as("after each event's handler").containsExactly(1, 2);
  }

  @Test
  void anEventIsAppliedOnceAndItsRedeliverySkipped() {
    UUID id = UUID.randomUUID();

    consumer.accept(batch(completed(id)));
    consumer.accept(batch(completed(id)));

    assertThat(handled).containsExactly(id);
    assertThat(marks.committed).containsExactly(id);
    assertThat(outcome("applied")).isEqualTo(1);
    assertThat(outcome("duplicate")).isEqualTo(1);
  }

  @Test
  void aDuplicateInsideABatchIsAppliedOnce() {
    UUID id = UUID.randomUUID();
    UUID other = UUID.randomUUID();

    consumer.accept(batch(completed(id), completed(other), completed(id)));

    assertThat(handled).containsExactly(id, other);
    assertThat(outcome("applied")).isEqualTo(2);
    assertThat(outcome("duplicate")).isEqualTo(1);
    assertThat(isolatedAfter).as("a duplicate is not handled").hasSize(2);
  }

  @Test
  void aTypeWithoutHandlerIsMarkedAndSkipped() {
    UUID id = UUID.randomUUID();
    UUID applied = UUID.randomUUID();

    consumer.accept(
        batch(
            message(id, "ProjectTeamUpdated", "1", "{}".getBytes(StandardCharsets.UTF_8)),
            completed(applied)));
    consumer.accept(
        batch(message(id, "ProjectTeamUpdated", "1", "{}".getBytes(StandardCharsets.UTF_8))));

    assertThat(handled).containsExactly(applied);
    assertThat(marks.committed).containsExactlyInAnyOrder(id, applied);
    assertThat(outcome("skipped")).as("skipped each time, as before batches").isEqualTo(2);
    assertThat(outcome("duplicate")).isZero();
  }

  @Test
  void aHandlerFailureRollsTheBatchBackAndNamesTheEventThatFailsAlone() {
    UUID first = UUID.randomUUID();
    UUID failing = UUID.randomUUID();
    UUID last = UUID.randomUUID();
    IllegalStateException bug = new IllegalStateException("bug");
    failures.put(failing, bug);

    assertThatThrownBy(
            () -> consumer.accept(batch(completed(first), completed(failing), completed(last))))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class,
            e -> {
              assertThat(e.getIndex()).isEqualTo(1);
              assertThat(e.getCause()).isSameAs(bug);
            });

    assertThat(handled)
        .as("the first in a transaction of its own, the last not yet")
        .containsExactly(first);
    assertThat(marks.committed).containsExactly(first);
    assertThat(transactions.rollbacks).as("the batch, then the failing event alone").isEqualTo(2);
    assertThat(transactions.commits).isEqualTo(1);
    assertThat(outcome("applied")).as("only what was committed").isEqualTo(1);
  }

  @Test
  void aFailureOfTheBatchThatPassesOneByOneAppliesEveryEvent() {
    UUID first = UUID.randomUUID();
    UUID deadlocked = UUID.randomUUID();
    failures.put(deadlocked, new CannotAcquireLockException("deadlock"));
    onlyInBatches.add(deadlocked);

    consumer.accept(batch(completed(first), completed(deadlocked)));

    assertThat(handled).containsExactly(first, deadlocked);
    assertThat(transactions.commits).isEqualTo(2);
    assertThat(outcome("applied")).isEqualTo(2);
  }

  @Test
  void aTransientFailureReachesTheContainerWithItsIndexAndIsStillTransient() {
    UUID id = UUID.randomUUID();
    CannotAcquireLockException lockTimeout = new CannotAcquireLockException("lock timeout");
    failures.put(id, lockTimeout);

    assertThatThrownBy(() -> consumer.accept(batch(completed(id))))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class,
            e -> {
              assertThat(e.getIndex()).isZero();
              assertThat(e.getCause()).isSameAs(lockTimeout);
            })
        .satisfies(e -> assertThat(TransientFailures.isTransient(e)).isTrue());
    assertThat(transactions.rollbacks).as("a single event is not tried twice").isEqualTo(1);
    assertThat(marks.committed).isEmpty();
  }

  @Test
  void aHandlersPoisonVerdictIsKeptSoTheContainerDeadLettersIt() {
    UUID id = UUID.randomUUID();
    failures.put(id, new PoisonEventException("the phase is unknown"));

    assertThatThrownBy(() -> consumer.accept(batch(completed(id))))
        .satisfies(e -> assertThat(TransientFailures.poison(e)).isPresent())
        .satisfies(e -> assertThat(TransientFailures.isTransient(e)).isFalse());
    assertThat(marks.committed).isEmpty();
  }

  @Test
  void anUnreadableMessageLetsThoseBeforeItBeAppliedTogetherAndIsNamedAsTheFailure() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    UUID behind = UUID.randomUUID();

    assertThatThrownBy(
            () ->
                consumer.accept(
                    batch(
                        completed(first),
                        completed(second),
                        message(UUID.randomUUID(), "EnrollmentCompleted", "2", payload()),
                        completed(behind))))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class,
            e -> {
              assertThat(e.getIndex()).isEqualTo(2);
              assertThat(e.getCause())
                  .isInstanceOf(PoisonEventException.class)
                  .hasMessageContaining("Unknown schema version 2");
            });
    assertThat(handled).containsExactly(first, second);
    assertThat(transactions.commits).isEqualTo(1);
    assertThat(outcome("poison")).isEqualTo(1);
  }

  @Test
  void anUnreadableFirstMessageTouchesNoDatabase() {
    assertThatThrownBy(
            () ->
                consumer.accept(
                    batch(
                        MessageBuilder.withPayload(payload()).build(),
                        completed(UUID.randomUUID()))))
        .isInstanceOfSatisfying(
            BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isZero())
        .satisfies(e -> assertThat(TransientFailures.poison(e)).isPresent());
    assertThat(transactions.commits + transactions.rollbacks).isZero();
    assertThat(meters.find("events.consumed").tag("type", "unknown").counter().count())
        .isEqualTo(1);
  }

  @Test
  void aMessageThatIsNotABatchOfKafkaRecordsIsRefused() {
    assertThatThrownBy(
            () -> consumer.accept(MessageBuilder.withPayload(List.of(payload())).build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 payloads and no header sets");
    Message<List<byte[]>> mismatched =
        MessageBuilder.withPayload(List.of(payload()))
            .setHeader("kafka_batchConvertedHeaders", List.of())
            .build();
    assertThatThrownBy(() -> consumer.accept(mismatched))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 payloads and 0 header sets");
  }

  @Test
  void anEmptyBatchDoesNothing() {
    consumer.accept(batch(List.of()));

    assertThat(transactions.commits + transactions.rollbacks).isZero();
  }

  @Test
  void anUnknownSchemaVersionIsPoisonNamingBothVersions() {
    assertThat(poisonOf(message(UUID.randomUUID(), "EnrollmentCompleted", "2", payload())))
        .hasMessageContaining("Unknown schema version 2")
        .hasMessageContaining("reads version 1");
    assertThat(outcome("poison")).isEqualTo(1);
    assertThat(handled).isEmpty();
  }

  @Test
  void anEarlierVersionTheContractStillReadsIsReadIntoTheCurrentRecord() {
    List<EnrollmentWithdrawn> read = new ArrayList<>();
    Consumer<Message<List<byte[]>>> withdrawals =
        new EventConsumers(json, new TransactionTemplate(transactions), marks, meters, () -> {})
            .consumer("withdrawals")
            .on(EnrollmentWithdrawn.class, (event, envelope) -> read.add(event))
            .build();
    UUID enrolment = UUID.randomUUID();
    byte[] version1 =
        ("{\"enrollmentId\":\"%s\",\"serviceId\":\"%s\",\"phaseId\":\"%s\","
                + "\"previousStatus\":\"ENROLLED\",\"reason\":\"Ward merged with another\","
                + "\"withdrawnAt\":\"2024-08-19T14:02:11.078Z\"}")
            .formatted(enrolment, UUID.randomUUID(), UUID.randomUUID())
            .getBytes(StandardCharsets.UTF_8);
    byte[] version2 =
        json.writeValueAsBytes(
            new EnrollmentWithdrawn(
                enrolment,
                UUID.randomUUID(),
                UUID.randomUUID(),
                "ENROLLED",
                WithdrawalReason.STAFFING_PRESSURES,
                Instant.parse("2024-08-19T14:02:11.078Z")));

    withdrawals.accept(
        batch(
            message(UUID.randomUUID(), "EnrollmentWithdrawn", "1", version1),
            message(UUID.randomUUID(), "EnrollmentWithdrawn", "2", version2)));

    assertThat(read)
        .extracting(EnrollmentWithdrawn::reasonCode)
        .as("version 1's words are dropped; it reads as OTHER")
        .containsExactly(WithdrawalReason.OTHER, WithdrawalReason.STAFFING_PRESSURES);
    assertThat(read.get(0).enrollmentId()).isEqualTo(enrolment);
    assertThatThrownBy(
            () ->
                withdrawals.accept(
                    batch(message(UUID.randomUUID(), "EnrollmentWithdrawn", "3", version2))))
        .isInstanceOf(BatchListenerFailedException.class)
        .rootCause()
        .hasMessageContaining("Unknown schema version 3");
  }

  @Test
  void aChangeIdeaRecordedOfVersion1IsReadWithoutItsTitle() {
    List<ChangeIdeaRecorded> read = new ArrayList<>();
    Consumer<Message<List<byte[]>>> ideas =
        new EventConsumers(json, new TransactionTemplate(transactions), marks, meters, () -> {})
            .consumer("ideas")
            .on(ChangeIdeaRecorded.class, (event, envelope) -> read.add(event))
            .build();
    UUID idea = UUID.randomUUID();
    byte[] version1 =
        ("{\"changeIdeaId\":\"%s\",\"enrollmentId\":\"%s\",\"serviceId\":\"%s\","
                + "\"title\":\"Safety huddle at every handover\",\"coProduced\":true,"
                + "\"measureCodes\":[\"RESTRICTIVE_INTERVENTIONS\",\"ASSAULTS_ON_STAFF\"],"
                + "\"recordedAt\":\"2024-10-03T10:15:44.901Z\"}")
            .formatted(idea, UUID.randomUUID(), UUID.randomUUID())
            .getBytes(StandardCharsets.UTF_8);
    byte[] version2 =
        json.writeValueAsBytes(
            new ChangeIdeaRecorded(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                false,
                List.of("LENGTH_OF_STAY"),
                Instant.parse("2024-10-04T09:00:00Z")));
    assertThat(new String(version2, StandardCharsets.UTF_8)).doesNotContain("title");

    ideas.accept(
        batch(
            message(UUID.randomUUID(), "ChangeIdeaRecorded", "1", version1),
            message(UUID.randomUUID(), "ChangeIdeaRecorded", "2", version2)));

    assertThat(read).hasSize(2);
    assertThat(read.get(0).changeIdeaId()).isEqualTo(idea);
    assertThat(read.get(0).coProduced()).isTrue();
    assertThat(read.get(0).measureCodes())
        .containsExactly("RESTRICTIVE_INTERVENTIONS", "ASSAULTS_ON_STAFF");
    assertThat(read.get(1).measureCodes()).containsExactly("LENGTH_OF_STAY");
  }

  @Test
  void anEmptyOrNullPayloadIsPoison() {
    assertThat(poisonOf(message(UUID.randomUUID(), "EnrollmentCompleted", "1", new byte[0])))
        .hasMessageContaining("Empty payload");
    assertThat(
            poisonOf(
                message(
                    UUID.randomUUID(),
                    "EnrollmentCompleted",
                    "1",
                    "null".getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("JSON null");
  }

  @Test
  void aTombstoneIsPoisonAsAnEmptyPayload() {
    Message<List<byte[]>> tombstone =
        MessageBuilder.withPayload(java.util.Collections.<byte[]>singletonList(null))
            .setHeader(
                "kafka_batchConvertedHeaders",
                List.of(
                    Map.of(
                        CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.TYPE, "EnrollmentCompleted",
                        CloudEventHeaders.SCHEMA_VERSION, "1")))
            .build();

    assertThatThrownBy(() -> consumer.accept(tombstone))
        .satisfies(
            e ->
                assertThat(TransientFailures.poison(e).orElseThrow())
                    .hasMessageContaining("Empty payload"));
  }

  @Test
  void aPayloadLackingARequiredListOrIdIsPoisonNamingTheFields() {
    Consumer<Message<List<byte[]>>> teams =
        new EventConsumers(
                json, new TransactionTemplate(transactions), marks, meters, EventIsolation.NONE)
            .consumer("test-group")
            .on(ProjectTeamUpdated.class, (event, envelope) -> staged.add(envelope.id()))
            .build();
    byte[] noMembers =
        "{\"serviceId\":null,\"members\":null,\"updatedAt\":\"2026-11-27T10:00:00Z\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () ->
                teams.accept(
                    batch(message(UUID.randomUUID(), "ProjectTeamUpdated", "1", noMembers))))
        .satisfies(
            e ->
                assertThat(TransientFailures.poison(e).orElseThrow())
                    .hasMessageContaining("missing or null: enrollmentId, serviceId, members"));
  }

  @Test
  void anUnparseablePayloadIsPoisonWithoutGuessingAtFields() {
    assertThat(
            poisonOf(
                message(
                    UUID.randomUUID(),
                    "EnrollmentCompleted",
                    "1",
                    "{\"enrollmentId\":".getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("Unparseable payload")
        .hasMessageNotContaining("missing or null");
  }

  private PoisonEventException poisonOf(Message<byte[]> message) {
    try {
      consumer.accept(batch(message));
    } catch (BatchListenerFailedException e) {
      assertThat(e.getIndex()).isZero();
      return TransientFailures.poison(e).orElseThrow();
    }
    throw new AssertionError("not poison: " + message);
  }

  private long outcome(String outcome) {
    return (long)
        meters.find("events.consumed").tag("outcome", outcome).counters().stream()
            .mapToDouble(Counter::count)
            .sum();
  }

  private long handlingCount() {
    return meters.find("events.consumer.handling").timer().count();
  }

  private Message<byte[]> completed(UUID id) {
    return message(id, "EnrollmentCompleted", "1", payload());
  }

  private byte[] payload() {
    return json.writeValueAsBytes(
        new EnrollmentCompleted(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            Instant.parse("2026-11-27T10:00:00Z")));
  }

  private static Message<byte[]> message(UUID id, String type, String version, byte[] payload) {
    return MessageBuilder.withPayload(payload)
        .setHeader(CloudEventHeaders.ID, id.toString())
        .setHeader(CloudEventHeaders.TYPE, type)
        .setHeader(CloudEventHeaders.SCHEMA_VERSION, version)
        .build();
  }

  /** Marks kept per transaction: visible once it commits, gone when it rolls back. */
  private final class Marks extends ProcessedEvents {

    final Set<UUID> committed = new HashSet<>();
    final Set<UUID> staged = new HashSet<>();
    int statements;

    Marks() {
      super(null, Clock.systemUTC());
    }

    @Override
    public Set<UUID> markProcessed(Collection<Mark> marks, String consumer) {
      statements++;
      transactions.batchOfMany = marks.size() > 1;
      Set<UUID> fresh = new LinkedHashSet<>();
      for (Mark mark : marks) {
        if (!committed.contains(mark.eventId()) && staged.add(mark.eventId())) {
          fresh.add(mark.eventId());
        }
      }
      return fresh;
    }
  }

  /** A transaction manager that only counts, and settles marks and effects as a database would. */
  private final class Transactions extends AbstractPlatformTransactionManager {

    int commits;
    int rollbacks;

    /** Whether the transaction under way applies more than one event. */
    boolean batchOfMany;

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
      marks.staged.clear();
      staged.clear();
      batchOfMany = false;
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      commits++;
      marks.committed.addAll(marks.staged);
      handled.addAll(staged);
      marks.staged.clear();
      staged.clear();
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
      rollbacks++;
      marks.staged.clear();
      staged.clear();
    }
  }
}
