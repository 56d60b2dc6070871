package org.mhaqi.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.local.KafkaSecurity;

/**
 * A plain Kafka consumer, as an analytics consumer would read a topic: from the beginning, with its
 * own group, headers decoded as UTF-8 strings.
 */
public final class KafkaTopicReader implements AutoCloseable {

  /** One record as read off the topic. */
  public record Message(
      String topic,
      int partition,
      long offset,
      String key,
      Map<String, String> headers,
      String value) {

    public String header(String name) {
      return headers.get(name);
    }

    /** The logical event type, from the {@code ce_type} header. */
    public String type() {
      return header(CloudEventHeaders.TYPE);
    }
  }

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<Message> received = new ArrayList<>();

  public KafkaTopicReader(String bootstrapServers, String... topics) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.putAll(KafkaSecurity.clientConfig(KafkaSecurity.ADMIN));
    props.put("group.id", "test-reader-" + UUID.randomUUID());
    props.put("auto.offset.reset", "earliest");
    props.put("enable.auto.commit", "false");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    consumer = new KafkaConsumer<>(props);
    consumer.subscribe(List.of(topics));
  }

  /** Polls until some received message satisfies the condition, or fails after the timeout. */
  public List<Message> awaitUntil(Predicate<List<Message>> condition, Duration timeout) {
    Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              poll();
              return condition.test(received);
            });
    return List.copyOf(received);
  }

  /**
   * Polls until at least {@code count} received messages match, or fails after the timeout.
   *
   * @return every matching message received, in the order read
   */
  public List<Message> awaitMatching(Predicate<Message> match, int count, Duration timeout) {
    return awaitUntil(all -> all.stream().filter(match).count() >= count, timeout).stream()
        .filter(match)
        .toList();
  }

  /** Polls until some received message matches and returns the first that does. */
  public Message awaitFirst(Predicate<Message> match, Duration timeout) {
    return awaitMatching(match, 1, timeout).get(0);
  }

  /** Everything received so far after one more poll. */
  public List<Message> poll() {
    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
      Map<String, String> headers = new java.util.LinkedHashMap<>();
      for (Header header : record.headers()) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
      received.add(
          new Message(
              record.topic(),
              record.partition(),
              record.offset(),
              record.key(),
              headers,
              record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8)));
    }
    return List.copyOf(received);
  }

  @Override
  public void close() {
    consumer.close();
  }
}
