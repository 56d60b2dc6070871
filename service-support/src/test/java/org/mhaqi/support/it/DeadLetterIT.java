package org.mhaqi.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.local.KafkaSecurity;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message that can never be applied goes to the dead-letter topic with the reason, and the stream
 * goes on; while the dead letter cannot be written, the offset stays where it was and nothing
 * behind it is applied, so the message is never lost.
 */
@SpringBootTest(
    classes = ConsumerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructure.class)
class DeadLetterIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired KafkaAdmin kafkaAdmin;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void poisonIsDeadLetteredWithItsReasonAndTheEventsBehindItAreApplied() {
    String key = UUID.randomUUID().toString();
    try (var producer = new CloudEventProducer(bootstrapServers, json, "enrollment-service");
        var deadLetters = new KafkaTopicReader(bootstrapServers, ConsumerTestApplication.DLQ)) {
      producer.send(
          new ProducerRecord<>(
              Topics.ENROLLMENT_EVENTS, key, "not an event".getBytes(StandardCharsets.UTF_8)));
      UUID noServiceId = UUID.randomUUID();
      producer.send(
          producer.record(TestEnrolments.enrolled(UUID.fromString(key), null, "RX4"), noServiceId));
      UUID good =
          producer.send(TestEnrolments.enrolled(UUID.fromString(key), UUID.randomUUID(), "RX4"));

      var letters = deadLetters.awaitMatching(m -> key.equals(m.key()), 2, WAIT);
      assertThat(letters.get(0).header("x-exception-message")).contains("ce_id");
      assertThat(letters.get(0).header("x-original-topic")).isEqualTo(Topics.ENROLLMENT_EVENTS);
      assertThat(letters.get(0).header("x-consumer-group"))
          .isEqualTo(ConsumerTestApplication.GROUP);
      assertThat(letters.get(0).value()).isEqualTo("not an event");
      assertThat(letters.get(1).header("x-exception-message")).contains("has no service id");
      assertThat(letters.get(1).header("ce_id")).isEqualTo(noServiceId.toString());
      awaitApplied(good);
      assertThat(applied(noServiceId)).isZero();
    }
  }

  @Test
  void whileTheDeadLetterCannotBeWrittenTheOffsetStaysAndNothingIsLost() throws Exception {
    String key = UUID.randomUUID().toString();
    try (Admin admin = Admin.create(KafkaSecurity.adminConfig(bootstrapServers));
        var producer = new CloudEventProducer(bootstrapServers, json, "enrollment-service")) {
      admin.deleteTopics(Set.of(ConsumerTestApplication.DLQ)).all().get(30, TimeUnit.SECONDS);

      // Kafka's default partitioner: where the key's records go.
      TopicPartition partition =
          new TopicPartition(
              Topics.ENROLLMENT_EVENTS,
              Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3);
      long poisonOffset =
          admin
              .listOffsets(Map.of(partition, OffsetSpec.latest()))
              .partitionResult(partition)
              .get(30, TimeUnit.SECONDS)
              .offset();
      producer.send(
          new ProducerRecord<>(
              Topics.ENROLLMENT_EVENTS, key, "{\"broken\":".getBytes(StandardCharsets.UTF_8)));
      UUID behind =
          producer.send(TestEnrolments.enrolled(UUID.fromString(key), UUID.randomUUID(), "RX4"));

      Thread.sleep(12_000);
      assertThat(applied(behind)).as("applied behind an unwritten dead letter").isZero();
      OffsetAndMetadata committed =
          admin
              .listConsumerGroupOffsets(ConsumerTestApplication.GROUP)
              .partitionsToOffsetAndMetadata()
              .get(30, TimeUnit.SECONDS)
              .get(partition);
      assertThat(committed == null ? 0 : committed.offset())
          .as("committed offset")
          .isLessThanOrEqualTo(poisonOffset);

      // The dead-letter topic is back (declared again, as a restart would).
      kafkaAdmin.initialize();
      awaitApplied(behind);
      try (var deadLetters = new KafkaTopicReader(bootstrapServers, ConsumerTestApplication.DLQ)) {
        deadLetters.awaitFirst(m -> key.equals(m.key()), WAIT);
      }
    }
  }

  private void awaitApplied(UUID eventId) {
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> applied(eventId) == 1);
  }

  private long applied(UUID eventId) {
    return jdbc.sql("select count(*) from applied_event where event_id = ?")
        .param(eventId)
        .query(Long.class)
        .single();
  }
}
