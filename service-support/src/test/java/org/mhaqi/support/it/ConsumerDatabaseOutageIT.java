package org.mhaqi.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer whose database goes away for a while (its backends terminated, new connections
 * refused) keeps every event that arrives meanwhile: it retries until the database is back, applies
 * each event once, and dead-letters none of them.
 */
@SpringBootTest(
    classes = ConsumerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructure.class)
class ConsumerDatabaseOutageIT {

  private static final Duration OUTAGE = Duration.ofSeconds(15);
  private static final Duration FLAPPING = Duration.ofSeconds(15);

  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Value("${spring.datasource.url}")
  String databaseUrl;

  @Test
  void eventsArrivingWhileTheDatabaseIsAwayAreAppliedOnceAfterItComesBack() throws Exception {
    List<UUID> sent = new ArrayList<>();
    try (var producer = new CloudEventProducer(bootstrapServers, json, "enrollment-service")) {
      sent.add(producer.send(TestEnrolments.enrolled(UUID.randomUUID(), UUID.randomUUID(), "RX4")));
      awaitApplied(sent, Duration.ofSeconds(60));

      cutDatabase();
      Instant back = Instant.now().plus(OUTAGE);
      try {
        while (Instant.now().isBefore(back)) {
          sent.add(
              producer.send(TestEnrolments.enrolled(UUID.randomUUID(), UUID.randomUUID(), "RX4")));
          Thread.sleep(250);
        }
      } finally {
        restoreDatabase();
      }
      for (int i = 0; i < 10; i++) {
        sent.add(
            producer.send(TestEnrolments.enrolled(UUID.randomUUID(), UUID.randomUUID(), "RX4")));
      }
    }

    assertAppliedOnceAndNoneDeadLettered(sent);
  }

  /**
   * A database that fails over or a network that flaps: the consumer's connections are terminated
   * every half second while new ones are still allowed, so connections die inside transactions and
   * during commits. Nothing is lost, nothing applied twice, and no valid event is dead-lettered.
   */
  @Test
  void eventsArrivingWhileConnectionsKeepDyingAreAppliedOnceAndNoneDeadLettered() throws Exception {
    List<UUID> sent = new ArrayList<>();
    try (var producer = new CloudEventProducer(bootstrapServers, json, "enrollment-service")) {
      sent.add(producer.send(slowEnrolment()));
      awaitApplied(sent, Duration.ofSeconds(60));

      Instant over = Instant.now().plus(FLAPPING);
      Instant nextKill = Instant.now();
      while (Instant.now().isBefore(over)) {
        sent.add(producer.send(slowEnrolment()));
        if (!Instant.now().isBefore(nextKill)) {
          terminateConnections();
          nextKill = Instant.now().plusMillis(500);
        }
        Thread.sleep(100);
      }
      for (int i = 0; i < 10; i++) {
        sent.add(producer.send(slowEnrolment()));
      }
    }

    assertAppliedOnceAndNoneDeadLettered(sent);
  }

  /** Every event applied exactly once, and none of them on the dead-letter topic. */
  private void assertAppliedOnceAndNoneDeadLettered(List<UUID> sent) throws InterruptedException {
    awaitApplied(sent, Duration.ofSeconds(120));
    assertThat(
            jdbc.sql("select event_id from applied_event where event_id in (:sent)")
                .param("sent", sent)
                .query(UUID.class)
                .list())
        .as("every event applied exactly once")
        .containsExactlyInAnyOrderElementsOf(sent);
    try (var deadLetters = new KafkaTopicReader(bootstrapServers, ConsumerTestApplication.DLQ)) {
      Thread.sleep(3_000);
      assertThat(deadLetters.poll())
          .as("dead letters of these events")
          .filteredOn(m -> sent.contains(UUID.fromString(m.header("ce_id"))))
          .isEmpty();
    }
  }

  private static ServiceEnrolled slowEnrolment() {
    return TestEnrolments.enrolled(
        UUID.randomUUID(), UUID.randomUUID(), ConsumerTestApplication.SLOW);
  }

  /** Waits for these events, whatever other tests left in the table. */
  private void awaitApplied(List<UUID> events, Duration timeout) {
    Awaitility.await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () ->
                jdbc.sql("select count(*) from applied_event where event_id in (:events)")
                        .param("events", events)
                        .query(Long.class)
                        .single()
                    >= events.size());
  }

  /** Terminates the consumer's database sessions and refuses new ones, as an outage would. */
  private void cutDatabase() throws SQLException {
    try (Connection admin = admin()) {
      admin
          .createStatement()
          .execute("alter database " + databaseName() + " allow_connections false");
    }
    terminateConnections();
  }

  /** Terminates the consumer's database sessions; new ones are still allowed. */
  private void terminateConnections() throws SQLException {
    try (Connection admin = admin()) {
      admin
          .createStatement()
          .execute(
              "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                  + databaseName()
                  + "' and pid <> pg_backend_pid()");
    }
  }

  private void restoreDatabase() throws SQLException {
    try (Connection admin = admin()) {
      admin
          .createStatement()
          .execute("alter database " + databaseName() + " allow_connections true");
    }
  }

  private Connection admin() throws SQLException {
    String server = databaseUrl.substring(0, databaseUrl.lastIndexOf('/') + 1);
    return DriverManager.getConnection(server + "postgres", "postgres", "");
  }

  private String databaseName() {
    String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
    int query = name.indexOf('?');
    return query < 0 ? name : name.substring(0, query);
  }
}
