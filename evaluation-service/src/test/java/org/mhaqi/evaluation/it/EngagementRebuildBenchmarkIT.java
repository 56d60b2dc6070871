package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mhaqi.evaluation.engagement.SessionEvents;
import org.mhaqi.evaluation.rebuild.EngagementRebuild;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.Topics;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.testing.CloudEventProducer;
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
    long events = publish(prefix, enrolments);

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
    try (Admin admin = Admin.create(props)) {
      admin
          .createTopics(topics.stream().map(t -> new NewTopic(t, 3, (short) 1)).toList())
          .all()
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Publishes a programme's events the way the services would: per enrolment its ServiceEnrolled,
   * its plan and 38 sessions; of the sessions about 60% delivered, 10% cancelled, 10% moved once.
   *
   * @return how many events
   */
  private long publish(String prefix, int enrolments) {
    Random random = new Random(enrolments);
    CloudEventProducer envelopes = new CloudEventProducer(bootstrapServers, json, "benchmark");
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    props.put("acks", "all");
    props.put("linger.ms", "20");
    props.put("batch.size", Integer.toString(256 * 1024));
    props.put("compression.type", "none");
    long count = 0;
    UUID phaseId = UUID.randomUUID();
    Region[] regions = Region.values();
    try (envelopes;
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < enrolments; i++) {
        ServiceEnrolled enrolled =
            new ServiceEnrolled(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "R" + (char) ('A' + i % 26) + (char) ('A' + (i / 26) % 26),
                ProviderType.NHS_TRUST,
                regions[i % regions.length],
                ServiceType.ADULT_ACUTE,
                phaseId,
                PhaseKind.WIDER_IMPLEMENTATION,
                LocalDate.of(2024, 9, 1),
                LocalDate.of(2025, 3, 31),
                false,
                Instant.parse("2024-07-15T09:00:00Z"));
        count += send(producer, envelopes, prefix, enrolled);
        UUID planId = UUID.nameUUIDFromBytes(enrolled.enrollmentId().toString().getBytes());
        count +=
            send(
                producer,
                envelopes,
                prefix,
                new CoachingPlanCreated(
                    planId,
                    enrolled.enrollmentId(),
                    enrolled.serviceId(),
                    phaseId,
                    PhaseKind.WIDER_IMPLEMENTATION,
                    enrolled.coachingStartsOn(),
                    enrolled.coachingEndsOn(),
                    SESSIONS_PER_ENROLMENT,
                    0,
                    Instant.parse("2024-07-15T09:01:00Z")));
        for (int s = 0; s < SESSIONS_PER_ENROLMENT; s++) {
          boolean executive = s % 5 == 0;
          SessionEvents session =
              new SessionEvents(
                  UUID.randomUUID(),
                  planId,
                  enrolled.enrollmentId(),
                  enrolled.serviceId(),
                  phaseId,
                  executive
                      ? CoachingLevel.EXECUTIVE
                      : CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
                  s % 5 == 1 ? SessionKind.IMPROVEMENT_DAY : SessionKind.COACHING_SESSION,
                  s % 5 == 1 ? 480 : 60);
          LocalDateTime at = SessionEvents.TEN_AM.plusDays(s * 5L);
          count += send(producer, envelopes, prefix, session.scheduled());
          int outcome = random.nextInt(10);
          if (outcome == 0) {
            count += send(producer, envelopes, prefix, session.rescheduled(1, at, at.plusDays(1)));
          } else if (outcome == 1) {
            count += send(producer, envelopes, prefix, session.cancelled(at, SessionEvents.T0));
          } else if (outcome < 8) {
            count +=
                send(
                    producer,
                    envelopes,
                    prefix,
                    session.completed(
                        at,
                        session.plannedMinutes(),
                        random.nextInt(6),
                        random.nextBoolean(),
                        SessionEvents.T0.plusSeconds(s)));
          }
        }
      }
      producer.flush();
    }
    return count;
  }

  private static int send(
      KafkaProducer<String, byte[]> producer,
      CloudEventProducer envelopes,
      String prefix,
      DomainEvent event) {
    ProducerRecord<String, byte[]> record = envelopes.record(event, UUID.randomUUID());
    producer.send(
        new ProducerRecord<>(
            prefix + EventTypes.of(event.getClass()).topic(),
            null,
            record.key(),
            record.value(),
            record.headers()));
    return 1;
  }

  /** Reads every record of the topics with a plain consumer; returns records and bytes. */
  private long[] plainRead(List<String> topics) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
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
