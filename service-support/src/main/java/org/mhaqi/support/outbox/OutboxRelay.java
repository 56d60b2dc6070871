package org.mhaqi.support.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.EventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox rows to Kafka in the order they were written, at least once.
 *
 * <p>One thread per service instance; a PostgreSQL advisory lock makes sure only one instance
 * relays at a time, so per-key order holds even with several replicas. A batch is sent
 * asynchronously, flushed, and marked published up to the first failure; the rest is retried on the
 * next pass, so a broker outage delays events and never loses them. Consumers deduplicate by {@code
 * ce_id}.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** Any constant shared by all instances of one service; each service has its own database. */
  private static final long RELAY_LOCK = 0x6f7574626f78L;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, byte[]> kafka;
  private final OutboxProperties properties;
  private final String source;
  private final Clock clock;
  private final Semaphore wakeUps = new Semaphore(0);
  private final Counter failures;
  private final Timer lag;
  private final MeterRegistry meters;

  private volatile Thread worker;
  private volatile boolean running;

  public OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      OutboxProperties properties,
      String applicationName,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.properties = properties;
    this.source = "/mhaqi/" + applicationName;
    this.clock = clock;
    this.meters = meters;
    this.failures =
        Counter.builder("outbox.publish.failures")
            .description("Relay passes that stopped because Kafka did not acknowledge an event")
            .register(meters);
    this.lag =
        Timer.builder("outbox.publish.lag")
            .description("Time from an event's commit to Kafka's acknowledgement")
            .publishPercentileHistogram()
            .register(meters);
  }

  /** Asks the relay to look at the outbox now instead of at its next poll. */
  public void wakeUp() {
    wakeUps.release();
  }

  /**
   * Publishes every pending event it can, batch after batch.
   *
   * @return how many events were published
   */
  public int publishPending() {
    int total = 0;
    while (true) {
      Integer published = transactions.execute(status -> publishBatch());
      total += published == null ? 0 : published;
      if (published == null || published < properties.batchSize()) {
        return total;
      }
    }
  }

  private int publishBatch() {
    boolean locked =
        jdbc.sql("select pg_try_advisory_xact_lock(?)")
            .param(RELAY_LOCK)
            .query(Boolean.class)
            .single();
    if (!locked) {
      return 0;
    }
    List<PendingEvent> batch =
        jdbc.sql(
                """
                select id, topic, message_key, event_type, schema_version, occurred_at,
                       payload, traceparent
                from outbox_event
                where published_at is null
                order by position
                limit ?
                """)
            .param(properties.batchSize())
            .query(
                (rs, row) ->
                    new PendingEvent(
                        rs.getObject("id", UUID.class),
                        rs.getString("topic"),
                        rs.getString("message_key"),
                        rs.getString("event_type"),
                        rs.getInt("schema_version"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("payload"),
                        rs.getString("traceparent")))
            .list();
    if (batch.isEmpty()) {
      return 0;
    }
    List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(batch.size());
    try {
      for (PendingEvent event : batch) {
        sends.add(kafka.send(toRecord(event)));
      }
      kafka.flush();
    } catch (RuntimeException e) {
      // Typically no metadata within max.block.ms: the broker is out of reach. What was handed
      // to the client before is still checked below; the rest waits for the next pass.
      reportFailure(batch.get(sends.size() < batch.size() ? sends.size() : 0), e);
    }
    List<UUID> published = new ArrayList<>(sends.size());
    for (int i = 0; i < sends.size(); i++) {
      PendingEvent event = batch.get(i);
      try {
        sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (ExecutionException | TimeoutException e) {
        reportFailure(event, e.getCause() == null ? e : e.getCause());
        break;
      }
      published.add(event.id());
      lag.record(Duration.between(event.occurredAt(), clock.instant()));
      meters
          .counter("outbox.events.published", "topic", event.topic(), "type", event.type())
          .increment();
    }
    if (!published.isEmpty()) {
      jdbc.sql("update outbox_event set published_at = :now where id in (:ids)")
          .param("now", Timestamp.from(clock.instant()))
          .param("ids", published)
          .update();
    }
    return published.size() == batch.size() ? published.size() : 0;
  }

  private void reportFailure(PendingEvent event, Throwable cause) {
    failures.increment();
    try (var ignored = MDC.putCloseable("eventId", event.id().toString())) {
      log.warn(
          "Kafka did not acknowledge {} {}; it stays in the outbox and is retried: {}",
          event.type(),
          event.id(),
          cause.toString());
    }
    // A fresh producer (new producer id) on the next pass: the old one may be in a fatal state.
    kafka.getProducerFactory().reset();
  }

  private ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
    var record =
        new ProducerRecord<>(
            event.topic(), null, event.key(), event.payload().getBytes(StandardCharsets.UTF_8));
    header(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
    header(record, CloudEventHeaders.ID, event.id().toString());
    header(record, CloudEventHeaders.TYPE, event.type());
    header(record, CloudEventHeaders.SOURCE, source);
    header(
        record, CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
    header(record, CloudEventHeaders.SUBJECT, event.key());
    header(record, CloudEventHeaders.SCHEMA_VERSION, Integer.toString(event.schemaVersion()));
    header(
        record,
        CloudEventHeaders.DATA_SCHEMA,
        EventTypes.byName(event.type())
            .map(EventTypes.EventType::dataSchema)
            .orElse("urn:mhaqi:event:" + event.type() + ":" + event.schemaVersion()));
    header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    if (event.traceparent() != null) {
      header(record, CloudEventHeaders.TRACEPARENT, event.traceparent());
    }
    return record;
  }

  private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
    record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
  }

  /** Deletes published rows older than the retention, so the table stays small. */
  int purgePublished() {
    return jdbc.sql("delete from outbox_event where published_at < ?")
        .param(Timestamp.from(clock.instant().minus(properties.retention())))
        .update();
  }

  long pendingCount() {
    return backlog().pending();
  }

  /** How many events wait for Kafka and how long the oldest has waited, in one query. */
  Backlog backlog() {
    return jdbc.sql(
            "select count(*) as pending, min(occurred_at) as oldest"
                + " from outbox_event where published_at is null")
        .query(
            (rs, row) -> {
              Timestamp oldest = rs.getTimestamp("oldest");
              return new Backlog(
                  rs.getLong("pending"),
                  oldest == null
                      ? Duration.ZERO
                      : Duration.between(oldest.toInstant(), clock.instant()));
            })
        .single();
  }

  /** Events committed but not yet acknowledged by Kafka. */
  record Backlog(long pending, Duration oldestAge) {}

  private void loop() {
    Instant nextPurge = clock.instant();
    while (running) {
      try {
        publishPending();
        if (clock.instant().isAfter(nextPurge)) {
          purgePublished();
          nextPurge = clock.instant().plus(Duration.ofHours(1));
        }
        wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        wakeUps.drainPermits();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failures.increment();
        log.warn("Outbox relay pass failed; retrying after {}", properties.retryBackoff(), e);
        sleep(properties.retryBackoff());
      }
    }
  }

  private void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void start() {
    if (!properties.relayEnabled()) {
      return;
    }
    running = true;
    worker = new Thread(this::loop, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread current = worker;
    if (current != null) {
      wakeUp();
      try {
        current.join(Duration.ofSeconds(10).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      worker = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stop before the Kafka producer factory and the DataSource go away. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 1000;
  }

  private record PendingEvent(
      UUID id,
      String topic,
      String key,
      String type,
      int schemaVersion,
      Instant occurredAt,
      String payload,
      String traceparent) {}
}
