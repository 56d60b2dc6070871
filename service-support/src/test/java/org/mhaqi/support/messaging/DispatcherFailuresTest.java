package org.mhaqi.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
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
 * The consumer dispatcher and the listener container's error handling together, as a batch-mode
 * binding runs them: the records of one partition are polled in batches, a handler throws each kind
 * of failure, and the failing record alone is retried, dead-lettered with its reason or skipped as
 * the kind says, while the records around it are applied once.
 */
class DispatcherFailuresTest {

  private static final String TOPIC = "enrollment.events";
  private static final String DLQ = "enrollment.events.coaching-service.dlq";
  private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 1);

  private final JsonMapper json = JsonMapper.builder().build();
  private final Marks marks = new Marks();
  private final List<UUID> applied = new ArrayList<>();
  private final List<UUID> staged = new ArrayList<>();
  private final List<ProducerRecord<Object, Object>> deadLetters = new ArrayList<>();

  /** Failures of the handler by event id, until removed. */
  private final Map<UUID, RuntimeException> failures = new HashMap<>();

  private final Consumer<Message<List<byte[]>>> dispatcher =
      new EventConsumers(
              json,
              new TransactionTemplate(new Transactions()),
              marks,
              new SimpleMeterRegistry(),
              EventIsolation.NONE)
          .consumer("coaching-service")
          .on(
              EnrollmentCompleted.class,
              (event, envelope) -> {
                RuntimeException failure = failures.get(envelope.id());
                if (failure != null) {
                  throw failure;
                }
                staged.add(envelope.id());
              })
          .build();

  /** Three attempts for unexpected failures, as the services' bindings have. */
  private final DefaultErrorHandler errorHandler =
      new ConsumerErrorHandling(
              new DeadLetterRecorder(),
              new ConsumerRetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), null),
              new ConsumerHealthIndicator(null),
              new SimpleMeterRegistry(),
              DatabaseProbe.NONE)
          .errorHandler(
              "coaching-service", (r, e) -> new TopicPartition(DLQ, 0), new FixedBackOff(0, 2));

  /** The partition's records (offset = index) and the consumer's position in it. */
  private final List<Message<byte[]>> log = new ArrayList<>();

  private long position;
  private long committed;

  /** The Kafka consumer as the error handler sees it: its seeks and commits move the position. */
  private final org.apache.kafka.clients.consumer.Consumer<Object, Object> kafka = kafkaConsumer();

  private final MessageListenerContainer container = listenerContainer();

  @Test
  void aPoisonEventInTheMiddleOfABatchIsDeadLetteredAndTheOthersAppliedOnce() {
    UUID first = append(completed(UUID.randomUUID()));
    UUID poison = append(message(UUID.randomUUID(), "2", "{}".getBytes(StandardCharsets.UTF_8)));
    UUID last = append(completed(UUID.randomUUID()));

    pollUntilDone(5);

    assertThat(applied).containsExactly(first, last);
    assertThat(deadLetters).hasSize(1);
    assertThat(header(deadLetters.get(0), "ce_id")).isEqualTo(poison.toString());
    assertThat(header(deadLetters.get(0), "x-exception-message"))
        .contains("Unknown schema version 2");
    assertThat(header(deadLetters.get(0), "x-original-offset")).isEqualTo("1");
    assertThat(committed).isEqualTo(3);
  }

  @Test
  void aHandlersPoisonVerdictMidBatchDeadLettersThatEventAloneAtOnce() {
    UUID first = append(completed(UUID.randomUUID()));
    UUID poison = append(completed(UUID.randomUUID()));
    UUID last = append(completed(UUID.randomUUID()));
    failures.put(poison, new PoisonEventException("the phase is unknown to coaching-service"));

    pollUntilDone(5);

    assertThat(applied).containsExactly(first, last);
    assertThat(deadLetters).hasSize(1);
    assertThat(header(deadLetters.get(0), "x-exception-message"))
        .isEqualTo("the phase is unknown to coaching-service");
    assertThat(header(deadLetters.get(0), "x-exception-fqcn"))
        .isEqualTo(PoisonEventException.class.getName());
    assertThat(header(deadLetters.get(0), "x-original-offset")).isEqualTo("1");
    assertThat(marks.committed).containsExactlyInAnyOrder(first, last);
  }

  @Test
  void aTransientFailureIsRetriedForAsLongAsItLastsAndNeverDeadLettered() {
    UUID first = append(completed(UUID.randomUUID()));
    UUID waiting = append(completed(UUID.randomUUID()));
    UUID behind = append(completed(UUID.randomUUID()));
    failures.put(
        waiting,
        new DataAccessResourceFailureException(
            "database away", new SQLTransientConnectionException("connection refused", "08001")));

    for (int poll = 0; poll < 50; poll++) {
      poll();
    }

    assertThat(deadLetters).isEmpty();
    assertThat(applied).as("the one before it committed, nothing behind it").containsExactly(first);
    assertThat(committed).isEqualTo(1);

    failures.clear();
    pollUntilDone(3);
    assertThat(applied)
        .as("applied once the database is back")
        .containsExactly(first, waiting, behind);
  }

  @Test
  void aLockTimeoutIsTransientToo() {
    UUID id = append(completed(UUID.randomUUID()));
    failures.put(id, new CannotAcquireLockException("lock timeout"));

    for (int poll = 0; poll < 10; poll++) {
      poll();
    }
    assertThat(deadLetters).isEmpty();
    assertThat(position).isZero();
  }

  @Test
  void aDefectIsRetriedAsTheBindingSaysThenDeadLetteredAndTheRestApplied() {
    UUID defect = append(completed(UUID.randomUUID()));
    UUID behind = append(completed(UUID.randomUUID()));
    failures.put(defect, new IllegalStateException("a defect"));

    poll();
    poll();
    assertThat(deadLetters).as("after two attempts").isEmpty();
    poll();
    assertThat(deadLetters).as("after the third").hasSize(1);
    pollUntilDone(2);

    assertThat(header(deadLetters.get(0), "x-exception-message")).isEqualTo("a defect");
    assertThat(applied).containsExactly(behind);
  }

  @Test
  void aDuplicateIsSkippedWithoutFailingOrDeadLettering() {
    Message<byte[]> message = completed(UUID.randomUUID());
    UUID id = append(message);
    append(message);
    append(message);

    pollUntilDone(1);

    assertThat(applied).containsExactly(id);
    assertThat(deadLetters).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private org.apache.kafka.clients.consumer.Consumer<Object, Object> kafkaConsumer() {
    org.apache.kafka.clients.consumer.Consumer<Object, Object> kafka =
        mock(org.apache.kafka.clients.consumer.Consumer.class);
    doAnswer(
            call -> {
              position = call.getArgument(1, Long.class);
              return null;
            })
        .when(kafka)
        .seek(eq(PARTITION), anyLong());
    doAnswer(
            call -> {
              Map<TopicPartition, OffsetAndMetadata> offsets = call.getArgument(0);
              committed = offsets.get(PARTITION).offset();
              position = Math.max(position, committed);
              return null;
            })
        .when(kafka)
        .commitSync(anyMap(), any());
    return kafka;
  }

  private static MessageListenerContainer listenerContainer() {
    MessageListenerContainer container = mock(MessageListenerContainer.class);
    when(container.getContainerProperties()).thenReturn(new ContainerProperties(TOPIC));
    when(container.isRunning()).thenReturn(true);
    return container;
  }

  private UUID append(Message<byte[]> message) {
    log.add(message);
    return UUID.fromString(message.getHeaders().get(CloudEventHeaders.ID, String.class));
  }

  private void pollUntilDone(int maxPolls) {
    for (int poll = 0; poll < maxPolls && position < log.size(); poll++) {
      poll();
    }
    assertThat(position).as("every record consumed").isEqualTo(log.size());
  }

  /**
   * One poll of everything from the position, handed to the dispatcher; a failure goes to the
   * container's error handler as the binding passes it, which commits and seeks.
   */
  private void poll() {
    List<Message<byte[]>> messages = log.subList((int) position, log.size());
    List<ConsumerRecord<Object, Object>> records = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      Message<byte[]> message = messages.get(i);
      ConsumerRecord<Object, Object> record =
          new ConsumerRecord<>(
              TOPIC, PARTITION.partition(), position + i, "key", message.getPayload());
      message
          .getHeaders()
          .forEach(
              (name, value) -> {
                if (value instanceof String text) {
                  record.headers().add(name, text.getBytes(StandardCharsets.UTF_8));
                }
              });
      records.add(record);
    }
    Message<List<byte[]>> batch = TestBatches.batch(messages);
    RuntimeException failure = catchRuntimeException(() -> dispatcher.accept(batch));
    if (failure == null) {
      position += messages.size();
      committed = position;
      return;
    }
    catchRuntimeException(
        () ->
            errorHandler.handleBatch(
                new ListenerExecutionFailedException(
                    "Listener failed", new MessageHandlingException(batch, failure)),
                new ConsumerRecords<>(Map.of(PARTITION, records), Map.of()),
                kafka,
                container,
                () -> {}));
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
    public Set<UUID> markProcessed(Collection<Mark> marks, String consumer) {
      Set<UUID> fresh = new HashSet<>();
      for (Mark mark : marks) {
        if (!committed.contains(mark.eventId()) && staged.add(mark.eventId())) {
          fresh.add(mark.eventId());
        }
      }
      return fresh;
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
      staged.clear();
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
      marks.committed.addAll(marks.staged);
      applied.addAll(staged);
      marks.staged.clear();
      staged.clear();
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
      marks.staged.clear();
      staged.clear();
    }
  }
}
