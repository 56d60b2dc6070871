package org.mhaqi.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.support.it.ConsumerTestApplication;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.context.ContextConfiguration;

/**
 * The relay over a real outbox table and a fake producer that fails part of a batch: the failed
 * key's later events are not sent, other keys go on, and only what Kafka acknowledged is marked
 * published; the next pass sends the rest in order.
 */
@SpringBootTest(
    classes = ConsumerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    // The application's own purge leaves the rows alone: the test purges them itself.
    properties = "mhaqi.consumer.processed-event-retention=36500d")
@ContextConfiguration(initializers = RealInfrastructure.class)
class OutboxRelayIT {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  private final FakeProducer producer = new FakeProducer();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private OutboxRelay relay;

  @BeforeEach
  void emptyOutbox() {
    jdbc.sql("delete from outbox_event").update();
    relay =
        new OutboxRelay(
            jdbc,
            dataSource,
            producer,
            properties(Duration.ofSeconds(2)),
            "relay-test",
            Clock.fixed(NOW, ZoneOffset.UTC),
            meters);
  }

  @AfterEach
  void stopRelay() {
    relay.stop();
  }

  @Test
  void aFailedEventHoldsBackItsKeyOnlyAndNothingUnacknowledgedIsMarkedPublished() {
    UUID a1 = row("A");
    UUID b1 = row("B");
    UUID a2 = row("A");
    UUID c1 = row("C");
    UUID a3 = row("A");
    UUID b2 = row("B");
    producer.failures.put(a2, new NotEnoughReplicasException("ISR too small"));

    int published = relay.publishPending();

    assertThat(published).isEqualTo(4);
    assertThat(publishedIds()).containsExactlyInAnyOrder(a1, b1, c1, b2);
    assertThat(pendingIds()).containsExactly(a2, a3);
    assertThat(producer.handedIds()).contains(a2).doesNotContain(a3);
    assertThat(meters.counter("outbox.publish.failures").count()).isEqualTo(1);

    producer.failures.clear();
    producer.handed.clear();
    assertThat(relay.publishPending()).isEqualTo(2);

    assertThat(producer.handedIds()).containsExactly(a2, a3);
    assertThat(pendingIds()).isEmpty();
  }

  @Test
  void whenKafkaAcknowledgesNothingEveryEventStaysPending() {
    UUID a1 = row("A");
    UUID b1 = row("B");
    producer.neverAnswer = true;
    relay.stop();
    relay =
        new OutboxRelay(
            jdbc,
            dataSource,
            producer,
            properties(Duration.ofMillis(100)),
            "relay-test",
            Clock.fixed(NOW, ZoneOffset.UTC),
            meters);

    assertThat(relay.publishPending()).isZero();

    assertThat(publishedIds()).isEmpty();
    assertThat(pendingIds()).containsExactly(a1, b1);
  }

  @Test
  void aRecordKafkaCanNeverTakeIsQuarantinedWithItsReasonNotPublishedAndItsKeyGoesOn() {
    UUID a1 = row("A");
    UUID a2 = row("A");
    producer.failures.put(a1, new RecordTooLargeException("2 MB above max.request.size"));

    assertThat(relay.publishPending()).isEqualTo(1);

    assertThat(publishedIds()).containsExactly(a2);
    assertThat(pendingIds()).isEmpty();
    assertThat(
            jdbc.sql("select quarantine_reason from outbox_event where id = ?")
                .param(a1)
                .query(String.class)
                .single())
        .contains("RecordTooLargeException")
        .contains("2 MB above max.request.size");
  }

  @Test
  void eachRecordCarriesItsCloudEventsEnvelopeAndKey() {
    UUID a1 = row("A");

    relay.publishPending();

    ProducerRecord<String, byte[]> sent = producer.handed.get(0);
    assertThat(sent.key()).isEqualTo("A");
    assertThat(sent.topic()).isEqualTo("enrollment.events");
    assertThat(header(sent, CloudEventHeaders.ID)).isEqualTo(a1.toString());
    assertThat(header(sent, CloudEventHeaders.TYPE)).isEqualTo("EnrollmentCompleted");
    assertThat(header(sent, CloudEventHeaders.SOURCE)).isEqualTo("/mhaqi/relay-test");
    assertThat(header(sent, CloudEventHeaders.SUBJECT)).isEqualTo("A");
  }

  @Test
  void aRelayWokenByACommitWaitsItsLingerSoThatTheCommitsBehindGoInTheSamePass() {
    relay.stop();
    relay =
        new OutboxRelay(
            jdbc,
            dataSource,
            producer,
            new OutboxProperties(
                true,
                // No poll during the test: only the wake-up brings the relay round.
                Duration.ofMinutes(5),
                Duration.ofSeconds(2),
                500,
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofDays(7),
                Duration.ofHours(1),
                1000,
                Duration.ofMinutes(2)),
            "relay-test",
            Clock.fixed(NOW, ZoneOffset.UTC),
            meters);
    relay.start();
    // The first pass has found nothing; the relay waits to be woken.
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> relayIdleAfterARead() > 0);

    UUID a = row("A");
    relay.wakeUp();
    sleep(Duration.ofMillis(300));
    UUID b = row("B");
    UUID c = row("C");

    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> producer.handed.size() == 3);
    assertThat(producer.handedIds()).containsExactly(a, b, c);
    assertThat(producer.handedAtFlush).as("records handed over by each flush").containsExactly(3);
  }

  /** Sessions holding the relay lock that are idle after reading the outbox. */
  private long relayIdleAfterARead() {
    return jdbc.sql(
            """
            select count(*) from pg_stat_activity a
            where a.datname = current_database() and a.state = 'idle'
              and a.query like '%from outbox_event%where published_at is null%'
              and exists (select 1 from pg_locks l
                          where l.pid = a.pid and l.locktype = 'advisory' and l.granted)
            """)
        .query(Long.class)
        .single();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static OutboxProperties properties(Duration sendTimeout) {
    return new OutboxProperties(
        false,
        Duration.ofSeconds(1),
        Duration.ZERO,
        500,
        sendTimeout,
        Duration.ofSeconds(1),
        Duration.ofDays(7),
        Duration.ofHours(1),
        1000,
        Duration.ofMinutes(2));
  }

  private UUID row(String key) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into outbox_event (id, topic, message_key, event_type, schema_version,
                                      occurred_at, payload)
            values (?, 'enrollment.events', ?, 'EnrollmentCompleted', 1, ?, cast('{}' as json))
            """)
        .params(id, key, Timestamp.from(NOW))
        .update();
    return id;
  }

  private List<UUID> publishedIds() {
    return jdbc.sql("select id from outbox_event where published_at is not null")
        .query(UUID.class)
        .list();
  }

  private List<UUID> pendingIds() {
    return jdbc.sql(
            "select id from outbox_event where published_at is null and quarantined_at is null"
                + " order by position")
        .query(UUID.class)
        .list();
  }

  private static String header(ProducerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** A producer that acknowledges every record at once except those it is told to fail. */
  private static final class FakeProducer extends KafkaTemplate<String, byte[]> {

    // Handed over on the relay's thread when it runs, read on the test's.
    final List<ProducerRecord<String, byte[]>> handed = new CopyOnWriteArrayList<>();
    final List<Integer> handedAtFlush = new CopyOnWriteArrayList<>();
    final Map<UUID, Exception> failures = new HashMap<>();
    boolean neverAnswer;

    FakeProducer() {
      super(new DefaultKafkaProducerFactory<>(Map.of()));
    }

    List<UUID> handedIds() {
      return handed.stream().map(r -> UUID.fromString(header(r, CloudEventHeaders.ID))).toList();
    }

    @Override
    public CompletableFuture<SendResult<String, byte[]>> send(
        ProducerRecord<String, byte[]> record) {
      handed.add(record);
      if (neverAnswer) {
        return new CompletableFuture<>();
      }
      Exception failure = failures.get(UUID.fromString(header(record, CloudEventHeaders.ID)));
      if (failure != null) {
        return CompletableFuture.failedFuture(failure);
      }
      return CompletableFuture.completedFuture(
          new SendResult<>(
              record, new RecordMetadata(new TopicPartition(record.topic(), 0), 0, 0, 0, 0, 0)));
    }

    @Override
    public void flush() {
      handedAtFlush.add(handed.size() - handedAtFlush.stream().mapToInt(Integer::intValue).sum());
    }
  }
}
