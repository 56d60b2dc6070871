package org.mhaqi.evaluation.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.suppression.Suppression;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The analysis API and the suppression settings in the whole service, against a real PostgreSQL and
 * a real Kafka broker.
 */
@SpringBootTest(properties = "mhaqi.evaluation.suppression.minimum-count=10")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = RealInfrastructure.class)
class AnalysisIT {

  @Autowired MockMvc mvc;
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
  void analysesASeriesThroughTheRunningService() throws Exception {
    mvc.perform(
            post("/api/analysis/spc")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"values": [10, 11, 12, 11, 10, 11, 12, 11, 10, 11, 12, 11],
                     "improvement": "decrease", "target": 8, "ruleSet": "making-data-count"}
                    """))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mean").value(11.0))
        .andExpect(jsonPath("$.assurance").value("consistently_fail"));
    mvc.perform(
            post("/api/analysis/spc/chart.svg")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"values": [1, 2, 3], "improvement": "increase", "ruleSet": "ihi-run-chart"}
                    """))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
  }

  @Test
  void documentsTheAnalysisApi() throws Exception {
    mvc.perform(get("/v3/api-docs"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paths['/api/analysis/spc']").exists())
        .andExpect(jsonPath("$.paths['/api/analysis/rate-ratio']").exists())
        .andExpect(jsonPath("$.paths['/api/analysis/spc/chart.svg']").exists());
  }
}
