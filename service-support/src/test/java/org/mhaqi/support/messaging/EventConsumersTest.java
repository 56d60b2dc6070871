package org.mhaqi.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.springframework.dao.CannotAcquireLockException;
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
  private final List<Object> handled = new ArrayList<>();
  private RuntimeException handlerFailure;

  private final Consumer<Message<byte[]>> consumer =
      new EventConsumers(json, new TransactionTemplate(transactions), marks, meters)
          .consumer("test-group")
          .on(
              EnrollmentCompleted.class,
              (event, envelope) -> {
                if (handlerFailure != null) {
                  throw handlerFailure;
                }
                handled.add(event);
              })
          .build();

  @Test
  void anEventIsAppliedOnceAndItsRedeliverySkipped() {
    UUID id = UUID.randomUUID();
    Message<byte[]> message = completed(id);

    consumer.accept(message);
    consumer.accept(message);

    assertThat(handled).hasSize(1);
    assertThat(marks.committed).containsExactly(id);
    assertThat(outcome("applied")).isEqualTo(1);
    assertThat(outcome("duplicate")).isEqualTo(1);
  }

  @Test
  void aTypeWithoutHandlerIsMarkedAndSkipped() {
    UUID id = UUID.randomUUID();

    consumer.accept(message(id, "ProjectTeamUpdated", "1", "{}".getBytes(StandardCharsets.UTF_8)));

    assertThat(handled).isEmpty();
    assertThat(marks.committed).containsExactly(id);
    assertThat(outcome("skipped")).isEqualTo(1);
  }

  @Test
  void aHandlersPoisonVerdictReachesTheBindingAndNothingIsMarked() {
    handlerFailure = new PoisonEventException("the phase is unknown");

    assertThatThrownBy(() -> consumer.accept(completed(UUID.randomUUID())))
        .isSameAs(handlerFailure);
    assertThat(marks.committed).isEmpty();
    assertThat(transactions.rollbacks).isEqualTo(1);
  }

  @Test
  void aTransientFailureReachesTheBindingUnchangedSoItIsRetriedAndNothingIsMarked() {
    handlerFailure = new CannotAcquireLockException("lock timeout");

    assertThatThrownBy(() -> consumer.accept(completed(UUID.randomUUID())))
        .isSameAs(handlerFailure)
        .satisfies(e -> assertThat(TransientFailures.isTransient(e)).isTrue());
    assertThat(marks.committed).isEmpty();
    assertThat(transactions.rollbacks).isEqualTo(1);
  }

  @Test
  void aDefectReachesTheBindingAsItselfAndNothingIsMarked() {
    handlerFailure = new IllegalStateException("bug");

    assertThatThrownBy(() -> consumer.accept(completed(UUID.randomUUID())))
        .isSameAs(handlerFailure)
        .satisfies(e -> assertThat(TransientFailures.isTransient(e)).isFalse())
        .satisfies(e -> assertThat(TransientFailures.poison(e)).isEmpty());
    assertThat(marks.committed).isEmpty();
  }

  @Test
  void anUnknownSchemaVersionIsPoisonNamingBothVersions() {
    UUID id = UUID.randomUUID();

    assertThatThrownBy(() -> consumer.accept(message(id, "EnrollmentCompleted", "2", payload())))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("Unknown schema version 2")
        .hasMessageContaining("reads version 1");
    assertThat(outcome("poison")).isEqualTo(1);
    assertThat(handled).isEmpty();
  }

  @Test
  void anEmptyOrNullPayloadIsPoison() {
    assertThatThrownBy(
            () ->
                consumer.accept(
                    message(UUID.randomUUID(), "EnrollmentCompleted", "1", new byte[0])))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("Empty payload");
    assertThatThrownBy(
            () ->
                consumer.accept(
                    message(
                        UUID.randomUUID(),
                        "EnrollmentCompleted",
                        "1",
                        "null".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("JSON null");
  }

  @Test
  void aPayloadLackingARequiredListOrIdIsPoisonNamingTheFields() {
    Consumer<Message<byte[]>> teams =
        new EventConsumers(json, new TransactionTemplate(transactions), marks, meters)
            .consumer("test-group")
            .on(ProjectTeamUpdated.class, (event, envelope) -> handled.add(event))
            .build();
    byte[] noMembers =
        "{\"serviceId\":null,\"members\":null,\"updatedAt\":\"2026-11-27T10:00:00Z\"}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> teams.accept(message(UUID.randomUUID(), "ProjectTeamUpdated", "1", noMembers)))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("missing or null: enrollmentId, serviceId, members");
  }

  @Test
  void anUnparseablePayloadIsPoisonWithoutGuessingAtFields() {
    assertThatThrownBy(
            () ->
                consumer.accept(
                    message(
                        UUID.randomUUID(),
                        "EnrollmentCompleted",
                        "1",
                        "{\"enrollmentId\":".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(PoisonEventException.class)
        .hasMessageContaining("Unparseable payload")
        .hasMessageNotContaining("missing or null");
  }

  @Test
  void aMessageWithoutEnvelopeIsPoison() {
    assertThatThrownBy(() -> consumer.accept(MessageBuilder.withPayload(payload()).build()))
        .isInstanceOf(PoisonEventException.class);
    assertThat(meters.find("events.consumed").tag("type", "unknown").counter().count())
        .isEqualTo(1);
  }

  private long outcome(String outcome) {
    var counter = meters.find("events.consumed").tag("outcome", outcome).counter();
    return counter == null ? 0 : (long) counter.count();
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

    Marks() {
      super(null, Clock.systemUTC());
    }

    @Override
    public boolean markProcessed(UUID eventId, String consumer, String eventType) {
      return !committed.contains(eventId) && staged.add(eventId);
    }
  }

  /** A transaction manager that only counts, and settles the marks as a database would. */
  private final class Transactions extends AbstractPlatformTransactionManager {

    int rollbacks;

    @Override
    protected Object doGetTransaction() {
      return new Object();
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
      marks.staged.clear();
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      marks.committed.addAll(marks.staged);
      marks.staged.clear();
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
      rollbacks++;
      marks.staged.clear();
    }
  }
}
