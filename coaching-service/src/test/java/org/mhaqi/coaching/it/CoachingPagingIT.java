package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.it.EnrollmentEventsIT.list;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import tools.jackson.databind.JsonNode;

/**
 * Every coaching list pages the same way: {@code page} and {@code size} (50 by default, at most
 * 200), one stable order, {@code {"content", "page": {size, number, totalElements, totalPages}}}.
 */
class CoachingPagingIT extends IntegrationTest {

  @Test
  void everyListAnswersAPageWithItsTotalsAndFiftyByDefault() {
    UUID enrollmentId = UUID.randomUUID();
    enrollmentService().send(enrolled(enrollmentId, today().plusWeeks(70), today().plusWeeks(80)));
    JsonNode plan = awaitPlan(enrollmentId);
    JsonNode session = plan.get("sessions").get(0);

    for (String path :
        List.of(
            "/api/coaches",
            "/api/plans",
            "/api/sessions/unstaffed",
            "/api/calendar-subscriptions",
            "/api/coaches/" + session.get("coachId").asString() + "/sessions",
            "/api/sessions/" + session.get("id").asString() + "/history")) {
      JsonNode page = read(path);
      assertThat(page.get("content").isArray()).as(path).isTrue();
      assertThat(page.get("page").get("size").asInt()).as(path).isEqualTo(50);
      assertThat(page.get("page").get("number").asInt()).as(path).isZero();
      assertThat(page.get("page").has("totalElements")).as(path).isTrue();
      assertThat(page.get("page").has("totalPages")).as(path).isTrue();
      assertThat(page.get("content").size())
          .as(path)
          .isLessThanOrEqualTo(50)
          .isEqualTo((int) Math.min(50, page.get("page").get("totalElements").asLong()));
    }
    JsonNode ofPhase = read("/api/plans?phaseId=" + plan.get("phaseId").asString());
    assertThat(ofPhase.get("page").get("totalElements").asInt()).isEqualTo(1);
    assertThat(ofPhase.get("content").get(0).get("id")).isEqualTo(plan.get("id"));
    assertThat(ofPhase.get("content").get(0).path("sessions").isArray()).isFalse();
  }

  @Test
  void pagesFollowOneStableOrderWithoutGapsOrRepeats() {
    JsonNode whole = read("/api/coaches?size=200");
    long total = whole.get("page").get("totalElements").asLong();
    assertThat(total).isGreaterThan(6).isLessThanOrEqualTo(200);

    List<String> paged = new ArrayList<>();
    int pages = (int) Math.ceil(total / 3.0);
    for (int number = 0; number < pages; number++) {
      JsonNode page = read("/api/coaches?page=" + number + "&size=3");
      assertThat(page.get("page").get("number").asInt()).isEqualTo(number);
      assertThat(page.get("page").get("totalPages").asInt()).isEqualTo(pages);
      list(page.get("content")).forEach(c -> paged.add(c.get("id").asString()));
    }

    List<String> all =
        list(whole.get("content")).stream().map(c -> c.get("id").asString()).toList();
    assertThat(paged).hasSize((int) total).doesNotHaveDuplicates().isEqualTo(all);
    assertThat(new HashSet<>(paged)).hasSize((int) total);
    assertThat(read("/api/coaches?page=" + pages).get("content")).isEmpty();
  }

  @Test
  void aSizeAbove200ANegativePageOrASortAreBadRequestsNamingTheParameter() throws Exception {
    assertRefused(get("/api/coaches?size=201"), "size");
    assertRefused(get("/api/plans?size=0"), "size");
    assertRefused(get("/api/sessions/unstaffed?page=-1"), "page");
    assertRefused(get("/api/plans?sort=createdAt,desc"), "sort");
    assertThat(read("/api/coaches?size=200").get("page").get("size").asInt()).isEqualTo(200);
  }

  private void assertRefused(Api.Response result, String parameter) {
    assertThat(result.status()).isEqualTo(400);
    assertThat(result.contentType()).startsWith("application/problem+json");
    assertThat(result.body().toString()).contains("\"" + parameter + "\"");
  }
}
