package org.mhaqi.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.mhaqi.local.KafkaSecurity;

/**
 * The raw limit of consuming on this machine, for benchmark 2: a plain Kafka consumer reads the
 * same records a service consumed and, per record, commits one PostgreSQL transaction that inserts
 * a row holding the record's id and value (the same size as the record). Nothing else: no envelope,
 * no idempotency mark, no domain.
 */
public final class RawConsumingLoop {

  private RawConsumingLoop() {}

  /** Where each partition of the topics ends now: take it before publishing what is measured. */
  public static Map<TopicPartition, Long> endOffsets(String bootstrapServers, List<String> topics) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      return new HashMap<>(consumer.endOffsets(partitions));
    }
  }

  /**
   * Reads every record between the offsets and commits one transaction per record.
   *
   * @return records applied per second
   */
  public static double recordsPerSecond(
      String bootstrapServers,
      DataSource dataSource,
      Map<TopicPartition, Long> from,
      Map<TopicPartition, Long> to) {
    long records = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers);
        Connection connection = dataSource.getConnection()) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute(
            "create table if not exists raw_consuming_benchmark (id uuid primary key, value bytea)");
      }
      connection.setAutoCommit(false);
      List<TopicPartition> partitions = new ArrayList<>(to.keySet());
      consumer.assign(partitions);
      partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
      long started = System.nanoTime();
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into raw_consuming_benchmark (id, value) values (?, ?)")) {
        while (partitions.stream().anyMatch(p -> consumer.position(p) < to.get(p))) {
          for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.offset() >= to.get(new TopicPartition(record.topic(), record.partition()))) {
              continue;
            }
            insert.setObject(1, UUID.randomUUID());
            insert.setBytes(2, record.value());
            insert.executeUpdate();
            connection.commit();
            records++;
          }
        }
      }
      return records / ((System.nanoTime() - started) / 1e9);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.putAll(KafkaSecurity.clientConfig(KafkaSecurity.ADMIN));
    props.put("enable.auto.commit", "false");
    props.put("key.deserializer", ByteArrayDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(props);
  }
}
