package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.suppression.Suppression;
import org.mhaqi.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The analysis API and the suppression settings in the whole service. A context of its own: the
 * suppression threshold it sets would change every other test's figures.
 */
@TestPropertySource(properties = "mhaqi.evaluation.suppression.minimum-count=10")
class AnalysisIT extends EvaluationIntegrationTest {

  @Autowired Suppression suppression;

  @Test
  void suppressionThresholdsComeFromConfigurationWithTheDefaultsForTheRest() {
    // minimum count set to 10 here; rounding and the rate thresholds keep their defaults
    assertThat(suppression.count(9)).isEqualTo("*");
    assertThat(suppression.count(12)).isEqualTo("10");
    assertThat(suppression.suppressesRate(5, 99)).isTrue();
    assertThat(suppression.suppressesRate(5, 100)).isFalse();
  }

  @Test
  void analysesASeriesThroughTheRunningService() {
    JsonNode analysis =
        api.post(
                "/api/analysis/spc",
                """
                {"values": [10, 11, 12, 11, 10, 11, 12, 11, 10, 11, 12, 11],
                 "improvement": "decrease", "target": 8, "ruleSet": "making-data-count"}
                """)
            .expect(200)
            .body();
    assertThat(analysis.path("mean").asDouble()).isEqualTo(11.0);
    assertThat(analysis.path("assurance").asString()).isEqualTo("consistently_fail");
    // Lower is better and 8 lies below the lower limit 8.34: never met.
    assertThat(analysis.path("assuranceIcon").asString()).isEqualTo("fail");
    assertThat(analysis.path("variationIcon").asString()).isEqualTo("common-cause");

    Api.Response chart =
        api.post(
                "/api/analysis/spc/chart.svg",
                """
                {"values": [1, 2, 3], "improvement": "increase", "ruleSet": "ihi-run-chart"}
                """)
            .expect(200);
    assertThat(chart.contentType()).startsWith("image/svg+xml");
    assertThat(chart.body().asString()).contains("<svg");
  }

  @Test
  void documentsTheAnalysisApi() {
    JsonNode paths = api.get("/v3/api-docs").expect(200).body().path("paths");

    assertThat(paths.has("/api/analysis/spc")).isTrue();
    assertThat(paths.has("/api/analysis/rate-ratio")).isTrue();
    assertThat(paths.has("/api/analysis/spc/chart.svg")).isTrue();
  }
}
