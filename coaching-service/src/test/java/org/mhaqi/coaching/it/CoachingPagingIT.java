package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.it.EnrollmentEventsIT.list;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
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
            "/api/coaches/" + session.get("coachId").asString() + "/sessions",
            "/api/sessions/" + session.get("id").asString() + "/history")) {
      JsonNode page = read(get(path));
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
    JsonNode ofPhase = read(get("/api/plans").param("phaseId", plan.get("phaseId").asString()));
    assertThat(ofPhase.get("page").get("totalElements").asInt()).isEqualTo(1);
    assertThat(ofPhase.get("content").get(0).get("id")).isEqualTo(plan.get("id"));
    assertThat(ofPhase.get("content").get(0).path("sessions").isArray()).isFalse();
  }

  @Test
  void pagesFollowOneStableOrderWithoutGapsOrRepeats() {
    JsonNode whole = read(get("/api/coaches").param("size", "200"));
    long total = whole.get("page").get("totalElements").asLong();
    assertThat(total).isGreaterThan(6).isLessThanOrEqualTo(200);

    List<String> paged = new ArrayList<>();
    int pages = (int) Math.ceil(total / 3.0);
    for (int number = 0; number < pages; number++) {
      JsonNode page = read(get("/api/coaches").param("page", "" + number).param("size", "3"));
      assertThat(page.get("page").get("number").asInt()).isEqualTo(number);
      assertThat(page.get("page").get("totalPages").asInt()).isEqualTo(pages);
      list(page.get("content")).forEach(c -> paged.add(c.get("id").asString()));
    }

    List<String> all =
        list(whole.get("content")).stream().map(c -> c.get("id").asString()).toList();
    assertThat(paged).hasSize((int) total).doesNotHaveDuplicates().isEqualTo(all);
    assertThat(new HashSet<>(paged)).hasSize((int) total);
    assertThat(read(get("/api/coaches").param("page", "" + pages)).get("content")).isEmpty();
  }

  @Test
  void aSizeAbove200ANegativePageOrASortAreBadRequestsNamingTheParameter() throws Exception {
    assertRefused(get("/api/coaches").param("size", "201"), "size");
    assertRefused(get("/api/plans").param("size", "0"), "size");
    assertRefused(get("/api/sessions/unstaffed").param("page", "-1"), "page");
    assertRefused(get("/api/plans").param("sort", "createdAt,desc"), "sort");
    assertThat(read(get("/api/coaches").param("size", "200")).get("page").get("size").asInt())
        .isEqualTo(200);
  }

  private void assertRefused(MockHttpServletRequestBuilder request, String parameter)
      throws Exception {
    MvcResult result = mvc.perform(request).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
    assertThat(json.readTree(result.getResponse().getContentAsString()).toString())
        .contains("\"" + parameter + "\"");
  }
}
