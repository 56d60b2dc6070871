package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast events go through the outbox: committed with their transaction, then relayed to a real
 * broker and acknowledged. Not a timed test: it prints figures and checks only that every event
 * arrived. Skipped unless run with {@code -Dbenchmark=true}.
 */
@ServiceIntegrationTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OutboxThroughputBenchmarkIT {

  private static final Logger log = LoggerFactory.getLogger(OutboxThroughputBenchmarkIT.class);

  private static final int EVENTS = 20_000;
  private static final int PER_TRANSACTION = 10;

  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  @Test
  void relayTwentyThousandEvents() {
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    UUID phase = UUID.randomUUID();
    Set<String> keys = new HashSet<>();
    Timer lag = meters.find("outbox.publish.lag").timer();
    long lagCountBefore = lag == null ? 0 : lag.count();

    long started = System.nanoTime();
    for (int written = 0; written < EVENTS; written += PER_TRANSACTION) {
      transactions.executeWithoutResult(
          status -> {
            for (int i = 0; i < PER_TRANSACTION; i++) {
              UUID enrolment = UUID.randomUUID();
              events.publishEvent(
                  new EnrollmentCompleted(enrolment, UUID.randomUUID(), phase, Instant.now()));
            }
          });
    }
    double writeSeconds = (System.nanoTime() - started) / 1e9;
    Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                jdbc.sql("select count(*) from outbox_event where published_at is null")
                        .query(Long.class)
                        .single()
                    == 0);
    double drainedSeconds = (System.nanoTime() - started) / 1e9;

    try (KafkaTopicReader reader = new KafkaTopicReader(kafka, Topics.ENROLLMENT_EVENTS)) {
      Set<String> ids = new HashSet<>();
      reader
          .awaitMatching(
              m -> m.value() != null && m.value().contains(phase.toString()),
              EVENTS,
              Duration.ofMinutes(2))
          .forEach(
              m -> {
                ids.add(m.header(CloudEventHeaders.ID));
                keys.add(m.key());
              });
      assertThat(ids).hasSize(EVENTS);
    }

    Timer after = meters.find("outbox.publish.lag").timer();
    log.info(
        String.format(
            Locale.ROOT,
            "BENCHMARK outbox: %d events, %d per transaction: committed in %.1f s (%.0f events/s);"
                + " all acknowledged by Kafka after %.1f s (%.0f events/s end to end);"
                + " commit-to-ack lag p50 %.0f ms, p99 %.0f ms over %d events",
            EVENTS,
            PER_TRANSACTION,
            writeSeconds,
            EVENTS / writeSeconds,
            drainedSeconds,
            EVENTS / drainedSeconds,
            percentile(after, 0.5),
            percentile(after, 0.99),
            after.count() - lagCountBefore));
    assertThat(keys).hasSize(EVENTS);
  }

  private static double percentile(Timer timer, double percentile) {
    for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
      if (value.percentile() == percentile) {
        return value.value(TimeUnit.MILLISECONDS);
      }
    }
    return timer.takeSnapshot().histogramCounts().length == 0
        ? Double.NaN
        : approximate(timer, percentile);
  }

  private static double approximate(Timer timer, double percentile) {
    var counts = timer.takeSnapshot().histogramCounts();
    double target = timer.count() * percentile;
    for (var bucket : counts) {
      if (bucket.count() >= target) {
        return bucket.bucket(TimeUnit.MILLISECONDS);
      }
    }
    return timer.max(TimeUnit.MILLISECONDS);
  }
}
