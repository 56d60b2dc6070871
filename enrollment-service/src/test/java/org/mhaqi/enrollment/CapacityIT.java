package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The phase never takes more services than its capacity, however the requests interleave. */
class CapacityIT extends ServiceIntegrationTest {

  Scenario scenario;

  @BeforeEach
  void setUp() {
    scenario = new Scenario(api);
  }

  @Test
  void sixtySimultaneousAdmissionsIntoThirtySevenPlacesEnrolThirtySevenAndWaitlistTwentyThree()
      throws Exception {
    String phaseId = scenario.widerPhase(scenario.programme(), 37);
    List<String> enrollments = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      enrollments.add(scenario.committedEnrollment(phaseId));
    }

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(60);
    List<Future<Api.Response>> answers = new ArrayList<>();
    for (String enrollmentId : enrollments) {
      answers.add(
          pool.submit(
              () -> {
                start.await();
                return scenario.admit(enrollmentId);
              }));
    }
    start.countDown();
    List<Api.Response> responses = new ArrayList<>();
    for (Future<Api.Response> answer : answers) {
      responses.add(answer.get());
    }
    pool.shutdown();

    assertThat(responses).extracting(Api.Response::status).containsOnly(200);
    Map<String, Long> statuses =
        responses.stream()
            .collect(Collectors.groupingBy(r -> r.text("status"), Collectors.counting()));
    assertThat(statuses).containsEntry("ENROLLED", 37L).containsEntry("WAITLISTED", 23L);
    JsonNode phase = api.get("/api/phases/" + phaseId).expect(200).body();
    assertThat(phase.path("enrollments").path("ENROLLED").asLong()).isEqualTo(37);
    assertThat(phase.path("enrollments").path("WAITLISTED").asLong()).isEqualTo(23);
    assertThat(phase.path("placesLeft").asLong()).isZero();
    JsonNode waitlist =
        api.get("/api/phases/" + phaseId + "/waitlist").expect(200).body().path("content");
    assertThat(waitlist).hasSize(23);
    assertThat(waitlist.get(22).path("position").asInt()).isEqualTo(23);
  }

  @Test
  void aWithdrawalPromotesTheServiceThatAppliedFirst() {
    String phaseId = scenario.widerPhase(scenario.programme(), 2);
    String first = scenario.committedEnrollment(phaseId);
    String second = scenario.committedEnrollment(phaseId);
    String thirdApplied = scenario.committedEnrollment(phaseId);
    String fourthApplied = scenario.committedEnrollment(phaseId);
    // Decided out of order: the waitlist still follows the order of application.
    scenario.admit(first).expect(200);
    scenario.admit(second).expect(200);
    assertThat(scenario.admit(fourthApplied).expect(200).text("status")).isEqualTo("WAITLISTED");
    assertThat(scenario.admit(thirdApplied).expect(200).text("status")).isEqualTo("WAITLISTED");

    api.post("/api/enrollments/" + second + "/withdrawal", "{\"reason\":\"Service closed\"}")
        .expect(200);

    Function<String, String> status = id -> api.get("/api/enrollments/" + id).text("status");
    assertThat(status.apply(second)).isEqualTo("WITHDRAWN");
    assertThat(status.apply(thirdApplied)).isEqualTo("ENROLLED");
    assertThat(status.apply(fourthApplied)).isEqualTo("WAITLISTED");
    JsonNode promoted = api.get("/api/enrollments/" + thirdApplied + "/history").body();
    assertThat(promoted.get(promoted.size() - 1).path("reason").asString())
        .contains("Promoted from the waitlist");

    api.post("/api/enrollments/" + fourthApplied + "/withdrawal", "{\"reason\":\"No longer able\"}")
        .expect(200);
    assertThat(
            api.get("/api/phases/" + phaseId).body().path("enrollments").path("ENROLLED").asLong())
        .isEqualTo(2);
  }

  private String status(String enrollmentId) {
    return api.get("/api/enrollments/" + enrollmentId).expect(200).text("status");
  }

  private void withdraw(String enrollmentId) {
    api.post("/api/enrollments/" + enrollmentId + "/withdrawal", "{\"reason\":\"Ward closed\"}")
        .expect(200);
  }

  /** The waitlist's enrolment ids, checking that positions run 1, 2, ... in that order. */
  private List<String> waitlist(String phaseId) {
    JsonNode entries =
        api.get("/api/phases/" + phaseId + "/waitlist?size=200").expect(200).body().path("content");
    List<String> ids = new ArrayList<>();
    for (JsonNode entry : entries) {
      assertThat(entry.path("position").asInt()).isEqualTo(ids.size() + 1);
      ids.add(entry.path("enrollmentId").asString());
    }
    return ids;
  }

  private JsonNode occupancy(String phaseId) {
    return api.get("/api/phases/" + phaseId).expect(200).body();
  }

  @Test
  void aCompletedServiceKeepsItsPlaceAndANewcomerWaitsBehindThoseWaiting() {
    String phaseId = scenario.widerPhase(scenario.programme(), 1);
    String completing = scenario.committedEnrollment(phaseId);
    String waiting = scenario.committedEnrollment(phaseId);
    String newcomer = scenario.committedEnrollment(phaseId);
    assertThat(scenario.admit(completing).expect(200).text("status")).isEqualTo("ENROLLED");
    assertThat(scenario.admit(waiting).expect(200).text("status")).isEqualTo("WAITLISTED");

    api.post("/api/enrollments/" + completing + "/completion").expect(200);

    assertThat(status(waiting)).as("completion promotes nobody").isEqualTo("WAITLISTED");
    assertThat(occupancy(phaseId).path("placesLeft").asInt()).isZero();
    Api.Response admitted = scenario.admit(newcomer).expect(200);
    assertThat(admitted.text("status")).as("no place, and someone waits").isEqualTo("WAITLISTED");
    assertThat(waitlist(phaseId)).containsExactly(waiting, newcomer);
    JsonNode phase = occupancy(phaseId);
    assertThat(phase.path("enrollments").path("ENROLLED").asInt()).isZero();
    assertThat(phase.path("enrollments").path("COMPLETED").asInt()).isEqualTo(1);
    assertThat(phase.path("placesLeft").asInt()).isZero();

    // A waiting service that withdraws frees no place either: the next one moves up the line.
    withdraw(waiting);
    assertThat(waitlist(phaseId)).containsExactly(newcomer);
    assertThat(status(newcomer)).isEqualTo("WAITLISTED");
  }

  @Test
  void theWaitlistFollowsApplicationTimeAndCarriedOverInterestKeepsItsOriginalTime() {
    String programmeId = scenario.programme();
    String pilotId = scenario.pilotPhase(programmeId, 1);
    String widerId = scenario.widerPhase(programmeId, 1);
    scenario.admit(scenario.committedEnrollment(pilotId)).expect(200);
    String pilotInterest = scenario.interest(scenario.nhsService(), pilotId);
    String enrolled = scenario.committedEnrollment(widerId);
    String firstNewcomer = scenario.committedEnrollment(widerId);
    String secondNewcomer = scenario.committedEnrollment(widerId);
    assertThat(scenario.admit(enrolled).expect(200).text("status")).isEqualTo("ENROLLED");
    assertThat(scenario.admit(secondNewcomer).expect(200).text("status")).isEqualTo("WAITLISTED");
    assertThat(scenario.admit(firstNewcomer).expect(200).text("status")).isEqualTo("WAITLISTED");

    JsonNode carried = api.post("/api/phases/" + widerId + "/carry-over").expect(200).body();
    assertThat(carried).hasSize(1);
    String carriedOver = carried.get(0).path("id").asString();
    scenario.commit(carriedOver);
    assertThat(scenario.admit(carriedOver).expect(200).text("status")).isEqualTo("WAITLISTED");

    // Applied first (in the pilot), decided last: still first in line.
    assertThat(waitlist(widerId)).containsExactly(carriedOver, firstNewcomer, secondNewcomer);
    JsonNode entries =
        api.get("/api/phases/" + widerId + "/waitlist").expect(200).body().path("content");
    assertThat(entries.get(0).path("appliedAt").asString())
        .isEqualTo(api.get("/api/enrollments/" + pilotInterest).text("appliedAt"));

    withdraw(enrolled);
    assertThat(status(carriedOver)).isEqualTo("ENROLLED");
    assertThat(waitlist(widerId)).containsExactly(firstNewcomer, secondNewcomer);
  }

  @Test
  void aWithdrawalRacingAnAdmissionKeepsCapacityAndOrder() throws Exception {
    for (int round = 0; round < 5; round++) {
      String phaseId = scenario.widerPhase(scenario.programme(), 2);
      String leaving = scenario.committedEnrollment(phaseId);
      String staying = scenario.committedEnrollment(phaseId);
      String waiting = scenario.committedEnrollment(phaseId);
      String newcomer = scenario.committedEnrollment(phaseId);
      scenario.admit(leaving).expect(200);
      scenario.admit(staying).expect(200);
      assertThat(scenario.admit(waiting).expect(200).text("status")).isEqualTo("WAITLISTED");

      List<Api.Response> answers =
          simultaneously(
              () ->
                  api.post(
                      "/api/enrollments/" + leaving + "/withdrawal",
                      "{\"reason\":\"Ward closed\"}"),
              () -> scenario.admit(newcomer));

      assertThat(answers).extracting(Api.Response::status).containsOnly(200);
      assertThat(status(leaving)).isEqualTo("WITHDRAWN");
      assertThat(status(staying)).isEqualTo("ENROLLED");
      assertThat(status(waiting)).as("round %d", round).isEqualTo("ENROLLED");
      assertThat(waitlist(phaseId)).as("round %d", round).containsExactly(newcomer);
      assertThat(occupancy(phaseId).path("enrollments").path("ENROLLED").asInt()).isEqualTo(2);
    }
  }

  @Test
  void twoWithdrawalsRacingPromoteTheFirstTwoWaitingInOrder() throws Exception {
    for (int round = 0; round < 5; round++) {
      String phaseId = scenario.widerPhase(scenario.programme(), 2);
      String first = scenario.committedEnrollment(phaseId);
      String second = scenario.committedEnrollment(phaseId);
      List<String> waiting =
          List.of(
              scenario.committedEnrollment(phaseId),
              scenario.committedEnrollment(phaseId),
              scenario.committedEnrollment(phaseId));
      scenario.admit(first).expect(200);
      scenario.admit(second).expect(200);
      // Decided last applied first: the waitlist still follows the order of application.
      for (int i = waiting.size() - 1; i >= 0; i--) {
        assertThat(scenario.admit(waiting.get(i)).expect(200).text("status"))
            .isEqualTo("WAITLISTED");
      }

      List<Api.Response> answers =
          simultaneously(
              () ->
                  api.post(
                      "/api/enrollments/" + first + "/withdrawal", "{\"reason\":\"Ward closed\"}"),
              () ->
                  api.post(
                      "/api/enrollments/" + second + "/withdrawal",
                      "{\"reason\":\"Ward merged\"}"));

      assertThat(answers).extracting(Api.Response::status).containsOnly(200);
      assertThat(status(waiting.get(0))).as("round %d", round).isEqualTo("ENROLLED");
      assertThat(status(waiting.get(1))).as("round %d", round).isEqualTo("ENROLLED");
      assertThat(waitlist(phaseId)).as("round %d", round).containsExactly(waiting.get(2));
      assertThat(occupancy(phaseId).path("enrollments").path("ENROLLED").asInt()).isEqualTo(2);
    }
  }

  @Test
  void aTeamChangeRacingAPromotionNeitherFailsNorLosesTheRevision() throws Exception {
    for (int round = 0; round < 5; round++) {
      String phaseId = scenario.widerPhase(scenario.programme(), 1);
      String leaving = scenario.committedEnrollment(phaseId);
      String waiting = scenario.committedEnrollment(phaseId); // its sponsor: team revision 1
      scenario.admit(leaving).expect(200);
      assertThat(scenario.admit(waiting).expect(200).text("status")).isEqualTo("WAITLISTED");

      List<Api.Response> answers =
          simultaneously(
              () ->
                  api.post(
                      "/api/enrollments/" + leaving + "/withdrawal",
                      "{\"reason\":\"Ward closed\"}"),
              () ->
                  api.post(
                      "/api/enrollments/" + waiting + "/team-members",
                      "{\"role\":\"QI_LEAD\",\"name\":\"Quinn\",\"email\":\"q@example.nhs.uk\"}"));

      assertThat(answers).extracting(Api.Response::status).containsExactly(200, 201);
      assertThat(status(waiting)).as("round %d", round).isEqualTo("ENROLLED");
      assertThat(
              jdbc.sql("select team_revision from enrollment where id = ?")
                  .param(java.util.UUID.fromString(waiting))
                  .query(Long.class)
                  .single())
          .as("round %d", round)
          .isEqualTo(2);
    }
  }

  /** Sends the requests at the same moment, each on its own thread, and returns the answers. */
  @SafeVarargs
  private static List<Api.Response> simultaneously(Callable<Api.Response>... requests)
      throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(requests.length);
    try {
      List<Future<Api.Response>> answers = new ArrayList<>();
      for (Callable<Api.Response> request : requests) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return request.call();
                }));
      }
      start.countDown();
      List<Api.Response> responses = new ArrayList<>();
      for (Future<Api.Response> answer : answers) {
        responses.add(answer.get(120, TimeUnit.SECONDS));
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }
}
