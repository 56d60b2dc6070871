package org.mhaqi.faults;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.local.KafkaSecurity;

/** Everything a topic holds, every partition from its first offset to its end, without a group. */
final class TopicHistory {

  /** One record as it sits on the topic. */
  record Record(
      String topic,
      int partition,
      long offset,
      String key,
      Map<String, String> headers,
      byte[] value) {

    String id() {
      return headers.get(CloudEventHeaders.ID);
    }

    String type() {
      return headers.get(CloudEventHeaders.TYPE);
    }

    String text() {
      return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
  }

  private TopicHistory() {}

  /** Reads the topic up to the end offsets it has now; an absent topic reads as empty. */
  static List<Record> read(String bootstrapServers, String topic) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.putAll(KafkaSecurity.clientConfig(KafkaSecurity.ADMIN));
    props.put("enable.auto.commit", "false");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    List<Record> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<PartitionInfo> infos =
          consumer.listTopics(Duration.ofSeconds(30)).getOrDefault(topic, List.of());
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
      if (partitions.isEmpty()) {
        return records;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!reachedEnd(consumer, end)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not read " + topic + " to its end " + end);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          Map<String, String> headers = new LinkedHashMap<>();
          for (Header header : r.headers()) {
            headers.put(
                header.key(),
                header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
          }
          records.add(
              new Record(r.topic(), r.partition(), r.offset(), r.key(), headers, r.value()));
        }
      }
    }
    return records;
  }

  private static boolean reachedEnd(
      KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
    for (var entry : end.entrySet()) {
      if (consumer.position(entry.getKey()) < entry.getValue()) {
        return false;
      }
    }
    return true;
  }
}
