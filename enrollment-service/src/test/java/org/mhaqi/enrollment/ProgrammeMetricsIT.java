package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.PrometheusText;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The programme dashboard's enrolment figures, read from /actuator/prometheus as Prometheus scrapes
 * them, move with admissions: enrolled, waitlisted, capacity and places left.
 */
class ProgrammeMetricsIT extends ServiceIntegrationTest {

  private static final String WIDER = "WIDER_IMPLEMENTATION";

  @LocalServerPort int port;

  @Test
  void admissionsMoveEnrolmentsWaitlistAndPlacesLeft() {
    Scenario scenario = new Scenario(new Api(port));
    PrometheusText before = PrometheusText.scrape(port);
    assertThat(
            before.find(
                "programme_places_left", "phase", WIDER, "application", "enrollment-service"))
        .as("every phase kind is there from the start, tagged with the application")
        .hasSize(1);

    String phase = scenario.widerPhase(scenario.programme(), 2);
    for (int i = 0; i < 3; i++) {
      scenario.admit(scenario.committedEnrollment(phase));
    }

    Awaitility.await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              PrometheusText after = PrometheusText.scrape(port);
              assertThat(delta(before, after, "programme_places", "phase", WIDER)).isEqualTo(2);
              assertThat(delta(before, after, "programme_places_left", "phase", WIDER))
                  .isEqualTo(0);
              assertThat(
                      delta(
                          before,
                          after,
                          "programme_enrollments",
                          "phase",
                          WIDER,
                          "status",
                          "ENROLLED"))
                  .isEqualTo(2);
              assertThat(
                      delta(
                          before,
                          after,
                          "programme_enrollments",
                          "phase",
                          WIDER,
                          "status",
                          "WAITLISTED"))
                  .isEqualTo(1);
            });
  }

  @Test
  void httpRequestsHaveLatencyBuckets() {
    new Api(port).get("/api/programmes").expect(200);

    assertThat(
            PrometheusText.scrape(port)
                .find("http_server_requests_seconds_bucket", "uri", "/api/programmes"))
        .as("a histogram, so dashboards can take quantiles across instances")
        .isNotEmpty();
  }

  private static double delta(
      PrometheusText before, PrometheusText after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
