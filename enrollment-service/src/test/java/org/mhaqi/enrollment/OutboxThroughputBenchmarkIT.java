package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.local.KafkaSecurity;
import org.mhaqi.testing.BenchmarkRow;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark 1, publishing: events committed through the outbox and relayed to a real broker, beside
 * the raw limit of the same machine in the same run: the same number of single-row inserts into a
 * plain table, committed with the same batching (10 per transaction), each sent after its commit by
 * a plain idempotent producer with acks=all; and, as a second and stronger baseline, the same with
 * each transaction's inserts as one JDBC batch, as the outbox writes them. Then both at a steady
 * half of the raw rate, for the commit-to-ack lag. Not a timed test: it prints figures ({@code
 * BENCHMARK} lines and table rows) and checks only that every event arrived. Skipped unless run
 * with {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class OutboxThroughputBenchmarkIT extends ServiceIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(OutboxThroughputBenchmarkIT.class);

  private static final int EVENTS = 10_000;
  private static final int PER_TRANSACTION = 10;
  private static final Duration PACED_FOR = Duration.ofSeconds(10);
  private static final String RAW_TOPIC = "benchmark.raw-publishing";

  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcTemplate batches;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  @Test
  void outboxBesideRawInsertsAndAPlainProducer() throws Exception {
    createRawTableAndTopic();
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    try (KafkaProducer<String, byte[]> producer = plainProducer()) {
      // Warm-up of both paths, so neither pays for the other's JIT compilation.
      viaOutbox(transactions, 1_000, 0);
      raw(transactions, producer, 1_000, 0, false);
      raw(transactions, producer, 1_000, 0, true);

      Run outbox = viaOutbox(transactions, EVENTS, 0);
      Run raw = raw(transactions, producer, EVENTS, 0, false);
      Run rawBatched = raw(transactions, producer, EVENTS, 0, true);
      double halfRate = raw.rate() / 2;
      Run outboxPaced = viaOutbox(transactions, (int) (halfRate * PACED_FOR.toSeconds()), halfRate);
      Run rawPaced =
          raw(transactions, producer, (int) (halfRate * PACED_FOR.toSeconds()), halfRate, false);

      log.info(
          String.format(
              Locale.ROOT,
              "BENCHMARK publishing: %d events, %d per transaction: outbox %.0f events/s commit to"
                  + " ack, raw inserts + plain producer %.0f events/s (ratio %.2f), raw batched"
                  + " inserts %.0f events/s (ratio %.2f); at %.0f"
                  + " events/s for %d s: outbox lag p50 %.0f ms p99 %.0f ms, raw p50 %.0f ms p99"
                  + " %.0f ms",
              EVENTS,
              PER_TRANSACTION,
              outbox.rate(),
              raw.rate(),
              outbox.rate() / raw.rate(),
              rawBatched.rate(),
              outbox.rate() / rawBatched.rate(),
              halfRate,
              PACED_FOR.toSeconds(),
              outboxPaced.lagMillis(0.5),
              outboxPaced.lagMillis(0.99),
              rawPaced.lagMillis(0.5),
              rawPaced.lagMillis(0.99)));
      log.info(
          "{}",
          BenchmarkRow.atLeastShareOfRaw(
              "1 publishing: commit to Kafka ack, "
                  + PER_TRANSACTION
                  + " per transaction (raw: single-row inserts)",
              outbox.rate(),
              raw.rate(),
              "events/s",
              0.70));
      log.info(
          "{}",
          BenchmarkRow.atLeastShareOfRaw(
              "1 publishing: the same beside a raw path batching its inserts as the outbox does",
              outbox.rate(),
              rawBatched.rate(),
              "events/s",
              0.70));
      log.info(
          "{}",
          BenchmarkRow.atMost(
              String.format(
                  Locale.ROOT,
                  "1 publishing: commit-to-ack lag p99 at half the raw rate (%.0f/s for %d s)",
                  halfRate,
                  PACED_FOR.toSeconds()),
              outboxPaced.lagMillis(0.99),
              rawPaced.lagMillis(0.99),
              "ms",
              100));
    }
  }

  /**
   * Commits {@code count} events through the outbox, 10 per transaction, at {@code rate} events per
   * second (0: as fast as it goes), and waits until Kafka acknowledged them all.
   */
  private Run viaOutbox(TransactionTemplate transactions, int count, double rate) {
    UUID phase = UUID.randomUUID();
    long started = System.nanoTime();
    for (int written = 0; written < count; written += PER_TRANSACTION) {
      pace(started, written, rate);
      transactions.executeWithoutResult(
          status -> {
            for (int i = 0; i < PER_TRANSACTION; i++) {
              events.publishEvent(
                  new EnrollmentCompleted(
                      UUID.randomUUID(), UUID.randomUUID(), phase, Instant.now()));
            }
          });
    }
    int written = (count + PER_TRANSACTION - 1) / PER_TRANSACTION * PER_TRANSACTION;
    Awaitility.await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                // On the relay's own pending index: a count over the whole table every 10 ms
                // would take from the relay the CPU it is being timed on.
                !jdbc.sql(
                        """
                        select exists (select 1 from outbox_event
                                       where published_at is null and quarantined_at is null)
                        """)
                    .query(Boolean.class)
                    .single());
    double seconds = (System.nanoTime() - started) / 1e9;
    List<Double> lags =
        jdbc.sql(
                """
                select extract(epoch from published_at - occurred_at) * 1000 from outbox_event
                where payload::jsonb ->> 'phaseId' = ?
                """)
            .param(phase.toString())
            .query(Double.class)
            .list();
    assertThat(lags).hasSize(written);
    try (KafkaTopicReader reader = new KafkaTopicReader(kafka, Topics.ENROLLMENT_EVENTS)) {
      assertThat(
              reader.awaitMatching(
                  m -> m.value() != null && m.value().contains(phase.toString()),
                  written,
                  Duration.ofMinutes(2)))
          .extracting(m -> m.header(CloudEventHeaders.ID))
          .doesNotHaveDuplicates()
          .hasSize(written);
    }
    return new Run(written, seconds, lags);
  }

  /**
   * The raw limit: the same inserts of the same payloads into a plain table, committed with the
   * same batching (10 per transaction), each transaction's records then sent by a plain idempotent
   * producer. The baseline makes single-row inserts; {@code batched} writes a transaction's
   * rows as one JDBC batch (one multi-row insert), as the outbox itself does, the stronger
   * baseline.
   */
  private Run raw(
      TransactionTemplate transactions,
      KafkaProducer<String, byte[]> producer,
      int count,
      double rate,
      boolean batched) {
    UUID phase = UUID.randomUUID();
    List<Double> lags = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicReference<Exception> failure = new AtomicReference<>();
    long started = System.nanoTime();
    int written = 0;
    for (; written < count; written += PER_TRANSACTION) {
      pace(started, written, rate);
      List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
      long insertedAt = System.nanoTime();
      transactions.executeWithoutResult(
          status -> {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < PER_TRANSACTION; i++) {
              EnrollmentCompleted event =
                  new EnrollmentCompleted(
                      UUID.randomUUID(), UUID.randomUUID(), phase, Instant.now());
              String payload = json.writeValueAsString(event);
              UUID id = UUID.randomUUID();
              rows.add(new Object[] {id, event.subject(), payload});
              var record =
                  new ProducerRecord<>(
                      RAW_TOPIC, event.subject(), payload.getBytes(StandardCharsets.UTF_8));
              record
                  .headers()
                  .add(CloudEventHeaders.ID, id.toString().getBytes(StandardCharsets.UTF_8));
              records.add(record);
            }
            String insert =
                """
                insert into raw_publishing_benchmark (id, message_key, payload, occurred_at)
                values (?, ?, cast(? as json), now())
                """;
            if (batched) {
              batches.batchUpdate(insert, rows);
            } else {
              rows.forEach(row -> jdbc.sql(insert).params(row).update());
            }
          });
      for (var record : records) {
        producer.send(
            record,
            (metadata, exception) -> {
              if (exception != null) {
                failure.compareAndSet(null, exception);
              }
              lags.add((System.nanoTime() - insertedAt) / 1e6);
              acknowledged.incrementAndGet();
            });
      }
    }
    producer.flush();
    int sent = written;
    Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.get() == sent);
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(failure.get()).isNull();
    return new Run(sent, seconds, lags);
  }

  /** Sleeps until the given number of events is due at the rate (0: never sleeps). */
  private static void pace(long started, int done, double rate) {
    if (rate <= 0) {
      return;
    }
    long dueNanos = started + (long) (done / rate * 1e9);
    long wait = dueNanos - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void createRawTableAndTopic() throws Exception {
    jdbc.sql(
            """
            create table if not exists raw_publishing_benchmark (
              id uuid primary key, message_key text not null, payload json not null,
              occurred_at timestamptz not null)
            """)
        .update();
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka);
    props.putAll(KafkaSecurity.clientConfig(KafkaSecurity.ADMIN));
    try (Admin admin = Admin.create(props)) {
      if (!admin.listTopics().names().get().contains(RAW_TOPIC)) {
        admin.createTopics(List.of(new NewTopic(RAW_TOPIC, 3, (short) 1))).all().get();
      }
    }
  }

  /** A plain producer with the relay's delivery settings: idempotent, acks=all, linger 5 ms. */
  private KafkaProducer<String, byte[]> plainProducer() {
    Properties props = new Properties();
    props.put("bootstrap.servers", kafka);
    props.putAll(KafkaSecurity.clientConfig(KafkaSecurity.ADMIN));
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", ByteArraySerializer.class.getName());
    props.put("acks", "all");
    props.put("enable.idempotence", "true");
    props.put("linger.ms", "5");
    return new KafkaProducer<>(props);
  }

  /** Events of one run, how long until all were acknowledged, and each one's commit-to-ack lag. */
  private record Run(int events, double seconds, List<Double> lagsMillis) {

    double rate() {
      return events / seconds;
    }

    double lagMillis(double percentile) {
      List<Double> sorted = new ArrayList<>(lagsMillis);
      Collections.sort(sorted);
      return sorted.get(
          Math.min(sorted.size() - 1, (int) Math.ceil(percentile * sorted.size()) - 1));
    }
  }
}
