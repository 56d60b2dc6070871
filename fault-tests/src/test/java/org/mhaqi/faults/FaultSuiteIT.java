package org.mhaqi.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.faults.Reconciliation.Figures;
import org.mhaqi.faults.Scenario.Fault;
import org.mhaqi.faults.Scenario.Published;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.ServiceProcess;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault suite: enrollment-service and coaching-service as their own processes, the standalone
 * broker and PostgreSQL; per scenario steady API traffic, one fault, then a reconciliation whose
 * figures are printed as {@code FAULT-SUITE ...} lines. Runs with {@code -Pfault-suite}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

  /**
   * How long scenario 5 keeps the database away; {@code -Dfault.database.outage=PT90S} for longer.
   */
  private static final Duration DATABASE_OUTAGE =
      Duration.parse(System.getProperty("fault.database.outage", "PT30S"));

  /** How long scenarios 8 and 9 keep terminating a service's database connections. */
  private static final Duration FLAPPING =
      Duration.parse(System.getProperty("fault.database.flapping", "PT20S"));

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static KafkaBrokerProcess broker;
  private static ServiceProcess enrollment;
  private static ServiceProcess coaching;
  private static ServiceProcess evaluation;
  private static Reconciliation reconciliation;
  private static final List<Figures> results = Collections.synchronizedList(new ArrayList<>());
  private static int scenarios;

  @BeforeAll
  static void startPlatform() throws Exception {
    broker = new KafkaBrokerProcess(Files.createTempDirectory("fault-suite-kafka")).start();
    enrollment = ServiceProcess.launch("enrollment-service", broker.bootstrapServers(), Map.of());
    coaching = ServiceProcess.launch("coaching-service", broker.bootstrapServers(), Map.of());
    evaluation = ServiceProcess.launch("evaluation-service", broker.bootstrapServers(), Map.of());
    enrollment.awaitReady();
    coaching.awaitReady();
    evaluation.awaitReady();
    reconciliation =
        new Reconciliation(
            broker.bootstrapServers(),
            enrollment.database(),
            coaching.database(),
            evaluation.database());
  }

  @AfterAll
  static void stopPlatform() {
    results.forEach(f -> System.out.println(f.line()));
    for (AutoCloseable c : new AutoCloseable[] {evaluation, coaching, enrollment, broker}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // stopping anyway
      }
    }
  }

  @Test
  @Order(1)
  void theBrokerKilledMidTrafficAndRestarted() {
    scenario(
        "1 broker SIGKILL + restart",
        List.of(coachingApi()),
        () -> {
          sleep(Duration.ofSeconds(10));
          broker.kill();
          sleep(Duration.ofSeconds(10));
          broker.start();
          sleep(Duration.ofSeconds(15));
          return Published.NOTHING;
        });
  }

  @Test
  @Order(2)
  void coachingServiceKilledMidStreamAndRestarted() {
    scenario(
        "2 coaching SIGKILL + restart",
        List.of(coachingApi()),
        () -> {
          sleep(Duration.ofSeconds(10));
          coaching.kill();
          sleep(Duration.ofSeconds(5));
          coaching.start().awaitReady();
          sleep(Duration.ofSeconds(10));
          return Published.NOTHING;
        });
  }

  @Test
  @Order(3)
  void coachingServiceDatabaseCutForThirtySeconds() {
    scenario(
        "5 coaching database cut " + DATABASE_OUTAGE.toSeconds() + " s",
        List.of(coachingApi()),
        () -> {
          sleep(Duration.ofSeconds(8));
          DatabaseOutage.cut(coaching.database());
          try {
            sleep(DATABASE_OUTAGE);
          } finally {
            DatabaseOutage.restore(coaching.database());
          }
          sleep(Duration.ofSeconds(10));
          return Published.NOTHING;
        });
  }

  @Test
  @Order(4)
  void coachingServiceConnectionsTerminatedEveryHalfSecond() {
    connectionsTerminatedEveryHalfSecond("8 coaching connections killed", coaching);
  }

  @Test
  @Order(5)
  void evaluationServiceConnectionsTerminatedEveryHalfSecond() {
    connectionsTerminatedEveryHalfSecond("9 evaluation connections killed", evaluation);
  }

  /**
   * A database failover or a flapping network: the service's open connections are terminated every
   * half second for {@link #FLAPPING}, new ones allowed, so connections die inside transactions and
   * commits. Both consumers are reconciled: nothing lost, nothing applied twice, nothing
   * dead-lettered.
   */
  private void connectionsTerminatedEveryHalfSecond(String name, ServiceProcess victim) {
    scenario(
        name,
        List.of(coachingApi()),
        true,
        () -> {
          sleep(Duration.ofSeconds(8));
          long end = System.nanoTime() + FLAPPING.toNanos();
          while (System.nanoTime() < end) {
            DatabaseOutage.terminateConnections(victim.database());
            sleep(Duration.ofMillis(500));
          }
          sleep(Duration.ofSeconds(10));
          return Published.NOTHING;
        });
  }

  @Test
  @Order(6)
  void everyEventDeliveredTwiceAndSomeOutOfOrder() {
    long mark = reconciliation.watermark();
    scenario(
        "3 duplicates + out of order",
        List.of(coachingApi()),
        () -> {
          sleep(Duration.ofSeconds(20));
          Set<String> synthetic = new LinkedHashSet<>();
          try (CloudEventProducer producer =
              new CloudEventProducer(broker.bootstrapServers(), JSON, "enrollment-service")) {
            // Every event so far of this scenario again, twice, in a shuffled order.
            Set<String> keys = reconciliation.keysSince(mark);
            List<TopicHistory.Record> replay = new ArrayList<>();
            for (TopicHistory.Record r :
                TopicHistory.read(broker.bootstrapServers(), Topics.ENROLLMENT_EVENTS)) {
              if (keys.contains(r.key())) {
                replay.add(r);
                replay.add(r);
              }
            }
            Collections.shuffle(replay);
            for (TopicHistory.Record r : replay) {
              producer.send(copy(r));
            }
            // Enrolments whose withdrawal overtakes the enrolment itself, each sent twice.
            LocalDate today = LocalDate.now();
            for (int i = 0; i < 10; i++) {
              UUID enrolment = UUID.randomUUID();
              UUID service = UUID.randomUUID();
              UUID phase = UUID.randomUUID();
              var withdrawn =
                  producer.record(
                      new EnrollmentWithdrawn(
                          enrolment,
                          service,
                          phase,
                          "ENROLLED",
                          WithdrawalReason.OTHER,
                          Instant.now()),
                      UUID.randomUUID());
              var enrolled =
                  producer.record(
                      new ServiceEnrolled(
                          enrolment,
                          service,
                          UUID.randomUUID(),
                          "FSX",
                          ProviderType.NHS_TRUST,
                          Region.LONDON,
                          ServiceType.PICU,
                          phase,
                          PhaseKind.WIDER_IMPLEMENTATION,
                          today.minusMonths(2),
                          today.plusMonths(4),
                          false,
                          Instant.now()),
                      UUID.randomUUID());
              for (var r : List.of(withdrawn, enrolled, withdrawn, enrolled)) {
                producer.send(r);
              }
              synthetic.add(enrolment.toString());
            }
          }
          sleep(Duration.ofSeconds(5));
          return new Published(synthetic, Set.of());
        });
  }

  @Test
  @Order(7)
  void poisonOfEachKindReachesTheDeadLetterTopicAndNothingElse() {
    scenario(
        "4 poison of each kind",
        List.of(coachingApi()),
        () -> {
          sleep(Duration.ofSeconds(10));
          Set<String> poison = Poison.publishEachKind(broker.bootstrapServers(), JSON);
          sleep(Duration.ofSeconds(10));
          return new Published(Set.of(), poison);
        });
  }

  @Test
  @Order(8)
  void aSecondCoachingInstanceStoppedAndStartedDuringTraffic() {
    ServiceProcess second =
        ServiceProcess.launch(
            "coaching-service",
            "coaching-service-2",
            broker.bootstrapServers(),
            coaching.database(),
            Map.of());
    try {
      second.awaitReady();
      scenario(
          "6 rebalance, 2 instances",
          List.of(coachingApi(), new Api(second.port())),
          () -> {
            sleep(Duration.ofSeconds(10));
            second.close();
            sleep(Duration.ofSeconds(10));
            second.start().awaitReady();
            sleep(Duration.ofSeconds(10));
            return Published.NOTHING;
          });
    } finally {
      second.close();
    }
  }

  /**
   * notification-service during traffic: its SMTP server down for 60 s and the service itself
   * killed with SIGKILL (and started again) while the server is down and the decisions keep coming.
   * Afterwards every enrolment decision on the topic reached the organisation's contact exactly
   * once: the messages the SMTP server received, compared with the events and the contact's
   * preferences.
   */
  @Test
  @Order(9)
  void smtpDownAndNotificationServiceKilledDuringTraffic() {
    String ods = odsCode();
    String email = "decisions." + ods.toLowerCase() + "@example.nhs.uk";
    try (MailServer smtp = new MailServer().start();
        ServiceProcess notification =
            ServiceProcess.launch(
                "notification-service",
                broker.bootstrapServers(),
                Map.of(
                    "SMTP_HOST", "127.0.0.1",
                    "SMTP_PORT", Integer.toString(smtp.port()),
                    // Ready while its SMTP server is away: the sender retries, nothing is lost.
                    "MANAGEMENT_HEALTH_MAIL_ENABLED", "false",
                    "NOTIFICATION_SEND_INTERVAL", "1s",
                    // The back-off stops doubling at 20 s, so the suite catches up in minutes.
                    "MHAQI_NOTIFICATION_SENDER_LONGESTRETRY", "20s"))) {
      notification.awaitReady();
      String contact =
          new Api(notification.port())
              .post(
                  "/api/contacts",
                  """
                  {"name": "Decisions %s", "email": "%s", "scope": "ORGANISATION",
                   "odsCode": "%s", "kinds": ["ENROLLMENT_DECISIONS"]}
                  """
                      .formatted(ods, email, ods))
              .expect(201)
              .id();
      long mark = reconciliation.watermark();
      String name = "10 SMTP down 60 s + notification SIGKILL";
      Duration outage = Duration.ofSeconds(60);
      int accepted =
          scenario(
              name,
              ods,
              List.of(coachingApi()),
              false,
              () -> {
                sleep(Duration.ofSeconds(10));
                smtp.stop();
                long back = System.nanoTime() + outage.toNanos();
                sleep(Duration.ofSeconds(20));
                notification.kill();
                sleep(Duration.ofSeconds(5));
                notification.start().awaitReady();
                sleep(Duration.ofNanos(Math.max(0, back - System.nanoTime())));
                smtp.start();
                sleep(Duration.ofSeconds(15));
                return Published.NOTHING;
              });
      Set<String> keys = reconciliation.keysSince(mark);
      MailReconciliation mail =
          new MailReconciliation(broker.bootstrapServers(), notification.database(), smtp);
      mail.awaitDelivered(keys, contact, email, Duration.ofMinutes(4));
      Figures figures = mail.reconcile(name, accepted, keys, contact, email);
      results.add(figures);
      System.out.println(figures.line());
      figures.findings().stream().limit(30).forEach(f -> System.out.println("  " + f));
      assertThat(figures.published()).as("decisions in the scenario").isPositive();
      assertThat(figures.clean())
          .as("%s%n%s", figures.line(), String.join("\n", figures.findings()))
          .isTrue();
    }
  }

  private void scenario(String name, List<Api> coachingApis, Fault fault) {
    scenario(name, coachingApis, false, fault);
  }

  /** With {@code withEvaluation}, evaluation-service is reconciled too. */
  private void scenario(String name, List<Api> coachingApis, boolean withEvaluation, Fault fault) {
    scenario(name, odsCode(), coachingApis, withEvaluation, fault);
  }

  /** Runs the scenario for this trust; returns how many requests the APIs accepted. */
  private int scenario(
      String name, String odsCode, List<Api> coachingApis, boolean withEvaluation, Fault fault) {
    List<Figures> figures =
        new Scenario(name, new Api(enrollment.port()), coachingApis, reconciliation)
            .run(odsCode, withEvaluation, fault);
    results.addAll(figures);
    for (Figures f : figures) {
      assertThat(f.clean()).as("%s%n%s", f.line(), String.join("\n", f.findings())).isTrue();
    }
    return figures.get(0).accepted();
  }

  private static Api coachingApi() {
    return new Api(coaching.port());
  }

  /** A trust's ODS code no other scenario of this run uses. */
  private static String odsCode() {
    return "F" + (char) ('A' + scenarios++) + "1";
  }

  private static ProducerRecord<String, byte[]> copy(TopicHistory.Record r) {
    var record = new ProducerRecord<String, byte[]>(r.topic(), null, r.key(), r.value());
    r.headers()
        .forEach(
            (k, v) ->
                record.headers().add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
