package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Lists answer a page at a time, in a stable order, with the totals to walk them. */
class PagingIT extends ServiceIntegrationTest {

  Scenario scenario;

  @BeforeEach
  void setUp() {
    scenario = new Scenario(api);
  }

  @Test
  void theWaitlistPagesInOrderWithPositionsCountedAcrossPages() {
    String phaseId = scenario.widerPhase(scenario.programme(), 1);
    List<String> applied = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      applied.add(scenario.committedEnrollment(phaseId));
    }
    for (String enrollmentId : applied) {
      scenario.admit(enrollmentId).expect(200);
    }

    List<String> walked = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      JsonNode answer =
          api.get("/api/phases/" + phaseId + "/waitlist?size=2&page=" + page).expect(200).body();
      assertThat(answer.path("page").path("size").asInt()).isEqualTo(2);
      assertThat(answer.path("page").path("number").asInt()).isEqualTo(page);
      assertThat(answer.path("page").path("totalElements").asInt()).isEqualTo(5);
      assertThat(answer.path("page").path("totalPages").asInt()).isEqualTo(3);
      for (JsonNode entry : answer.path("content")) {
        assertThat(entry.path("position").asInt()).isEqualTo(walked.size() + 1);
        walked.add(entry.path("enrollmentId").asString());
      }
    }
    assertThat(walked).isEqualTo(applied.subList(1, 6));
  }

  @Test
  void enrolmentsPageInOrderOfApplicationFiftyByDefault() {
    String phaseId = scenario.widerPhase(scenario.programme(), 37);
    List<String> applied = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      applied.add(scenario.interest(scenario.nhsService(), phaseId));
    }

    JsonNode all = api.get("/api/enrollments?phaseId=" + phaseId).expect(200).body();
    assertThat(all.path("page").path("size").asInt()).isEqualTo(50);
    assertThat(all.path("page").path("totalElements").asInt()).isEqualTo(5);
    assertThat(all.path("content").findValuesAsString("id")).isEqualTo(applied);

    List<String> walked = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      api.get("/api/enrollments?phaseId=" + phaseId + "&size=2&page=" + page)
          .expect(200)
          .body()
          .path("content")
          .forEach(e -> walked.add(e.path("id").asString()));
    }
    assertThat(walked).isEqualTo(applied);
    assertThat(
            api.get("/api/enrollments?phaseId=" + phaseId + "&size=2&page=3")
                .expect(200)
                .body()
                .path("content"))
        .isEmpty();
  }

  @Test
  void enrolmentsFilterByApplicationDayInclusive() {
    String phaseId = scenario.widerPhase(scenario.programme(), 37);
    String enrollmentId = scenario.interest(scenario.nhsService(), phaseId);
    String day = api.get("/api/enrollments/" + enrollmentId).text("appliedAt").substring(0, 10);

    assertThat(
            api.get(
                    "/api/enrollments?phaseId=%s&appliedFrom=%s&appliedTo=%s"
                        .formatted(phaseId, day, day))
                .expect(200)
                .body()
                .path("content")
                .findValuesAsString("id"))
        .containsExactly(enrollmentId);
    String dayAfter = java.time.LocalDate.parse(day).plusDays(1).toString();
    assertThat(
            api.get("/api/enrollments?phaseId=%s&appliedFrom=%s".formatted(phaseId, dayAfter))
                .expect(200)
                .body()
                .path("content"))
        .isEmpty();
  }
}
