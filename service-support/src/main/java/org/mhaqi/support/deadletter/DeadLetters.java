package org.mhaqi.support.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.support.topics.DeadLetterTopics;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * Reads a service's dead-letter topics from the start and sends chosen dead letters back to the
 * topic they came from, with their key, value and CloudEvents headers as they were, so the consumer
 * applies them once the cause is fixed; a replay of an event already applied changes nothing
 * (consumers deduplicate by {@code ce_id}).
 */
public class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private static final Duration READ_LIMIT = Duration.ofSeconds(10);
  static final String REPLAYED_FROM = "x-replayed-from";

  private final DeadLetterTopics topics;
  private final KafkaProperties kafka;
  private final Set<String> replayTargets;
  private final String replayLogin;

  /**
   * @param replayLogin the SASL login a replay sends with ({@code mhaqi.kafka.replay}): the
   *     service's own principal may not write the topics it consumes, the replay principal may;
   *     blank to send as the service
   */
  public DeadLetters(DeadLetterTopics topics, KafkaProperties kafka, String replayLogin) {
    this.topics = topics;
    this.kafka = kafka;
    this.replayLogin = replayLogin;
    // Only back to a topic this service reads, never anywhere else a forged header could name.
    this.replayTargets = Set.copyOf(topics.consumedTopics());
  }

  public List<String> topics() {
    return List.copyOf(topics.names());
  }

  /** The dead letters of one topic, oldest first, at most {@code limit} from {@code from}. */
  public List<DeadLetter> list(String topic, long from, int limit) {
    requireDeadLetterTopic(topic);
    List<DeadLetter> found = new ArrayList<>();
    for (ConsumerRecord<byte[], byte[]> record : read(topic)) {
      if (record.offset() >= from) {
        found.add(view(record));
      }
    }
    found.sort(
        Comparator.comparing(DeadLetter::deadLetteredAt)
            .thenComparing(DeadLetter::partition)
            .thenComparing(DeadLetter::offset));
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : List.copyOf(found);
  }

  /** Sends the dead letter at that position back to its original topic. */
  public Replayed replay(String topic, int partition, long offset) {
    requireDeadLetterTopic(topic);
    ConsumerRecord<byte[], byte[]> record =
        read(topic).stream()
            .filter(r -> r.partition() == partition && r.offset() == offset)
            .findFirst()
            .orElseThrow(
                () -> new NotFoundException("dead letter", topic + "-" + partition + "@" + offset));
    String target = header(record, "x-original-topic").orElse(null);
    if (target == null || !replayTargets.contains(target)) {
      throw RuleViolationException.conflict(
          "not-replayable",
          "offset",
          "The dead letter names no original topic this service consumes (x-original-topic: "
              + target
              + ")");
    }
    var out = new ProducerRecord<byte[], byte[]>(target, null, record.key(), record.value());
    for (Header header : record.headers()) {
      if (!header.key().startsWith("x-") && !header.key().startsWith("kafka_dlt-")) {
        out.headers().add(header);
      }
    }
    out.headers()
        .add(
            new RecordHeader(
                REPLAYED_FROM,
                (topic + "-" + partition + "@" + offset).getBytes(StandardCharsets.UTF_8)));
    RecordMetadata sent = send(out);
    log.info(
        "Replayed dead letter {}-{}@{} ({}) to {}-{}@{}",
        topic,
        partition,
        offset,
        header(record, CloudEventHeaders.ID).orElse("no ce_id"),
        sent.topic(),
        sent.partition(),
        sent.offset());
    return new Replayed(topic, partition, offset, sent.topic(), sent.partition(), sent.offset());
  }

  /** Where a replayed dead letter went. */
  public record Replayed(
      String deadLetterTopic,
      int deadLetterPartition,
      long deadLetterOffset,
      String topic,
      int partition,
      long offset) {}

  private void requireDeadLetterTopic(String topic) {
    if (!topics.contains(topic)) {
      throw new NotFoundException("dead-letter topic", topic);
    }
  }

  private List<ConsumerRecord<byte[], byte[]>> read(String topic) {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    try (var consumer = new KafkaConsumer<byte[], byte[]>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, READ_LIMIT).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_LIMIT);
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      Instant deadline = Instant.now().plus(READ_LIMIT);
      while (!caughtUp(consumer, ends)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("Could not read " + topic + " to its end in time");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static boolean caughtUp(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  private RecordMetadata send(ProducerRecord<byte[], byte[]> record) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    if (replayLogin != null && !replayLogin.isBlank()) {
      config.put(SaslConfigs.SASL_JAAS_CONFIG, replayLogin);
    }
    try (var producer = new KafkaProducer<byte[], byte[]>(config)) {
      return producer.send(record).get(15, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not take the replayed dead letter", e);
    }
  }

  private static DeadLetter view(ConsumerRecord<byte[], byte[]> record) {
    return new DeadLetter(
        record.topic(),
        record.partition(),
        record.offset(),
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
        Instant.ofEpochMilli(record.timestamp()),
        header(record, CloudEventHeaders.ID).orElse(null),
        header(record, CloudEventHeaders.TYPE).orElse(null),
        header(record, "x-exception-message").orElse(null),
        header(record, "x-exception-fqcn").orElse(null),
        header(record, "x-original-topic").orElse(null),
        header(record, "x-original-partition").map(Integer::valueOf).orElse(null),
        header(record, "x-original-offset").map(Long::valueOf).orElse(null),
        header(record, "x-consumer-group").orElse(null),
        record.value() == null ? 0 : record.value().length);
  }

  private static Optional<String> header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? Optional.empty()
        : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
  }
}
