package org.mhaqi.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.SendResult;
import org.springframework.messaging.MessageHandlingException;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.util.backoff.FixedBackOff;

/** What the consumers' error handling does with a message once its attempts are used up. */
class ConsumerErrorHandlingTest {

  private static final String DLQ = "enrollment.events.coaching-service.dlq";

  private final List<ProducerRecord<Object, Object>> deadLetters = new ArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ConsumerRecord<Object, Object> record =
      new ConsumerRecord<>("enrollment.events", 2, 7L, "key", new byte[] {1});

  /** Whether the consumer's database answers a trivial query, as the test says. */
  private boolean databaseAnswers = true;

  /** Two attempts for unexpected failures, as a binding with max-attempts 2 would give. */
  private final DefaultErrorHandler handler =
      new ConsumerErrorHandling(
              new RecordingTemplate(),
              new ConsumerRetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), null),
              new ConsumerHealthIndicator(null),
              meters,
              () -> databaseAnswers)
          .errorHandler(
              "coaching-service", (r, e) -> new TopicPartition(DLQ, 0), new FixedBackOff(0, 1));

  @Test
  void aFailureWhileTheDatabaseDoesNotAnswerIsNeverDeadLettered() {
    databaseAnswers = false;
    for (int attempt = 0; attempt < 20; attempt++) {
      assertThat(
              handler.handleOne(
                  listenerFailed(new IllegalStateException("unknown")), record, null, null))
          .as("attempt %d", attempt)
          .isFalse();
    }
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void aFailureFirstUnexpectedThenWhileTheDatabaseIsAwayStartsOverInsteadOfBeingDeadLettered() {
    handler.handleOne(listenerFailed(new IllegalStateException("first")), record, null, null);
    databaseAnswers = false;
    assertThat(
            handler.handleOne(
                listenerFailed(new IllegalStateException("second")), record, null, null))
        .isFalse();
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void aConnectionClosedUnderACommitIsNeverDeadLettered() {
    Exception closed =
        listenerFailed(
            new JpaSystemException(
                new org.hibernate.TransactionException(
                    "Unable to commit against JDBC Connection",
                    new SQLException("Connection is closed"))));
    for (int attempt = 0; attempt < 20; attempt++) {
      assertThat(handler.handleOne(closed, record, null, null)).isFalse();
    }
    assertThat(deadLetters).isEmpty();
  }

  @Test
  void theDeadLetterLogLineOfPoisonNamesItsReasonAndCauseChain() {
    Logger logger = (Logger) LoggerFactory.getLogger(ConsumerErrorHandling.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    logger.addAppender(lines);
    try {
      handler.handleOne(
          listenerFailed(new PoisonEventException("Unknown schema version 2 of ServiceEnrolled")),
          record,
          null,
          null);
    } finally {
      logger.detachAppender(lines);
    }

    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "Dead-lettered enrollment.events-2@7 of group coaching-service: Unknown schema version"
                + " 2 of ServiceEnrolled (org.springframework.kafka.listener"
                + ".ListenerExecutionFailedException <- org.springframework.messaging"
                + ".MessageHandlingException <- org.mhaqi.support.messaging.PoisonEventException)");
  }

  @Test
  void poisonIsDeadLetteredEvenWhileTheDatabaseDoesNotAnswer() {
    databaseAnswers = false;
    assertThat(
            handler.handleOne(
                listenerFailed(new PoisonEventException("no envelope")), record, null, null))
        .isTrue();
    assertThat(deadLetters).hasSize(1);
  }

  @Test
  void aMessageThatKeepsFailingUnexpectedlyIsDeadLetteredWithItsReason() {
    assertThat(
            handler.handleOne(
                listenerFailed(new IllegalStateException("a defect")), record, null, null))
        .as("first attempt: retried")
        .isFalse();
    assertThat(
            handler.handleOne(
                listenerFailed(new IllegalStateException("a defect")), record, null, null))
        .as("second attempt: given up")
        .isTrue();

    assertThat(deadLetters).hasSize(1);
    assertThat(deadLetters.get(0).topic()).isEqualTo(DLQ);
    assertThat(header(deadLetters.get(0), "x-exception-message")).isEqualTo("a defect");
    assertThat(header(deadLetters.get(0), "x-consumer-group")).isEqualTo("coaching-service");
    assertThat(deadLettered("failure")).isEqualTo(1.0);
    assertThat(deadLettered("poison")).isZero();
  }

  @Test
  void aPoisonMessageIsDeadLetteredAtOnceAndCountedAsPoison() {
    assertThat(
            handler.handleOne(
                listenerFailed(new PoisonEventException("no envelope")), record, null, null))
        .isTrue();

    assertThat(deadLetters).hasSize(1);
    assertThat(deadLettered("poison")).isEqualTo(1.0);
    assertThat(deadLettered("failure")).isZero();
  }

  private double deadLettered(String reason) {
    var counter =
        meters
            .find("events.dead.lettered")
            .tags("group", "coaching-service", "topic", "enrollment.events", "reason", reason)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static Exception listenerFailed(Exception cause) {
    return new ListenerExecutionFailedException(
        "Listener failed",
        new MessageHandlingException(MessageBuilder.withPayload(new byte[0]).build(), cause));
  }

  private static String header(ProducerRecord<Object, Object> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** Takes dead letters as Kafka would, without a broker. */
  private final class RecordingTemplate extends KafkaTemplate<Object, Object> {

    RecordingTemplate() {
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
}
