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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
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

/**
 * Delivers outbox rows to Kafka in the order they were written, at least once.
 *
 * <p>One thread per service instance; a session-level PostgreSQL advisory lock ({@link
 * RelayLeadership}) makes sure only one instance relays at a time, so per-key order holds even with
 * several replicas. Each pass reads a batch, sends it and marks what Kafka acknowledged (one
 * statement for the batch), each step in its own short statement on the session that holds the
 * lock: no transaction stays open while Kafka answers, and marks need not wait for the disk (see
 * {@link RelayLeadership}). {@link KeyOrderedSend} keeps one event per key in flight, so a failed
 * send never lets a key's later event overtake it; what failed stays in the outbox and is retried
 * on the next pass, so a broker outage delays events and never loses them. A record that can never
 * be sent is quarantined with its reason and stops nothing behind it. Consumers deduplicate by
 * {@code ce_id}.
 *
 * <p>The relaying instance also purges, in bounded batches, published outbox rows older than their
 * retention.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  /** Any constant shared by all instances of one service; each service has its own database. */
  private static final long RELAY_LOCK = 0x6f7574626f78L;

  private static final int MAX_REASON_LENGTH = 2_000;

  private final JdbcClient jdbc;
  private final RelayLeadership leadership;
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
      DataSource dataSource,
      KafkaTemplate<String, byte[]> kafka,
      OutboxProperties properties,
      String applicationName,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.leadership = new RelayLeadership(dataSource, RELAY_LOCK);
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
   * Publishes every pending event it can, batch after batch, if this instance holds the relay lock.
   *
   * @return how many events were published
   */
  public int publishPending() {
    int total = 0;
    while (true) {
      List<PendingEvent> batch = leadership.whileLeading(this::pendingBatch).orElse(List.of());
      if (batch.isEmpty()) {
        return total;
      }
      KeyOrderedSend.Outcome outcome =
          KeyOrderedSend.send(batch, sender(), properties.sendTimeout());
      leadership.whileLeading(
          session -> {
            markPublished(session, outcome.published());
            quarantine(session, outcome.quarantined());
            return true;
          });
      total += outcome.published().size();
      if (!outcome.complete(batch.size())) {
        reportFailure(outcome);
        return total;
      }
      if (batch.size() < properties.batchSize()) {
        return total;
      }
    }
  }

  private List<PendingEvent> pendingBatch(JdbcClient session) {
    return session
        .sql(
            """
            select id, position, topic, message_key, event_type, schema_version, occurred_at,
                   payload, traceparent
            from outbox_event
            where published_at is null and quarantined_at is null
            order by position
            limit ?
            """)
        .param(properties.batchSize())
        .query(
            (rs, row) ->
                new PendingEvent(
                    rs.getObject("id", UUID.class),
                    rs.getLong("position"),
                    rs.getString("topic"),
                    rs.getString("message_key"),
                    rs.getString("event_type"),
                    rs.getInt("schema_version"),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("payload"),
                    rs.getString("traceparent")))
        .list();
  }

  private KeyOrderedSend.Sender sender() {
    return new KeyOrderedSend.Sender() {
      @Override
      public CompletableFuture<?> send(PendingEvent event) {
        return kafka.send(toRecord(event));
      }

      @Override
      public void flush() {
        kafka.flush();
      }
    };
  }

  /** Marks a batch's acknowledged events in one statement, whatever their number. */
  private void markPublished(JdbcClient session, List<PendingEvent> published) {
    if (published.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    session
        .sql("update outbox_event set published_at = ? where id = any(cast(? as uuid[]))")
        .params(
            Timestamp.from(now),
            published.stream().map(event -> event.id().toString()).toArray(String[]::new))
        .update();
    Map<List<String>, Long> perTopicAndType =
        published.stream()
            .collect(
                Collectors.groupingBy(
                    event -> List.of(event.topic(), event.type()), Collectors.counting()));
    perTopicAndType.forEach(
        (topicAndType, count) ->
            meters
                .counter(
                    "outbox.events.published",
                    "topic",
                    topicAndType.get(0),
                    "type",
                    topicAndType.get(1))
                .increment(count));
    for (PendingEvent event : published) {
      lag.record(Duration.between(event.occurredAt(), now));
    }
  }

  private void quarantine(JdbcClient session, Map<PendingEvent, String> quarantined) {
    quarantined.forEach(
        (event, reason) -> {
          String shortened =
              reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
          session
              .sql("update outbox_event set quarantined_at = ?, quarantine_reason = ? where id = ?")
              .params(Timestamp.from(clock.instant()), shortened, event.id())
              .update();
          meters
              .counter("outbox.events.quarantined", "topic", event.topic(), "type", event.type())
              .increment();
          try (var ignored = MDC.putCloseable("eventId", event.id().toString())) {
            log.error(
                "Quarantined {} {} of {}: Kafka can never take it ({}); the events behind it go on",
                event.type(),
                event.id(),
                event.key(),
                shortened);
          }
        });
  }

  private void reportFailure(KeyOrderedSend.Outcome outcome) {
    failures.increment();
    PendingEvent first = outcome.failed().isEmpty() ? null : outcome.failed().get(0);
    String cause = outcome.firstFailure().map(Throwable::toString).orElse("unknown");
    try (var ignored = MDC.putCloseable("eventId", first == null ? "" : first.id().toString())) {
      log.warn(
          "Kafka did not acknowledge {} event(s), first {} {}; they stay in the outbox and are"
              + " retried, each key in order: {}",
          outcome.failed().size(),
          first == null ? "" : first.type(),
          first == null ? "" : first.id(),
          cause);
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

  /**
   * Deletes published outbox rows older than their retention, a bounded batch per statement; only
   * the relaying instance does it.
   *
   * @return how many rows were deleted
   */
  int purge() {
    Timestamp before = Timestamp.from(clock.instant().minus(properties.retention()));
    return leadership
        .whileLeading(
            session -> {
              int total = 0;
              int deleted;
              do {
                deleted =
                    session
                        .sql(
                            """
                            delete from outbox_event where id in (
                              select id from outbox_event where published_at < ? limit ?)
                            """)
                        .params(before, properties.purgeBatchSize())
                        .update();
                total += deleted;
              } while (deleted == properties.purgeBatchSize()
                  && !Thread.currentThread().isInterrupted());
              return total;
            })
        .orElse(0);
  }

  long pendingCount() {
    return backlog().pending();
  }

  /** How many events wait for Kafka, how long the oldest has waited, how many are quarantined. */
  Backlog backlog() {
    return jdbc.sql(
            """
            select count(*) filter (where quarantined_at is null) as pending,
                   min(occurred_at) filter (where quarantined_at is null) as oldest,
                   count(*) filter (where quarantined_at is not null) as quarantined
            from outbox_event where published_at is null
            """)
        .query(
            (rs, row) -> {
              Timestamp oldest = rs.getTimestamp("oldest");
              return new Backlog(
                  rs.getLong("pending"),
                  oldest == null
                      ? Duration.ZERO
                      : Duration.between(oldest.toInstant(), clock.instant()),
                  rs.getLong("quarantined"));
            })
        .single();
  }

  /** Events committed but not yet acknowledged by Kafka, and those it can never take. */
  record Backlog(long pending, Duration oldestAge, long quarantined) {}

  private void loop() {
    Instant nextPurge = clock.instant();
    while (running) {
      try {
        publishPending();
        if (clock.instant().isAfter(nextPurge)) {
          purge();
          nextPurge = clock.instant().plus(properties.purgeInterval());
        }
        if (wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
          // Woken by a commit: the commits right behind it join the same pass.
          Thread.sleep(properties.linger().toMillis());
        }
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
    leadership.close();
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
}
