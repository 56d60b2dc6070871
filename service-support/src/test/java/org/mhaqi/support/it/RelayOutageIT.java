package org.mhaqi.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.RealInfrastructure;
import org.mhaqi.testing.RestartableKafkaBroker;
import org.mhaqi.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * While Kafka is away the relay keeps no database transaction open, readiness stays UP (the
 * database is there) with the backlog in the health details, and once Kafka is back every event
 * arrives in the order it was written.
 */
@SpringBootTest(
    classes = ConsumerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mhaqi.outbox.relay-enabled=true",
      "mhaqi.outbox.health-threshold=1s",
      "mhaqi.outbox.retry-backoff=200ms",
      "mhaqi.test.database=support_relay"
    })
@ContextConfiguration(initializers = RealInfrastructure.class)
@DirtiesContext
class RelayOutageIT {

  private static final RestartableKafkaBroker broker = new RestartableKafkaBroker().start();

  @DynamicPropertySource
  static void ownBroker(DynamicPropertyRegistry registry) {
    registry.add("mhaqi.test.kafka-bootstrap-servers", broker::bootstrapServers);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;

  @LocalServerPort int port;

  @Test
  void whileKafkaIsAwayNoTransactionStaysOpenReadinessHoldsAndEventsArriveInOrderAfter()
      throws Exception {
    UUID enrolment = UUID.randomUUID();
    List<UUID> written = new ArrayList<>();
    broker.stop();
    for (int i = 0; i < 5; i++) {
      written.add(record(enrolment));
    }

    // Sample the service's sessions while the relay fails against the missing broker.
    Instant until = Instant.now().plusSeconds(12);
    long longestOpenTransactionMs = 0;
    while (Instant.now().isBefore(until)) {
      longestOpenTransactionMs = Math.max(longestOpenTransactionMs, longestOpenTransactionMs());
      Thread.sleep(100);
    }
    assertThat(longestOpenTransactionMs)
        .as("longest transaction open while Kafka is away, ms")
        .isLessThan(1_000);

    HttpResponse<String> readiness = get("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(200);
    String health = get("/actuator/health").body();
    assertThat(health).contains("\"behind\":true").contains("\"pending\":5");

    broker.start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                jdbc.sql("select count(*) from outbox_event where published_at is null")
                        .query(Long.class)
                        .single()
                    == 0);
    try (var reader = new KafkaTopicReader(broker.bootstrapServers(), Topics.ENROLLMENT_EVENTS)) {
      var arrived =
          reader.awaitMatching(
              m -> enrolment.toString().equals(m.key()), 5, Duration.ofSeconds(60));
      assertThat(arrived.stream().map(m -> UUID.fromString(m.header(CloudEventHeaders.ID))))
          .containsExactlyElementsOf(written);
    }
  }

  private UUID record(UUID enrolment) {
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status ->
                events.publishEvent(
                    new EnrollmentCompleted(
                        enrolment, UUID.randomUUID(), UUID.randomUUID(), Instant.now())));
    return jdbc.sql("select id from outbox_event order by position desc limit 1")
        .query(UUID.class)
        .single();
  }

  /** The oldest open transaction among this database's other sessions, in milliseconds. */
  private long longestOpenTransactionMs() {
    return jdbc.sql(
            """
            select coalesce(max(extract(epoch from (now() - xact_start)) * 1000), 0)::bigint
            from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()
              and xact_start is not null
            """)
        .query(Long.class)
        .single();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                // Health details are an operator's (the probes answer anyone).
                .header("Authorization", "Bearer " + TestTokens.operator())
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
