package org.mhaqi.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mhaqi.support.it.ConsumerTestApplication;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;

/**
 * The relaying instance purges published outbox rows past their retention, a bounded batch per
 * statement, and keeps everything younger or unpublished. It leaves the consumers' {@code
 * processed_event} alone: that is the consumer side's to purge (ProcessedEventsPurgeIT).
 */
@SpringBootTest(
    classes = ConsumerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    // The application's own purge leaves the rows alone: the test purges them itself.
    properties = "mhaqi.consumer.processed-event-retention=36500d")
@ContextConfiguration(initializers = RealInfrastructure.class)
class OutboxPurgeIT {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void rowsPastTheirRetentionArePurgedInBatchesAndTheRestKept() {
    jdbc.sql("delete from outbox_event").update();
    jdbc.sql("delete from processed_event where consumer = 'purge-test'").update();
    for (int i = 0; i < 23; i++) {
      outboxRow(NOW.minus(Duration.ofDays(8)));
    }
    UUID recentlyPublished = outboxRow(NOW.minus(Duration.ofDays(6)));
    UUID pending = outboxRow(null);
    UUID longAgoProcessed = processed(NOW.minus(Duration.ofDays(400)));

    OutboxRelay relay = relay(7);
    try {
      assertThat(relay.purge()).isEqualTo(23);
    } finally {
      relay.stop();
    }

    assertThat(jdbc.sql("select id from outbox_event").query(UUID.class).list())
        .containsExactlyInAnyOrder(recentlyPublished, pending);
    assertThat(
            jdbc.sql("select event_id from processed_event where consumer = 'purge-test'")
                .query(UUID.class)
                .list())
        .containsExactly(longAgoProcessed);
  }

  @Test
  void anInstanceThatDoesNotRelayDoesNotPurge() {
    jdbc.sql("delete from outbox_event").update();
    outboxRow(NOW.minus(Duration.ofDays(30)));
    OutboxRelay holder = relay(7);
    OutboxRelay other = relay(7);
    try {
      assertThat(holder.publishPending()).isZero();
      assertThat(other.purge()).isZero();
      assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single())
          .isEqualTo(1);
    } finally {
      holder.stop();
      other.stop();
    }
  }

  private OutboxRelay relay(int batchSize) {
    OutboxProperties properties =
        new OutboxProperties(
            false,
            Duration.ofSeconds(1),
            Duration.ZERO,
            500,
            Duration.ofSeconds(5),
            Duration.ofSeconds(1),
            Duration.ofDays(7),
            Duration.ofHours(1),
            batchSize,
            Duration.ofMinutes(2));
    return new OutboxRelay(
        jdbc,
        dataSource,
        // No producer: nothing is pending for Kafka in these tests.
        (KafkaTemplate<String, byte[]>) null,
        properties,
        "purge-test",
        Clock.fixed(NOW, java.time.ZoneOffset.UTC),
        new SimpleMeterRegistry());
  }

  private UUID outboxRow(Instant publishedAt) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into outbox_event (id, topic, message_key, event_type, schema_version,
                                      occurred_at, payload, published_at)
            values (?, 'enrollment.events', 'k', 'ServiceEnrolled', 1, ?, cast('{}' as json), ?)
            """)
        .params(
            id,
            Timestamp.from(NOW.minus(Duration.ofDays(40))),
            publishedAt == null ? null : Timestamp.from(publishedAt))
        .update();
    return id;
  }

  private UUID processed(Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into processed_event (event_id, consumer, event_type, processed_at)"
                + " values (?, 'purge-test', 'ServiceEnrolled', ?)")
        .params(id, Timestamp.from(at))
        .update();
    return id;
  }
}
