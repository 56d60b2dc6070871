package org.mhaqi.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.SendResult;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consumer dispatcher and the listener container's error handling together, as a binding runs
 * them: a handler throws each kind of failure, and the message is retried, dead-lettered with its
 * reason or skipped as the kind says.
 */
class DispatcherFailuresTest {

  private static final String DLQ = "enrollment.events.coaching-service.dlq";

  private final JsonMapper json = JsonMapper.builder().build();
  private final Marks marks = new Marks();
  private final List<UUID> applied = new ArrayList<>();
  private final List<ProducerRecord<Object, Object>> deadLetters = new ArrayList<>();
  private RuntimeException handlerFailure;

  private final Consumer<Message<byte[]>> dispatcher =
      new EventConsumers(
              json, new TransactionTemplate(new Transactions()), marks, new SimpleMeterRegistry())
          .consumer("coaching-service")
          .on(
              EnrollmentCompleted.class,
              (event, envelope) -> {
                if (handlerFailure != null) {
                  throw handlerFailure;
                }
                applied.add(envelope.id());
              })
          .build();

  /** Three attempts for unexpected failures, as the services' bindings have. */
  private final DefaultErrorHandler container =
      new ConsumerErrorHandling(
              new DeadLetterRecorder(),
              new ConsumerRetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), null),
              new ConsumerHealthIndicator(null),
              new SimpleMeterRegistry())
          .errorHandler(
              "coaching-service", (r, e) -> new TopicPartition(DLQ, 0), new FixedBackOff(0, 2));

  @Test
  void aTransientFailureIsRetriedForAsLongAsItLastsAndNeverDeadLettered() {
    handlerFailure =
        new DataAccessResourceFailureException(
            "database away", new SQLTransientConnectionException("connection refused", "08001"));
    Message<byte[]> message = completed(UUID.randomUUID());

    for (int attempt = 0; attempt < 50; attempt++) {
      assertThat(deliver(message)).as("attempt %d given up", attempt).isFalse();
    }

    assertThat(deadLetters).isEmpty();
    assertThat(marks.committed).isEmpty();

    handlerFailure = null;
    assertThat(deliver(message)).as("applied once the database is back").isTrue();
    assertThat(applied).hasSize(1);
  }

  @Test
  void aLockTimeoutIsTransientToo() {
    handlerFailure = new CannotAcquireLockException("lock timeout");

    for (int attempt = 0; attempt < 10; attempt++) {
      assertThat(deliver(completed(UUID.randomUUID()))).isFalse();
    }
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void aPoisonVerdictIsDeadLetteredAtOnceWithItsReason() {
    handlerFailure = new PoisonEventException("the phase is unknown to coaching-service");

    assertThat(deliver(completed(UUID.randomUUID()))).as("given up at the first attempt").isTrue();

    assertThat(deadLetters).hasSize(1);
    assertThat(deadLetters.get(0).topic()).isEqualTo(DLQ);
    assertThat(header(deadLetters.get(0), "x-exception-message"))
        .isEqualTo("the phase is unknown to coaching-service");
    assertThat(header(deadLetters.get(0), "x-exception-fqcn"))
        .isEqualTo(PoisonEventException.class.getName());
    assertThat(marks.committed).isEmpty();
  }

  @Test
  void aMessageTheDispatcherCannotReadIsPoisonAndDeadLetteredAtOnce() {
    Message<byte[]> unknownVersion =
        message(UUID.randomUUID(), "2", "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(deliver(unknownVersion)).isTrue();

    assertThat(deadLetters).hasSize(1);
    assertThat(header(deadLetters.get(0), "x-exception-message"))
        .contains("Unknown schema version 2");
  }

  @Test
  void aDefectIsRetriedAsTheBindingSaysThenDeadLettered() {
    handlerFailure = new IllegalStateException("a defect");
    Message<byte[]> message = completed(UUID.randomUUID());

    assertThat(deliver(message)).isFalse();
    assertThat(deliver(message)).isFalse();
    assertThat(deliver(message)).isTrue();

    assertThat(deadLetters).hasSize(1);
    assertThat(header(deadLetters.get(0), "x-exception-message")).isEqualTo("a defect");
  }

  @Test
  void aDuplicateIsSkippedWithoutFailingOrDeadLettering() {
    Message<byte[]> message = completed(UUID.randomUUID());

    assertThat(deliver(message)).isTrue();
    assertThat(deliver(message)).isTrue();

    assertThat(applied).hasSize(1);
    assertThat(deadLetters).isEmpty();
  }

  /**
   * Hands the message to the dispatcher; a failure goes to the container's error handler as the
   * binding would pass it.
   *
   * @return true when the message is done with (applied, skipped or dead-lettered), false when it
   *     is to be delivered again
   */
  private boolean deliver(Message<byte[]> message) {
    RuntimeException failure = catchRuntimeException(() -> dispatcher.accept(message));
    if (failure == null) {
      return true;
    }
    var record =
        new ConsumerRecord<Object, Object>(
            "enrollment.events", 1, 42L, "key", message.getPayload());
    return container.handleOne(
        new ListenerExecutionFailedException(
            "Listener failed", new MessageHandlingException(message, failure)),
        record,
        null,
        null);
  }

  private Message<byte[]> completed(UUID id) {
    return message(
        id,
        "1",
        json.writeValueAsBytes(
            new EnrollmentCompleted(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                Instant.parse("2026-11-27T10:00:00Z"))));
  }

  private static Message<byte[]> message(UUID id, String version, byte[] payload) {
    return MessageBuilder.withPayload(payload)
        .setHeader(CloudEventHeaders.ID, id.toString())
        .setHeader(CloudEventHeaders.TYPE, "EnrollmentCompleted")
        .setHeader(CloudEventHeaders.SCHEMA_VERSION, version)
        .build();
  }

  private static String header(ProducerRecord<Object, Object> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** Takes dead letters as Kafka would, without a broker. */
  private final class DeadLetterRecorder extends KafkaTemplate<Object, Object> {

    DeadLetterRecorder() {
      super(new DefaultKafkaProducerFactory<>(Map.of()));
    }

    @Override
    public CompletableFuture<SendResult<Object, Object>> send(
        ProducerRecord<Object, Object> record) {
      deadLetters.add(record);
      return CompletableFuture.completedFuture(
          new SendResult<>(
              record, new RecordMetadata(new TopicPartition(record.topic(), 0), 0, 0, 0, 0, 0)));
    }
  }

  /** Marks kept per transaction: visible once it commits, gone when it rolls back. */
  private static final class Marks extends ProcessedEvents {

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

  /** Settles the marks as a database would: kept on commit, dropped on rollback. */
  private final class Transactions extends AbstractPlatformTransactionManager {

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
      marks.staged.clear();
    }
  }
}
