package org.mhaqi.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.support.it.ConsumerTestApplication;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * A consuming service forgets the events it applied once they are past their retention, a bounded
 * batch per statement, and remembers everything younger.
 */
@SpringBootTest(
    classes = ConsumerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    // The application's own purge leaves the rows alone: the test purges them itself.
    properties = "mhaqi.consumer.processed-event-retention=36500d")
@ContextConfiguration(initializers = RealInfrastructure.class)
class ProcessedEventsPurgeIT {

  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final String CONSUMER = "purge-test";

  @Autowired JdbcClient jdbc;

  @Test
  void marksPastTheirRetentionArePurgedInBatchesAndYoungerOnesKept() {
    jdbc.sql("delete from processed_event where consumer = ?").param(CONSUMER).update();
    for (int i = 0; i < 23; i++) {
      processed(NOW.minus(Duration.ofDays(91)));
    }
    UUID recentlyProcessed = processed(NOW.minus(Duration.ofDays(89)));
    ProcessedEventsPurge purge =
        new ProcessedEventsPurge(
            new ProcessedEvents(jdbc, Clock.fixed(NOW, ZoneOffset.UTC)),
            new ConsumerProperties(
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                Duration.ofDays(90),
                Duration.ofHours(1),
                7),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(purge.purge()).isEqualTo(23);

    assertThat(
            jdbc.sql("select event_id from processed_event where consumer = ?")
                .param(CONSUMER)
                .query(UUID.class)
                .list())
        .containsExactly(recentlyProcessed);
  }

  private UUID processed(Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into processed_event (event_id, consumer, event_type, processed_at)"
                + " values (?, ?, 'ServiceEnrolled', ?)")
        .params(id, CONSUMER, Timestamp.from(at))
        .update();
    return id;
  }
}
