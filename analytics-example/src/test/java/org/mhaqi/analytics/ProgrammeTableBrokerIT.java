package org.mhaqi.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.SortedMap;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.mhaqi.local.KafkaSecurity;
import org.mhaqi.testing.BenchmarkRow;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example on a real broker, through the secured listener: a known set of CloudEvents is
 * published, the live table must equal the figures counted here while the events were made (not by
 * the example's own rules), and its rebuild from offset zero is timed beside a plain consumer
 * reading the same records (a benchmark row, printed, never failing on time).
 */
class ProgrammeTableBrokerIT {

  private static final List<String> TOPICS =
      List.of(
          ProgrammeTable.ENROLLMENT_EVENTS,
          ProgrammeTable.COACHING_EVENTS,
          ProgrammeTable.EVALUATION_EVENTS);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The figures of one phase, counted as the events are made. */
  private static final class Expected {
    long enrolled;
    long waitlisted;
    long withdrawn;
    long sessionsPlanned;
    long sessionsDelivered;
    long returnsIn;
    long specialCauses;

    PhaseFigures figures() {
      return new PhaseFigures(
          enrolled,
          waitlisted,
          withdrawn,
          sessionsPlanned,
          sessionsDelivered,
          returnsIn,
          specialCauses);
    }
  }

  @Test
  void theLiveTableMatchesTheFiguresOfTheRecordsPublishedAndItsRebuildIsTimed() throws Exception {
    String bootstrap = TestKafka.bootstrapServers();
    createTopics(bootstrap);
    Random random = new Random(23);
    List<String> phases = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
    Map<String, Expected> expected = new HashMap<>();
    phases.forEach(p -> expected.put(p, new Expected()));
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    try (CloudEventProducer producer = new CloudEventProducer(bootstrap, JSON, "test")) {
      for (int i = 0; i < 240; i++) {
        String phase = phases.get(i % 2);
        Expected e = expected.get(phase);
        String enrollment = UUID.randomUUID().toString();
        String phaseField = "{\"phaseId\":\"" + phase + "\"";
        boolean waitlisted = random.nextInt(4) == 0;
        // A data return before the enrolment's phase is known: it must wait and still count.
        if (!waitlisted && random.nextBoolean()) {
          records.add(
              event(
                  producer,
                  ProgrammeTable.EVALUATION_EVENTS,
                  enrollment,
                  "DataReturnSubmitted",
                  "{\"correction\":false}"));
          e.returnsIn++;
        }
        if (waitlisted) {
          records.add(
              event(
                  producer,
                  ProgrammeTable.ENROLLMENT_EVENTS,
                  enrollment,
                  "ServiceWaitlisted",
                  phaseField + "}"));
          e.waitlisted++;
          if (random.nextBoolean()) {
            records.add(
                event(
                    producer,
                    ProgrammeTable.ENROLLMENT_EVENTS,
                    enrollment,
                    "EnrollmentWithdrawn",
                    phaseField + ",\"previousStatus\":\"WAITLISTED\",\"reasonCode\":\"OTHER\"}"));
            e.waitlisted--;
            e.withdrawn++;
          }
          continue;
        }
        records.add(
            event(
                producer,
                ProgrammeTable.ENROLLMENT_EVENTS,
                enrollment,
                "ServiceEnrolled",
                phaseField + "}"));
        e.enrolled++;
        int sessions = 2 + random.nextInt(6);
        records.add(
            event(
                producer,
                ProgrammeTable.COACHING_EVENTS,
                enrollment,
                "CoachingPlanCreated",
                phaseField + ",\"sessions\":" + sessions + "}"));
        e.sessionsPlanned += sessions;
        int delivered = random.nextInt(sessions + 1);
        for (int s = 0; s < delivered; s++) {
          records.add(
              event(
                  producer,
                  ProgrammeTable.COACHING_EVENTS,
                  enrollment,
                  "SessionScheduled",
                  phaseField + "}"));
          records.add(
              event(
                  producer,
                  ProgrammeTable.COACHING_EVENTS,
                  enrollment,
                  "SessionCompleted",
                  phaseField + "}"));
          e.sessionsDelivered++;
        }
        int returns = random.nextInt(4);
        for (int r = 0; r < returns; r++) {
          records.add(
              event(
                  producer,
                  ProgrammeTable.EVALUATION_EVENTS,
                  enrollment,
                  "DataReturnSubmitted",
                  "{\"correction\":false}"));
          e.returnsIn++;
          if (random.nextInt(3) == 0) {
            records.add(
                event(
                    producer,
                    ProgrammeTable.EVALUATION_EVENTS,
                    enrollment,
                    "DataReturnSubmitted",
                    "{\"correction\":true}"));
          }
        }
        if (random.nextInt(5) == 0) {
          records.add(
              event(
                  producer,
                  ProgrammeTable.EVALUATION_EVENTS,
                  enrollment,
                  "SpecialCauseDetected",
                  "{\"measureCode\":\"ASSAULTS_ON_STAFF\"}"));
          e.specialCauses++;
        }
        if (random.nextInt(6) == 0) {
          records.add(
              event(
                  producer,
                  ProgrammeTable.ENROLLMENT_EVENTS,
                  enrollment,
                  "EnrollmentWithdrawn",
                  phaseField + ",\"previousStatus\":\"ENROLLED\",\"reasonCode\":\"OTHER\"}"));
          e.enrolled--;
          e.withdrawn++;
        }
      }
      // A redelivery of some records (same ce_id): counted once.
      List<ProducerRecord<String, byte[]>> all = new ArrayList<>(records);
      for (int i = 0; i < all.size(); i += 7) {
        records.add(all.get(i));
      }
      for (ProducerRecord<String, byte[]> record : records) {
        producer.send(record);
      }
    }

    long plainStarted = System.nanoTime();
    int plainRead = readAllPlainly(bootstrap, records.size());
    double plainSeconds = (System.nanoTime() - plainStarted) / 1e9;
    assertThat(plainRead).isEqualTo(records.size());

    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    env.put("ANALYTICS_APPLICATION_ID", "analytics-it-" + UUID.randomUUID());
    env.put("ANALYTICS_STATE_DIR", Files.createTempDirectory("analytics-it").toString());
    Properties config = AnalyticsExample.config(env);
    // The test broker's admin: the table's internal topics are created by the application.
    KafkaSecurity.authenticateAs(KafkaSecurity.ADMIN, config);
    config.put("commit.interval.ms", "100");
    Map<String, PhaseFigures> want = new HashMap<>();
    expected.forEach((phase, e) -> want.put(phase, e.figures()));
    long started = System.nanoTime();
    SortedMap<String, PhaseFigures> table;
    try (KafkaStreams streams = new KafkaStreams(ProgrammeTable.topology(), config)) {
      streams.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      do {
        Thread.sleep(50);
        table = AnalyticsExample.table(streams);
      } while (!table.equals(want) && System.nanoTime() < deadline);
    }
    double streamsSeconds = (System.nanoTime() - started) / 1e9;
    assertThat(table).as("the live table per phase").isEqualTo(want);

    BenchmarkRow row =
        BenchmarkRow.atLeastShareOfRaw(
            "analytics rebuild from offset zero: records/s, Streams table beside a plain consumer",
            records.size() / streamsSeconds,
            records.size() / plainSeconds,
            "records/s",
            // The bar the platform's own consumers are held to against their raw loops.
            0.5);
    System.out.println(row.line());
  }

  private static ProducerRecord<String, byte[]> event(
      CloudEventProducer producer, String topic, String key, String type, String json) {
    return producer.record(
        topic, key, UUID.randomUUID(), type, "1", json.getBytes(StandardCharsets.UTF_8));
  }

  private static void createTopics(String bootstrap) throws Exception {
    try (Admin admin = Admin.create(KafkaSecurity.adminConfig(bootstrap))) {
      var existing = admin.listTopics().names().get();
      List<NewTopic> missing = new ArrayList<>();
      for (String topic : TOPICS) {
        if (!existing.contains(topic)) {
          missing.add(new NewTopic(topic, 3, (short) 1));
        }
      }
      admin.createTopics(missing).all().get();
    }
  }

  /** A plain consumer reading the same records from offset zero, parsing each payload. */
  private static int readAllPlainly(String bootstrap, int expected) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    KafkaSecurity.authenticateAs(KafkaSecurity.ADMIN, props);
    props.put("enable.auto.commit", "false");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    int read = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : TOPICS) {
        consumer
            .partitionsFor(topic)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          JsonNode payload = JSON.readTree(record.value());
          if (payload != null) {
            read++;
          }
        }
      }
    }
    return read;
  }
}
