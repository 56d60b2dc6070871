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
import org.mhaqi.local.KafkaSecurity;
import org.mhaqi.testing.BenchmarkRow;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.RawConsumingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;

/**
 * Benchmark 2, consuming (coaching-service): ServiceEnrolled events applied per second by the live
 * consumer (a coaching plan each), beside a raw loop in the same run that reads the same records
 * with a plain consumer and commits one PostgreSQL transaction per record. Like the raw loop, the
 * consumer meets the records already on the topic (published while its binding is stopped) and runs
 * warm (a few plans first, in a window of their own), so the figure is the consumer's rate, not the
 * producer's or the JIT's. Not a timed test: it prints figures and checks only that every event was
 * applied. Skipped unless run with {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ConsumingBenchmarkIT extends IntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(ConsumingBenchmarkIT.class);

  /** Enough to tell the rate and keep CI short; {@code -Dbenchmark.consuming.enrolments}. */
  private static final int ENROLMENTS = Integer.getInteger("benchmark.consuming.enrolments", 100);

  /** Plans made before the measured ones, so that the consumer is measured warm. */
  private static final int WARM_UP = 10;

  private static final String BINDING = "enrollmentEvents-in-0";

  @Autowired DataSource dataSource;
  @Autowired BindingsLifecycleController bindings;

  @Test
  void plansFromServiceEnrolledBesideARawLoop() {
    List<String> topics = List.of(Topics.ENROLLMENT_EVENTS);
    // Warm-up, in a window of its own so its plans do not take the measured ones' coaches.
    List<UUID> warmUp = publish(WARM_UP, LocalDate.of(2033, 9, 1), LocalDate.of(2034, 3, 31));
    awaitProcessed(warmUp);

    var from = RawConsumingLoop.endOffsets(bootstrapServers, topics);
    // A window of its own, years away from the other tests', so plans do not compete with theirs.
    LocalDate first = LocalDate.of(2031, 9, 1);
    LocalDate last = LocalDate.of(2032, 3, 31);
    List<UUID> ids;
    bindings.changeState(BINDING, State.STOPPED);
    long started;
    try {
      ids = publish(ENROLMENTS, first, last);
    } finally {
      started = System.nanoTime();
      bindings.changeState(BINDING, State.STARTED);
    }
    awaitProcessed(ids);
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

  /** Publishes ServiceEnrolled of new services for the window; the events' ids. */
  private List<UUID> publish(int enrolments, LocalDate first, LocalDate last) {
    List<UUID> ids = new ArrayList<>();
    try (CloudEventProducer envelopes =
            new CloudEventProducer(bootstrapServers, json, "enrollment-service");
        KafkaProducer<String, byte[]> producer = producer()) {
      for (int i = 0; i < enrolments; i++) {
        UUID id = UUID.randomUUID();
        ids.add(id);
        producer.send(envelopes.record(enrolled(UUID.randomUUID(), first, last), id));
      }
      producer.flush();
    }
    return ids;
  }

  private void awaitProcessed(List<UUID> ids) {
    Awaitility.await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> processed(ids) == ids.size());
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
    props.putAll(KafkaSecurity.clientConfig(KafkaSecurity.ADMIN));
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    props.put("acks", "all");
    props.put("enable.idempotence", "true");
    return new KafkaProducer<>(props);
  }
}
