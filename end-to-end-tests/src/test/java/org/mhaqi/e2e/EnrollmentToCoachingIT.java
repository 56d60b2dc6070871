package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.mhaqi.testing.ServiceProcesses;
import org.mhaqi.testing.TestKafka;
import tools.jackson.databind.JsonNode;

/**
 * enrollment-service and coaching-service as separate processes, each with its own database,
 * talking only through a real Kafka broker: an enrolment made through enrollment-service's API
 * becomes a coaching plan, and its withdrawal cancels the plan's future sessions; a place freed
 * during the coaching window promotes the next service, coached from its promotion on, and a
 * completion cancels what is left of its plan.
 */
class EnrollmentToCoachingIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @RegisterExtension
  static final ServiceProcesses services =
      ServiceProcesses.aroundTests("enrollment-service", "coaching-service");

  @Test
  void anEnrollmentBecomesACoachingPlanAndItsWithdrawalCancelsTheFutureSessions() {
    Api enrollments = services.api("enrollment-service");
    Api plans = services.api("coaching-service");
    // A phase whose coaching window lies ahead, so a withdrawal has future sessions to cancel.
    LocalDate today = LocalDate.now();
    LocalDate windowStarts = today.plusWeeks(2);
    LocalDate windowEnds = today.plusMonths(6);
    String phase =
        EnrollmentSteps.widerPhase(
            enrollments,
            "End-to-end programme",
            today,
            windowEnds.plusWeeks(1),
            37,
            windowStarts,
            windowEnds);
    String organisation = EnrollmentSteps.cumbriaNorthumberlandTyneAndWear(enrollments);
    String service =
        enrollments
            .post(
                "/api/organisations/" + organisation + "/services",
                "{\"name\":\"Psychiatric intensive care unit\",\"serviceType\":\"PICU\"}")
            .expect(201)
            .id();
    String enrollment =
        enrollments
            .post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(service, phase))
            .expect(201)
            .id();
    String sponsor =
        enrollments
            .post(
                "/api/enrollments/" + enrollment + "/team-members",
                "{\"role\":\"EXECUTIVE_SPONSOR\",\"name\":\"Jo Exec\",\"email\":\"jo@example.nhs.uk\"}")
            .expect(201)
            .id();
    enrollments
        .put(
            "/api/enrollments/" + enrollment + "/executive-commitment",
            """
            {"sponsorMemberId":"%s","organisationInvolvement":true,"teamChangeIdeas":true,
             "proportionateDataCollection":true}
            """
                .formatted(sponsor))
        .expect(200);
    assertThat(
            enrollments
                .post("/api/enrollments/" + enrollment + "/admission")
                .expect(200)
                .text("status"))
        .isEqualTo("ENROLLED");

    JsonNode plan = awaitPlan(plans, enrollment, p -> p.path("scheduledSessions").asInt() > 0);

    List<JsonNode> sessions = list(plan.path("sessions"));
    assertThat(plan.path("serviceId").asString()).isEqualTo(service);
    assertThat(plan.path("unstaffedSessions").asInt()).isZero();
    assertThat(sessions).isNotEmpty();
    for (JsonNode session : sessions) {
      LocalDate day = LocalDateTime.parse(session.path("startsAt").asString()).toLocalDate();
      assertThat(day).isBetween(windowStarts, windowEnds);
    }
    try (KafkaTopicReader reader =
        new KafkaTopicReader(TestKafka.bootstrapServers(), Topics.COACHING_EVENTS)) {
      reader.awaitMatching(is(enrollment, "SessionScheduled"), sessions.size(), WAIT);
      List<Message> announced =
          reader.awaitMatching(is(enrollment, "CoachingPlanCreated"), 1, WAIT);
      assertThat(announced).hasSize(1);
      assertThat(announced.get(0).value()).doesNotContain("Jo Exec", "jo@example.nhs.uk");

      enrollments
          .post(
              "/api/enrollments/" + enrollment + "/withdrawal",
              "{\"reasonCode\":\"SERVICE_CLOSED_OR_MERGED\",\"reason\":\"The ward is closing\"}")
          .expect(200);

      JsonNode withdrawn = awaitPlan(plans, enrollment, p -> !p.path("withdrawnAt").isNull());
      List<JsonNode> cancelled =
          list(withdrawn.path("sessions")).stream()
              .filter(s -> s.path("status").asString().equals("CANCELLED"))
              .toList();
      assertThat(cancelled).hasSize(sessions.size());
      List<Message> cancellations =
          reader.awaitMatching(is(enrollment, "SessionCancelled"), cancelled.size(), WAIT);
      assertThat(cancellations).hasSize(cancelled.size());
      // The cancellations say why as a code; the trust's words stay in enrollment-service.
      assertThat(cancellations)
          .allSatisfy(
              m ->
                  assertThat(m.value())
                      .contains("\"cause\":\"ENROLLMENT_WITHDRAWN\"")
                      .doesNotContain("The ward is closing"));
    }
  }

  @Test
  void aPlaceFreedDuringTheWindowPromotesTheNextServiceCoachedFromThenAndItsCompletionEndsIt() {
    Api enrollments = services.api("enrollment-service");
    Api plans = services.api("coaching-service");
    // A one-place phase whose coaching window began six weeks ago.
    LocalDate today = LocalDate.now(LONDON);
    LocalDate windowStarts = today.minusWeeks(6);
    LocalDate windowEnds = today.plusMonths(4);
    String phase =
        EnrollmentSteps.widerPhase(
            enrollments,
            "Promotion programme",
            windowStarts,
            windowEnds,
            1,
            windowStarts,
            windowEnds);
    String organisation =
        EnrollmentSteps.foundationTrust(
            enrollments,
            "RXG",
            "South West Yorkshire Partnership NHS Foundation Trust",
            "NORTH_EAST_AND_YORKSHIRE");
    String first =
        EnrollmentSteps.committedApplication(enrollments, organisation, phase, "Ward one");
    String second =
        EnrollmentSteps.committedApplication(enrollments, organisation, phase, "Ward two");
    assertThat(EnrollmentSteps.admit(enrollments, first)).isEqualTo("ENROLLED");
    assertThat(EnrollmentSteps.admit(enrollments, second)).isEqualTo("WAITLISTED");

    // Admitted today, part-way through the window, the first service is coached from tomorrow on.
    JsonNode firstPlan = awaitPlan(plans, first, p -> p.path("scheduledSessions").asInt() > 0);
    assertThat(days(firstPlan)).allSatisfy(day -> assertThat(day).isAfter(today));

    enrollments
        .post("/api/enrollments/" + first + "/withdrawal", "{\"reason\":\"Ward merged\"}")
        .expect(200);
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> enrollments.get("/api/enrollments/" + second).body().path("status").asString(),
            "ENROLLED"::equals);

    JsonNode promoted = awaitPlan(plans, second, p -> p.path("scheduledSessions").asInt() > 0);
    assertThat(promoted.path("windowStartsOn").asString()).isEqualTo(windowStarts.toString());
    assertThat(LocalDate.parse(promoted.path("coachedFrom").asString())).isAfter(today);
    assertThat(days(promoted))
        .isNotEmpty()
        .allSatisfy(day -> assertThat(day).isAfter(today).isBeforeOrEqualTo(windowEnds));

    try (KafkaTopicReader reader =
        new KafkaTopicReader(TestKafka.bootstrapServers(), Topics.COACHING_EVENTS)) {
      enrollments.post("/api/enrollments/" + second + "/completion").expect(200);

      JsonNode completed = awaitPlan(plans, second, p -> !p.path("completedAt").isNull());
      List<JsonNode> sessions = list(completed.path("sessions"));
      assertThat(sessions)
          .allSatisfy(
              s -> {
                assertThat(s.path("status").asString()).isEqualTo("CANCELLED");
                assertThat(s.path("cancellationCause").asString())
                    .isEqualTo("ENROLLMENT_COMPLETED");
              });
      List<Message> cancellations =
          reader.awaitMatching(is(second, "SessionCancelled"), sessions.size(), WAIT);
      assertThat(cancellations)
          .hasSize(sessions.size())
          .allSatisfy(m -> assertThat(m.value()).contains("ENROLLMENT_COMPLETED"));
    }
  }

  private static List<LocalDate> days(JsonNode plan) {
    return list(plan.path("sessions")).stream()
        .map(s -> LocalDateTime.parse(s.path("startsAt").asString()).toLocalDate())
        .toList();
  }

  private static JsonNode awaitPlan(Api plans, String enrollment, Predicate<JsonNode> condition) {
    JsonNode[] plan = new JsonNode[1];
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              Api.Response response = plans.get("/api/enrollments/" + enrollment + "/plan");
              plan[0] = response.body();
              return response.status() == 200 && condition.test(response.body());
            });
    return plan[0];
  }

  private static Predicate<Message> is(String key, String type) {
    return m -> key.equals(m.key()) && type.equals(m.type());
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
