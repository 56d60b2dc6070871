package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mhaqi.evaluation.rebuild.EngagementRebuild;
import org.mhaqi.events.Topics;
import org.mhaqi.local.KafkaSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * How long a full rebuild of the engagement projections takes for the demo's volume (45 enrolments,
 * 38 sessions each, about 1,700 sessions with their events) and for 100 times as many, beside the
 * time a plain Kafka consumer takes to read the same records in the same run. Not a timed test: it
 * prints BENCHMARK lines and checks only that every session was rebuilt. Skipped unless run with
 * {@code -Dbenchmark=true}.
 *
 * <p>Each volume is published to topics of its own (copies of enrollment.events and coaching.events
 * under other names), so the rebuild reads exactly that volume. Its own database, and its live
 * consumers kept stopped, so it never meets the other integration tests.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(
    properties = {
      "mhaqi.test.database=evaluation-benchmark",
      // The rebuild reads copies of the topics under names no service's ACLs cover.
      "mhaqi.test.kafka-user=admin",
      "spring.cloud.stream.bindings.enrollmentEvents-in-0.consumer.auto-startup=false",
      "spring.cloud.stream.bindings.coachingEvents-in-0.consumer.auto-startup=false"
    })
class EngagementRebuildBenchmarkIT extends EvaluationIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(EngagementRebuildBenchmarkIT.class);

  static final int DEMO_ENROLMENTS = 45;
  static final int SESSIONS_PER_ENROLMENT = 38;

  @Autowired EngagementRebuild rebuild;

  @Test
  void rebuildTheDemoVolumeAndOneHundredTimesAsMany() {
    measure("demo volume", DEMO_ENROLMENTS);
    measure("100 x demo volume", 100 * DEMO_ENROLMENTS);
  }

  private void measure(String what, int enrolments) {
    String prefix = "benchmark-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    List<String> topics =
        List.of(prefix + Topics.ENROLLMENT_EVENTS, prefix + Topics.COACHING_EVENTS);
    createTopics(topics);
    long events = ProgrammeVolume.publish(bootstrapServers, json, prefix, enrolments);

    plainRead(topics); // warm-up: both measures then read from a warm page cache
    long readStarted = System.nanoTime();
    long[] read = plainRead(topics);
    Duration plain = Duration.ofNanos(System.nanoTime() - readStarted);
    assertThat(read[0]).isEqualTo(events);

    long rebuildStarted = System.nanoTime();
    EngagementRebuild.Result result = rebuild.rebuild(topics);
    Duration took = Duration.ofNanos(System.nanoTime() - rebuildStarted);

    assertThat(result.records()).isEqualTo(events);
    assertThat(result.sessions()).isEqualTo((long) enrolments * SESSIONS_PER_ENROLMENT);
    assertThat(jdbc.sql("SELECT count(*) FROM engagement_session").query(Long.class).single())
        .isEqualTo((long) enrolments * SESSIONS_PER_ENROLMENT);
    log.info(
        "BENCHMARK engagement rebuild, {}: {} enrolments, {} sessions, {} events ({} MB) -> rebuild"
            + " {} ms (read and fold {} ms, stage {} ms, catch up and swap {} ms); plain consumer"
            + " read {} ms; rebuild / plain read = {}",
        what,
        enrolments,
        result.sessions(),
        events,
        String.format("%.1f", read[1] / 1e6),
        took.toMillis(),
        result.readMillis(),
        result.stageMillis(),
        result.swapMillis(),
        plain.toMillis(),
        String.format("%.1f", (double) took.toNanos() / Math.max(1, plain.toNanos())));
  }

  private void createTopics(List<String> topics) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.putAll(KafkaSecurity.clientConfig(KafkaSecurity.ADMIN));
    try (Admin admin = Admin.create(props)) {
      admin
          .createTopics(topics.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList())
          .all()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads every record of the topics with a plain consumer; returns records and bytes. */
  private long[] plainRead(List<String> topics) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.putAll(KafkaSecurity.clientConfig(KafkaSecurity.ADMIN));
    props.put("enable.auto.commit", "false");
    props.put("key.deserializer", ByteArrayDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    props.put("max.poll.records", "5000");
    props.put("fetch.max.bytes", Integer.toString(64 * 1024 * 1024));
    props.put("max.partition.fetch.bytes", Integer.toString(16 * 1024 * 1024));
    long records = 0;
    long bytes = 0;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions =
          topics.stream()
              .flatMap(
                  t ->
                      consumer.partitionsFor(t).stream()
                          .map(p -> new TopicPartition(t, p.partition())))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      var end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          records++;
          bytes += record.serializedValueSize() + Math.max(0, record.serializedKeySize());
        }
      }
    }
    return new long[] {records, bytes};
  }
}
