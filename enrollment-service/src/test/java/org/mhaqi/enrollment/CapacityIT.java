package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The phase never takes more services than its capacity, however the requests interleave. */
@IntegrationTest
class CapacityIT {

  @LocalServerPort int port;

  Api api;
  Scenario scenario;

  @BeforeEach
  void setUp() {
    api = new Api(port);
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
    JsonNode waitlist = api.get("/api/phases/" + phaseId + "/waitlist").expect(200).body();
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
}
