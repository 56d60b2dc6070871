package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.ServiceProcesses;
import org.mhaqi.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Issue 21's "done when", across enrollment-, coaching- and evaluation-service as separate
 * processes talking only through a real Kafka broker: a trust member finds another trust's shared
 * change idea with its PDSA outcome; a learning-network member reads the library and a published
 * report and is refused an enrolment, a plan and a return; a learning event shows in a team's
 * calendar feed and, once its attendance is recorded, in the team's engagement.
 */
class SharedLearningJourneyIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** The demo's trust member's trust, and another trust that shares what it learnt. */
  private static final String OURS = "RX4";

  private static final String THEIRS = "RXG";

  /** A provider of the learning network. */
  private static final String NETWORK = "NQ1";

  @RegisterExtension
  static final ServiceProcesses services =
      ServiceProcesses.aroundTests("enrollment-service", "coaching-service", "evaluation-service");

  @Test
  void trustsLearnFromEachOtherTheNetworkReadsOnlyTheLibraryAndReportsAndEventsCount() {
    Api enrollments = services.api("enrollment-service");
    Api coaching = services.api("coaching-service");
    Api evaluation = services.api("evaluation-service");

    // A phase whose coaching window is running, and a service of each trust enrolled in it.
    LocalDate today = LocalDate.now(LONDON);
    LocalDate windowStarts = today.minusWeeks(6);
    LocalDate windowEnds = today.plusMonths(4);
    String phase =
        EnrollmentSteps.widerPhase(
            enrollments,
            "Shared learning programme",
            windowStarts,
            windowEnds,
            10,
            windowStarts,
            windowEnds);
    String ours = EnrollmentSteps.cumbriaNorthumberlandTyneAndWear(enrollments);
    String theirs =
        EnrollmentSteps.foundationTrust(
            enrollments,
            THEIRS,
            "South West Yorkshire Partnership NHS Foundation Trust",
            "NORTH_EAST_AND_YORKSHIRE");
    String ourEnrollment =
        EnrollmentSteps.committedApplication(enrollments, ours, phase, "Our acute ward");
    String theirEnrollment =
        EnrollmentSteps.committedApplication(enrollments, theirs, phase, "Their acute ward");
    assertThat(EnrollmentSteps.admit(enrollments, ourEnrollment)).isEqualTo("ENROLLED");
    assertThat(EnrollmentSteps.admit(enrollments, theirEnrollment)).isEqualTo("ENROLLED");
    String ourService = serviceOf(enrollments, ourEnrollment);
    String theirService = serviceOf(enrollments, theirEnrollment);

    // Their team records a change idea, tests it in a PDSA cycle, adopts it and shares it, once
    // evaluation-service knows their enrolment.
    String idea = recordIdea(evaluation, theirService);
    String cycles = "/api/change-ideas/" + idea + "/cycles";
    evaluation
        .post(
            cycles,
            """
            {"plan":"Huddle at each handover for three weeks","startedOn":"%s"}"""
                .formatted(today.minusWeeks(4)))
        .expect(201);
    evaluation
        .post(
            cycles + "/1/outcome",
            """
            {"done":"Huddles at 19 of 21 handovers","study":"Fewer restraints on huddle days",
             "act":"ADOPT","completedOn":"%s"}"""
                .formatted(today.minusWeeks(1)))
        .expect(200);
    evaluation.post("/api/change-ideas/" + idea + "/sharing").expect(200);

    // Our trust member finds it, with its PDSA outcome, and no person's name or address.
    Api ourMember = evaluation.as(TestTokens.trustMember(OURS));
    JsonNode found =
        list(
                ourMember
                    .get("/api/shared-change-ideas?q=huddle&measureCode=RESTRICTIVE_INTERVENTIONS")
                    .expect(200)
                    .body())
            .stream()
            .filter(i -> i.path("id").asString().equals(idea))
            .findFirst()
            .orElseThrow(() -> new AssertionError("the shared idea is not found by our trust"));
    assertThat(found.path("serviceId").asString()).isEqualTo(theirService);
    assertThat(found.path("cycles").get(0).path("act").asString()).isEqualTo("ADOPT");
    assertThat(found.path("cycles").get(0).path("study").asString())
        .isEqualTo("Fewer restraints on huddle days");
    assertThat(found.toString()).doesNotContain("Sam Exec", "sam@example.nhs.uk");
    // Their idea itself (not shared: the change-idea API) stays theirs.
    ourMember.get("/api/change-ideas/" + idea).expect(404);

    // The learning network reads the library and the published report, nothing else.
    evaluation.post("/api/reports/phases/" + phase + "/publication").expect(201);
    Api network = evaluation.as(TestTokens.learningNetwork(NETWORK));
    assertThat(network.get("/api/shared-change-ideas/" + idea).expect(200).body().toString())
        .contains("Huddle at each handover")
        .doesNotContain("Sam Exec", "sam@example.nhs.uk");
    network.get("/api/reports/phases/" + phase).expect(200);
    String networkToken = TestTokens.learningNetwork(NETWORK);
    assertThat(enrollments.as(networkToken).get("/api/enrollments/" + ourEnrollment).status())
        .isEqualTo(403);
    assertThat(
            coaching.as(networkToken).get("/api/enrollments/" + ourEnrollment + "/plan").status())
        .isEqualTo(403);
    assertThat(network.get("/api/services/" + ourService + "/data-returns").status())
        .isEqualTo(403);

    // A learning event for every team, held on the last working day, in our team's calendar feed.
    String learningEvent = scheduleOnTheLastWorkingDay(coaching, today);
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> coaching.get("/api/enrollments/" + ourEnrollment + "/plan").status() == 200);
    String feed =
        coaching
            .as(TestTokens.trustMember(OURS))
            .get("/api/services/" + ourService + "/calendar.ics")
            .expect(200)
            .body()
            .asString();
    // The UID line (71 characters) is never folded.
    assertThat(feed).contains("UID:" + learningEvent + "@learning-events.coaching.mhaqi");

    // Its attendance recorded, our engagement counts it apart from the coaching.
    coaching
        .post(
            "/api/learning-events/" + learningEvent + "/attendance",
            """
            {"serviceId":"%s","attendees":5,"livedExperiencePartnerTookPart":true}"""
                .formatted(ourService))
        .expect(201);
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              JsonNode learning =
                  evaluation
                      .as(TestTokens.trustMember(OURS))
                      .get("/api/engagement/services/" + ourService)
                      .expect(200)
                      .body()
                      .path("enrollments")
                      .get(0)
                      .path("learningEvents");
              assertThat(learning.path("attended").asLong()).isEqualTo(1);
              assertThat(learning.path("hours").decimalValue()).isEqualByComparingTo("1.5");
            });
  }

  /** Records their idea once evaluation-service knows the service's enrolment. */
  private static String recordIdea(Api evaluation, String service) {
    String[] id = new String[1];
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              Api.Response recorded =
                  evaluation.post(
                      "/api/services/" + service + "/change-ideas",
                      """
                      {"title":"Safety huddle before every shift change",
                       "description":"Ten minutes at each handover on who is distressed",
                       "coProduced":true,"measureCodes":["RESTRICTIVE_INTERVENTIONS"]}""");
              id[0] = recorded.status() == 201 ? recorded.id() : null;
              return id[0] != null;
            });
    return id[0];
  }

  /** A 90-minute webinar for all teams on the last working day before today, at 14:00. */
  private static String scheduleOnTheLastWorkingDay(Api coaching, LocalDate today) {
    for (LocalDate day = today.minusDays(1);
        day.isAfter(today.minusDays(15));
        day = day.minusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      LocalDateTime startsAt = day.atTime(14, 0);
      Api.Response scheduled =
          coaching.post(
              "/api/learning-events",
              """
              {"title":"Learning from each other","format":"WEBINAR","startsAt":"%s",
               "durationMinutes":90,"audience":"ALL_TEAMS","learningNetwork":true}"""
                  .formatted(startsAt));
      if (scheduled.status() == 201) {
        return scheduled.id();
      }
      assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(422);
    }
    throw new AssertionError("no working day in the fortnight before " + today);
  }

  private static String serviceOf(Api enrollments, String enrollment) {
    return enrollments.get("/api/enrollments/" + enrollment).expect(200).text("serviceId");
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
