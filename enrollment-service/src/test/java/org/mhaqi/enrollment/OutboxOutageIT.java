package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.RestartableKafkaBroker;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Events recorded while the broker is down wait in the outbox and reach Kafka once it is back: none
 * lost, none delivered twice in effect. The test owns its broker and its database.
 */
@DirtiesContext
class OutboxOutageIT extends ServiceIntegrationTest {

  private static final RestartableKafkaBroker broker = new RestartableKafkaBroker().start();

  @DynamicPropertySource
  static void ownInfrastructure(DynamicPropertyRegistry registry) {
    registry.add("mhaqi.test.kafka-bootstrap-servers", broker::bootstrapServers);
    registry.add("mhaqi.test.database", () -> "enrollment_outage");
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void eventsRecordedWhileKafkaIsDownArriveOnceItReturns() {
    Scenario scenario = new Scenario(api);
    String phaseId = scenario.widerPhase(scenario.programme(), 37);
    String before = scenario.interest(scenario.nhsService(), phaseId);
    awaitPending(0);

    broker.stop();
    List<String> during = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      during.add(scenario.committedEnrollment(phaseId));
    }
    for (String enrollmentId : during) {
      assertThat(scenario.admit(enrollmentId).expect(200).text("status")).isEqualTo("ENROLLED");
    }
    // Each: its organisation and ward (organisation.events), then interest, team update,
    // commitment, enrolment (enrollment.events). The API answered; Kafka has seen none of it.
    assertThat(pending()).isEqualTo(30);
    assertThat(
            api.get("/actuator/health")
                .body()
                .path("components")
                .path("outbox")
                .path("details")
                .path("pending")
                .asLong())
        .isEqualTo(30);

    broker.start();
    awaitPending(0);

    try (KafkaTopicReader reader =
        new KafkaTopicReader(broker.bootstrapServers(), Topics.ENROLLMENT_EVENTS)) {
      var ofOutage =
          reader.awaitMatching(m -> during.contains(m.key()), 20, Duration.ofSeconds(60));
      Set<String> ids =
          ofOutage.stream().map(m -> m.header(CloudEventHeaders.ID)).collect(Collectors.toSet());
      assertThat(ids).hasSize(20);
      List<String> expectedIds =
          jdbc.sql("select id::text from outbox_event where message_key in (:keys)")
              .param("keys", during)
              .query(String.class)
              .list();
      assertThat(ids).containsExactlyInAnyOrderElementsOf(expectedIds);
      for (String enrollmentId : during) {
        assertThat(
                ofOutage.stream()
                    .filter(m -> m.key().equals(enrollmentId))
                    .map(m -> m.header(CloudEventHeaders.TYPE))
                    .distinct())
            .containsExactly(
                "ExpressionOfInterestReceived",
                "ProjectTeamUpdated",
                "ExecutiveCommitmentConfirmed",
                "ServiceEnrolled");
      }
      assertThat(before).isNotBlank();
    }
  }

  private long pending() {
    return jdbc.sql("select count(*) from outbox_event where published_at is null")
        .query(Long.class)
        .single();
  }

  private void awaitPending(long expected) {
    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pending() == expected);
  }
}
