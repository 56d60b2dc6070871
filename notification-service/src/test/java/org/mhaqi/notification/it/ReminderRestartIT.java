package org.mhaqi.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.local.KafkaSecurity;
import org.mhaqi.support.workingdays.WorkingDays;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.ServiceProcess;
import org.mhaqi.testing.TestKafka;
import org.mhaqi.testing.TestPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session's reminder survives a restart: notification-service runs as its own process (its jar,
 * as the platform runs it) with one reminder round when it starts and the next an hour later, so
 * that a reminder recorded from its session's event is written only by a process started after it.
 * The process is killed with SIGKILL after recording the reminder, and the one started in its place
 * sends it.
 */
class ReminderRestartIT {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void aReminderRecordedBeforeACrashIsSentByTheServiceStartedAfterIt() {
    String kafka = TestKafka.bootstrapServers();
    String group = "notification-restart-" + UUID.randomUUID();
    String team = "restart." + UUID.randomUUID() + "@example.nhs.uk";
    UUID serviceId = UUID.randomUUID();
    UUID sessionId = UUID.randomUUID();
    LocalDate next = WorkingDays.englandAndWales().plus(LocalDate.now(LONDON), 1);

    try (ServiceProcess notification =
            ServiceProcess.launch("notification-service", kafka, environment(group));
        CloudEventProducer coaching =
            new CloudEventProducer(kafka, JsonMapper.builder().build(), "coaching-service")) {
      notification.awaitReady();
      new Api(notification.port())
          .post(
              "/api/contacts",
              IntegrationTest.serviceContact(team, serviceId, Set.of("SESSION_REMINDERS")))
          .expect(201);
      coaching.send(
          new SessionScheduled(
              sessionId,
              UUID.randomUUID(),
              UUID.randomUUID(),
              serviceId,
              UUID.randomUUID(),
              CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
              SessionKind.COACHING_SESSION,
              next.atTime(11, 0),
              "Europe/London",
              60,
              UUID.randomUUID(),
              Instant.now()));
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> reminders(notification.database(), sessionId) == 1);
      // Due today, but this process's next round is an hour away.
      Awaitility.await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> true);
      assertThat(TestSmtp.receivedBy(team)).isEmpty();

      notification.kill();
      notification.start().awaitReady();

      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> TestSmtp.receivedBy(team).size() == 1);
      assertThat(subject(TestSmtp.receivedBy(team).get(0)))
          .startsWith("Reminder: Service coaching session")
          .endsWith("11:00");
    }
  }

  private static Map<String, String> environment(String group) {
    StringBuilder bindings = new StringBuilder();
    for (String binding :
        new String[] {
          "enrollmentEvents", "coachingEvents", "organisationEvents", "evaluationEvents"
        }) {
      if (!bindings.isEmpty()) {
        bindings.append(',');
      }
      bindings.append("\"%s-in-0\":{\"group\":\"%s\"}".formatted(binding, group));
    }
    return Map.of(
        // Its consumer group is not the service's own, and the broker's ACLs let a service's
        // principal read only under its own group: this process reads as the operators' admin.
        "KAFKA_USERNAME",
        KafkaSecurity.ADMIN,
        "KAFKA_PASSWORD",
        KafkaSecurity.password(KafkaSecurity.ADMIN),
        "SMTP_HOST",
        "127.0.0.1",
        "SMTP_PORT",
        Integer.toString(TestSmtp.port()),
        "MANAGEMENT_HEALTH_MAIL_ENABLED",
        "false",
        "NOTIFICATION_SEND_INTERVAL",
        "500ms",
        "NOTIFICATION_REMINDER_INTERVAL",
        "1h",
        // A consumer group of its own: the tests' in-process service consumes the same topics.
        "SPRING_APPLICATION_JSON",
        "{\"spring\":{\"cloud\":{\"stream\":{\"bindings\":{" + bindings + "}}}}}");
  }

  private static long reminders(TestPostgres.Database db, UUID sessionId) {
    try (Connection connection =
            DriverManager.getConnection(db.url(), db.username(), db.password());
        PreparedStatement query =
            connection.prepareStatement(
                "select count(*) from session_reminder where session_id = ?")) {
      query.setObject(1, sessionId);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException notYet) {
      return 0;
    }
  }

  private static String subject(jakarta.mail.internet.MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
