package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhaqi.local.DemoData;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.mhaqi.testing.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The run command's demo data, loaded through the real API: the wider phase fills up. */
class DemoDataIT extends ServiceIntegrationTest {

  @LocalServerPort int port;

  @Test
  void theDemoFillsTheWiderPhaseAndWaitlistsTheRest() throws Exception {
    DemoData loader = new DemoData(URI.create("http://127.0.0.1:" + port), TestTokens::admin);
    assertThat(loader.alreadyLoaded()).isFalse();

    loader.load();

    assertThat(loader.alreadyLoaded()).isTrue();
    Map<String, JsonNode> occupancy = new HashMap<>();
    JsonNode programmes = api.get("/api/programmes?size=1").expect(200).body();
    int pages = programmes.path("page").path("totalPages").asInt();
    for (int page = 0; page < pages; page++) {
      for (JsonNode programme :
          api.get("/api/programmes?size=1&page=" + page).expect(200).body().path("content")) {
        if (programme.path("name").asString().equals("Mental Health Act QI Programme")) {
          for (JsonNode phase : programme.path("phases")) {
            occupancy.put(
                phase.path("kind").asString(),
                api.get("/api/phases/" + phase.path("id").asString()).expect(200).body());
          }
        }
      }
    }
    JsonNode wider = occupancy.get("WIDER_IMPLEMENTATION");
    assertThat(wider.path("capacity").asInt()).isEqualTo(37);
    assertThat(wider.path("enrollments").path("ENROLLED").asInt()).isEqualTo(37);
    assertThat(wider.path("enrollments").path("WAITLISTED").asInt()).isPositive();
    assertThat(wider.path("enrollments").path("DECLINED").asInt()).isPositive();
    JsonNode pilot = occupancy.get("PILOT");
    assertThat(pilot.path("enrollments").path("ENROLLED").asInt())
        .isEqualTo(pilot.path("capacity").asInt());
    JsonNode widerEnrolments =
        api.get("/api/enrollments?size=200&phaseId=" + wider.path("phaseId").asString())
            .expect(200)
            .body()
            .path("content");
    assertThat(widerEnrolments.valueStream().filter(e -> !e.path("carriedOverFrom").isNull()))
        .as("pilot interest carried over")
        .isNotEmpty();
  }
}
