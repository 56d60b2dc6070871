package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.BenchmarkRow;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.RawConsumingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark 2, consuming (coaching-service): ServiceEnrolled events applied per second by the live
 * consumer (a coaching plan each), beside a raw loop in the same run that reads the same records
 * with a plain consumer and commits one PostgreSQL transaction per record. Not a timed test: it
 * prints figures and checks only that every event was applied. Skipped unless run with {@code
 * -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ConsumingBenchmarkIT extends IntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(ConsumingBenchmarkIT.class);

  /** Enough to tell the rate and keep CI short; {@code -Dbenchmark.consuming.enrolments}. */
  private static final int ENROLMENTS = Integer.getInteger("benchmark.consuming.enrolments", 100);

  @Autowired DataSource dataSource;

  @Test
  void plansFromServiceEnrolledBesideARawLoop() {
    List<String> topics = List.of(Topics.ENROLLMENT_EVENTS);
    var from = RawConsumingLoop.endOffsets(bootstrapServers, topics);
    // A window of its own, years away from the other tests', so plans do not compete with theirs.
    LocalDate first = LocalDate.of(2031, 9, 1);
    LocalDate last = LocalDate.of(2032, 3, 31);
    List<UUID> ids = new ArrayList<>();
    long started = System.nanoTime();
    try (CloudEventProducer envelopes =
            new CloudEventProducer(bootstrapServers, json, "enrollment-service");
        KafkaProducer<String, byte[]> producer = producer()) {
      for (int i = 0; i < ENROLMENTS; i++) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        producer.send(envelopes.record(enrolled(UUID.randomUUID(), first, last), id));
      }
      producer.flush();
    }
    Awaitility.await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> processed(ids) == ENROLMENTS);
    double seconds = (System.nanoTime() - started) / 1e9;
    double rate = ENROLMENTS / seconds;
    assertThat(
            jdbc.sql(
                    """
                    select count(*) from coaching_plan p join enrollment e on e.id = p.enrollment_id
                    where e.coaching_starts_on = ?
                    """)
                .param(first)
                .query(Long.class)
                .single())
        .isEqualTo(ENROLMENTS);

    var to = RawConsumingLoop.endOffsets(bootstrapServers, topics);
    double raw = RawConsumingLoop.recordsPerSecond(bootstrapServers, dataSource, from, to);
    log.info(
        "BENCHMARK consuming, coaching-service: {} ServiceEnrolled -> plans in {} s ({} events/s);"
            + " raw loop {} records/s",
        ENROLMENTS,
        String.format("%.1f", seconds),
        String.format("%.1f", rate),
        String.format("%.0f", raw));
    log.info(
        "{}",
        BenchmarkRow.atLeastShareOfRaw(
            "2 consuming: coaching-service plans from ServiceEnrolled (" + ENROLMENTS + ")",
            rate,
            raw,
            "events/s",
            0.50));
  }

  private long processed(List<UUID> ids) {
    return jdbc.sql(
            "select count(*) from processed_event where consumer = 'coaching-service'"
                + " and event_id in (:ids)")
        .param("ids", ids)
        .query(Long.class)
        .single();
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrapServers);
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    props.put("acks", "all");
    props.put("enable.idempotence", "true");
    return new KafkaProducer<>(props);
  }
}
