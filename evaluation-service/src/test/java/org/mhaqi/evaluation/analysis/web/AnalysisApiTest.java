package org.mhaqi.evaluation.analysis.web;

import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mhaqi.support.web.ProblemHandling;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The JSON contract of the analysis API as issue 7 fixes it, and its answers to bad input. */
// The controller's input and answers only: who may call it is proved over real HTTP with tokens
// (EvaluationAccessIT); the resource server's chain needs the platform's security configuration.
@WebMvcTest(
    controllers = AnalysisController.class,
    excludeAutoConfiguration = OAuth2ResourceServerAutoConfiguration.class)
@Import(ProblemHandling.class)
class AnalysisApiTest {

  /** XmrAnalysisTest's hand-worked series: mean 11, MR-bar 1, limits 13.66 and 8.34. */
  static final String BASELINE = "[10, 11, 12, 11, 10, 11, 12, 11, 10, 11, 12, 11]";

  @Autowired MockMvc mvc;

  ResultActions post(String path, String body) throws Exception {
    return mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  ResultActions spc(String body) throws Exception {
    return post("/api/analysis/spc", body);
  }

  @Test
  void answersAnXmrAnalysisUnderMakingDataCount() throws Exception {
    spc("""
        {"values": %s, "improvement": "increase", "target": 14, "ruleSet": "making-data-count"}
        """
            .formatted(BASELINE))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.ruleSet").value("making-data-count"))
        .andExpect(jsonPath("$.mean").value(11.0))
        .andExpect(jsonPath("$.upperProcessLimit").value(13.66))
        .andExpect(jsonPath("$.lowerProcessLimit").value(8.34))
        .andExpect(jsonPath("$.trial").value(false))
        .andExpect(jsonPath("$.points", hasSize(12)))
        .andExpect(jsonPath("$.points[0].value").value(10.0))
        .andExpect(jsonPath("$.points[*].variation", everyItem(is("common_cause"))))
        .andExpect(jsonPath("$.variation").value("common_cause"))
        // 14 lies above the upper limit 13.66: higher is better, so the target is never met
        .andExpect(jsonPath("$.assurance").value("consistently_fail"))
        .andExpect(jsonPath("$.variationIcon").value("common-cause"))
        .andExpect(jsonPath("$.assuranceIcon").value("fail"));
  }

  @Test
  void spellsSpecialCausesAndTrialLimitsAsTheContractDoes() throws Exception {
    // 11 points: trial limits. A constant 5 then 9: mean (10 x 5 + 9) / 11 = 5.363636,
    // MR-bar 4 / 10 = 0.4, upper limit 5.363636 + 1.064 = 6.427636: 9 is above it.
    spc("""
        {"values": [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9], "improvement": "decrease",
         "ruleSet": "making-data-count"}
        """)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.trial").value(true))
        .andExpect(jsonPath("$.upperProcessLimit", closeTo(6.427636, 1e-6)))
        .andExpect(jsonPath("$.points[10].variation").value("special_cause_concern"))
        .andExpect(jsonPath("$.variation").value("special_cause_concern"))
        .andExpect(jsonPath("$.variationIcon").value("concern-high"))
        .andExpect(jsonPath("$.assurance", nullValue()))
        .andExpect(jsonPath("$.assuranceIcon", nullValue()));
    spc("""
        {"values": [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9], "improvement": "increase", "target": 1,
         "ruleSet": "making-data-count"}
        """)
        .andExpect(jsonPath("$.variation").value("special_cause_improvement"))
        .andExpect(jsonPath("$.variationIcon").value("improvement-high"))
        .andExpect(jsonPath("$.assurance").value("consistently_pass"))
        .andExpect(jsonPath("$.assuranceIcon").value("pass"));
    spc("""
        {"values": [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 9], "improvement": "neither", "target": 1,
         "ruleSet": "making-data-count"}
        """)
        .andExpect(jsonPath("$.variation").value("special_cause_neutral"))
        .andExpect(jsonPath("$.variationIcon").value("neither-high"))
        .andExpect(jsonPath("$.assurance", nullValue()));
    spc("""
        {"values": [1, 2, 3], "improvement": "increase", "target": 2,
         "ruleSet": "making-data-count"}
        """)
        .andExpect(jsonPath("$.assurance").value("hit_and_miss"))
        .andExpect(jsonPath("$.assuranceIcon").value("hit-and-miss"));
  }

  @Test
  void answersARunChartUnderIhiRunChart() throws Exception {
    // median (2 + 8) / 2 = 5; 6 points below, 6 above: 2 shifts, 2 runs (too few for 12)
    spc("""
        {"values": [1, 2, 1, 2, 1, 2, 9, 8, 9, 8, 9, 8], "improvement": "decrease",
         "target": null, "ruleSet": "ihi-run-chart"}
        """)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ruleSet").value("ihi-run-chart"))
        .andExpect(jsonPath("$.median").value(5.0))
        .andExpect(jsonPath("$.points", hasSize(12)))
        .andExpect(jsonPath("$.points[0].value").value(1.0))
        .andExpect(jsonPath("$.points[*].shift", everyItem(is(true))))
        .andExpect(jsonPath("$.points[*].trend", everyItem(is(false))))
        .andExpect(jsonPath("$.usefulObservations").value(12))
        .andExpect(jsonPath("$.runs").value(2))
        .andExpect(jsonPath("$.runsSignal").value("too_few"));
  }

  @Test
  void answersARateRatioWithItsInterval() throws Exception {
    // RateRatioTest: (30/1000)/(10/1000) = 3, CI 1.466563 to 6.136798
    post(
            "/api/analysis/rate-ratio",
            """
        {"group": {"events": 30, "population": 1000},
         "reference": {"events": 10, "population": 1000}}
        """)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rateRatio", closeTo(3.0, 1e-12)))
        .andExpect(jsonPath("$.lower95", closeTo(1.466563, 1e-6)))
        .andExpect(jsonPath("$.upper95", closeTo(6.136798, 1e-6)));
  }

  @Test
  void aGroupWithoutEventsHasARatioOfZeroAndNoInterval() throws Exception {
    post(
            "/api/analysis/rate-ratio",
            """
        {"group": {"events": 0, "population": 1000},
         "reference": {"events": 10, "population": 1000}}
        """)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rateRatio").value(0.0))
        .andExpect(jsonPath("$.lower95", nullValue()))
        .andExpect(jsonPath("$.upper95", nullValue()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          an empty series        | {"values": [], "improvement": "increase", "ruleSet": "making-data-count"}                  | values
          no series              | {"improvement": "increase", "ruleSet": "making-data-count"}                                | values
          a word in the series   | {"values": [1, "two"], "improvement": "increase", "ruleSet": "making-data-count"}          | values[1]
          a null in the series   | {"values": [1, null], "improvement": "increase", "ruleSet": "making-data-count"}           | values[1]
          NaN in the series      | {"values": [1, "NaN"], "improvement": "increase", "ruleSet": "ihi-run-chart"}              | values[1]
          an object in the series| {"values": [1, {"a": 1}], "improvement": "increase", "ruleSet": "making-data-count"}       | values[1]
          a missing ruleSet      | {"values": [1, 2], "improvement": "increase"}                                              | ruleSet
          an unknown ruleSet     | {"values": [1, 2], "improvement": "increase", "ruleSet": "shewhart"}                       | ruleSet
          a missing improvement  | {"values": [1, 2], "ruleSet": "making-data-count"}                                         | improvement
          an unknown improvement | {"values": [1, 2], "improvement": "up", "ruleSet": "making-data-count"}                    | improvement
          a word as target       | {"values": [1, 2], "improvement": "increase", "target": "high", "ruleSet": "making-data-count"}  | target
          an unknown field       | {"values": [1, 2], "improvement": "increase", "ruleSet": "making-data-count", "x": 1}      | x
          """)
  void refusesABadSeriesNamingTheField(String why, String body, String field) throws Exception {
    spc(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.field").value(field));
  }

  @Test
  void refusesASingleValueForXmrButDrawsItsRunChart() throws Exception {
    spc("""
        {"values": [3], "improvement": "increase", "ruleSet": "making-data-count"}
        """)
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.field").value("values"));
    spc("""
        {"values": [3], "improvement": "increase", "ruleSet": "ihi-run-chart"}
        """)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.median").value(3.0));
  }

  @Test
  void refusesMalformedJson() throws Exception {
    spc("{\"values\": [1, 2")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a negative population  | {"group": {"events": 1, "population": -5}, "reference": {"events": 1, "population": 10}} | group.population
          a zero population      | {"group": {"events": 1, "population": 10}, "reference": {"events": 1, "population": 0}}  | reference.population
          a negative count       | {"group": {"events": 1, "population": 10}, "reference": {"events": -1, "population": 10}} | reference.events
          a fractional count     | {"group": {"events": 2.5, "population": 10}, "reference": {"events": 1, "population": 10}} | group.events
          a missing count        | {"group": {"population": 10}, "reference": {"events": 1, "population": 10}}              | group.events
          a missing group        | {"reference": {"events": 1, "population": 10}}                                           | group
          a word as population   | {"group": {"events": 1, "population": "many"}, "reference": {"events": 1, "population": 10}} | group.population
          """)
  void refusesBadCountsNamingTheField(String why, String body, String field) throws Exception {
    post("/api/analysis/rate-ratio", body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.field").value(field));
  }
}
