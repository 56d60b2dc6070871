package org.mhaqi.support.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;

/**
 * Moves retries and dead-lettering from the binder into the listener container, where the offset is
 * committed only after the message has been applied or its dead letter acknowledged. Bindings are
 * in batch mode: a batch that fails names its failed record ({@code BatchListenerFailedException},
 * see {@link EventConsumers}), the offsets before it are committed, and that record alone is
 * handled as follows:
 *
 * <ul>
 *   <li>failures are retried as {@link ConsumerRetryPolicy} says: poison never, transient ones
 *       until they pass (the container seeks back and polls between attempts), others a few times;
 *   <li>a message given up on is published to the binding's dead-letter topic, keyed as it was,
 *       with {@code x-exception-message} (the reason), {@code x-exception-fqcn}, {@code
 *       x-original-topic}, {@code x-original-partition}, {@code x-original-offset} and {@code
 *       x-consumer-group} headers; if that send fails, the offset stays where it is and the message
 *       is tried again, so nothing vanishes.
 * </ul>
 *
 * Requires {@code max-attempts} above 1 on the binding (the binder's default is 3): at 1 the binder
 * keeps its own dead-lettering, which commits the offset even when the dead-letter send fails.
 */
public class ConsumerErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer {

  private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandling.class);

  private final KafkaOperations<Object, Object> deadLetters;
  private final ConsumerRetryPolicy defaults;
  private final ConsumerHealthIndicator health;
  private final MeterRegistry meters;
  private final DatabaseProbe database;

  /**
   * @param database asked before a failure is taken for the message's fault: while it does not
   *     answer, the message waits and is never dead-lettered
   */
  public ConsumerErrorHandling(
      KafkaOperations<Object, Object> deadLetters,
      ConsumerRetryPolicy defaults,
      ConsumerHealthIndicator health,
      MeterRegistry meters,
      DatabaseProbe database) {
    this.deadLetters = deadLetters;
    this.defaults = defaults;
    this.health = health;
    this.meters = meters;
    this.database = database;
  }

  @Override
  public boolean retryAndDlqInBinding(String destinationName, String group) {
    return false;
  }

  /**
   * Refuses a binding that {@link EventConsumers} cannot consume safely: one in record mode would
   * hand it messages it cannot read, and one without native decoding would have Spring Cloud
   * Function convert each record of a batch as JSON and silently drop those it cannot convert.
   */
  @Override
  public void configure(
      AbstractMessageListenerContainer<?, ?> container,
      String destinationName,
      String group,
      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
      BackOff backOff,
      ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
    if (!properties.isBatchMode() || !properties.isUseNativeDecoding()) {
      String binding = "spring.cloud.stream.bindings." + properties.getBindingName() + ".consumer";
      throw new IllegalStateException(
          "Binding "
              + properties.getBindingName()
              + " of "
              + destinationName
              + " must hand service-support's consumers each poll's records as they are: set "
              + binding
              + ".batch-mode=true and "
              + binding
              + ".use-native-decoding=true");
    }
    configure(container, destinationName, group, dlqDestinationResolver, backOff);
  }

  @Override
  public void configure(
      AbstractMessageListenerContainer<?, ?> container,
      String destinationName,
      String group,
      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
      BackOff backOff) {
    container.setCommonErrorHandler(errorHandler(group, dlqDestinationResolver, backOff));
    // At 0 from the start: the first dead letter is then an increase Prometheus can alert on.
    for (String topic : destinationName.split(",")) {
      for (String reason : new String[] {"poison", "failure"}) {
        deadLettered(group, topic.strip(), reason);
      }
    }
    health.register(destinationName, group, container);
  }

  DefaultErrorHandler errorHandler(
      String group,
      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
      BackOff bindingBackOff) {
    ConsumerRetryPolicy policy =
        new ConsumerRetryPolicy(
            defaults.transientInitial(),
            defaults.transientCeiling(),
            bindingBackOff == null ? defaults.unexpected() : bindingBackOff);
    DefaultErrorHandler handler =
        new DefaultErrorHandler(recoverer(group, dlqDestinationResolver), policy.unexpected());
    handler.setBackOffFunction((record, failure) -> policy.backOffFor(failure, database::answers));
    // A dead-letter send that failed leaves the offset alone and starts the message over.
    handler.setResetStateOnRecoveryFailure(true);
    handler.setCommitRecovered(true);
    return handler;
  }

  private ConsumerRecordRecoverer recoverer(
      String group,
      BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver) {
    if (dlqDestinationResolver == null) {
      return (record, failure) ->
          log.error(
              "Gave up on {}-{}@{} of group {} and no dead-letter topic is configured: {}",
              record.topic(),
              record.partition(),
              record.offset(),
              group,
              reason(failure));
    }
    // Any partition of the dead-letter topic, chosen by key: one key's dead letters stay together
    // whatever the topic's partition count.
    var recoverer =
        new DeadLetterPublishingRecoverer(
            deadLetters,
            (record, failure) ->
                new TopicPartition(dlqDestinationResolver.apply(record, failure).topic(), -1));
    recoverer.setFailIfSendResultIsError(true);
    recoverer.addHeadersFunction((record, failure) -> headers(record, failure, group));
    return (record, failure) -> {
      if (TransientFailures.poison(failure).isEmpty()
          && (TransientFailures.isTransient(failure) || !database.answers())) {
        // The back-off was chosen by the record's first failure; when that one was unexpected but
        // the last is transient, or the database does not answer now, the message must wait for
        // the database, not go to the dead-letter topic: only a failure repeated against a working
        // database is the event's. Failing recovery starts the record over, and its next failure
        // chooses the back-off again.
        throw new TransientFailureNotDeadLettered(record, failure);
      }
      recoverer.accept(record, failure);
      countDeadLetter(record, failure, group);
      log.warn(
          "Dead-lettered {}-{}@{} of group {}: {} ({})",
          record.topic(),
          record.partition(),
          record.offset(),
          group,
          reason(failure),
          TransientFailures.describe(failure));
    };
  }

  /**
   * {@code events_dead_lettered_total{group, topic, reason}}: reason is the class of failure,
   * {@code poison} (can never be applied) or {@code failure} (kept failing); never the message.
   */
  private void countDeadLetter(ConsumerRecord<?, ?> record, Exception failure, String group) {
    deadLettered(group, record.topic(), reasonClass(failure)).increment();
  }

  private Counter deadLettered(String group, String topic, String reason) {
    return Counter.builder("events.dead.lettered")
        .description("Events given up on and sent to the dead-letter topic, by reason class")
        .tag("group", group)
        .tag("topic", topic)
        .tag("reason", reason)
        .register(meters);
  }

  static String reasonClass(Throwable failure) {
    return TransientFailures.poison(failure).isPresent() ? "poison" : "failure";
  }

  static Headers headers(ConsumerRecord<?, ?> record, Exception failure, String group) {
    Throwable cause =
        TransientFailures.poison(failure)
            .map(Throwable.class::cast)
            .orElseGet(() -> TransientFailures.rootCause(failure));
    RecordHeaders headers = new RecordHeaders();
    add(headers, "x-exception-message", reason(failure));
    add(headers, "x-exception-fqcn", cause.getClass().getName());
    add(headers, "x-original-topic", record.topic());
    add(headers, "x-original-partition", Integer.toString(record.partition()));
    add(headers, "x-original-offset", Long.toString(record.offset()));
    add(headers, "x-consumer-group", group);
    return headers;
  }

  /** Why the message was given up: the poison verdict, else the innermost cause. */
  static String reason(Throwable failure) {
    Throwable cause =
        TransientFailures.poison(failure)
            .map(Throwable.class::cast)
            .orElseGet(() -> TransientFailures.rootCause(failure));
    return cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  /** Refuses to dead-letter a message whose last failure was transient. */
  static final class TransientFailureNotDeadLettered extends RuntimeException {

    TransientFailureNotDeadLettered(ConsumerRecord<?, ?> record, Exception failure) {
      super(
          "Not dead-lettering "
              + record.topic()
              + "-"
              + record.partition()
              + "@"
              + record.offset()
              + ": its last failure was transient or came while the database did not answer ("
              + reason(failure)
              + "); trying it again",
          failure);
    }
  }
}
