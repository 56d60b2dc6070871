package org.mhaqi.console.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mhaqi.console.fake.ServicesSliceTest;

/** The analyst's reports against evaluation-service's fixed JSON, CSV and SVG. */
class AnalysisPagesTest extends ServicesSliceTest {

  private static final String PHASE = "00000000-0000-0000-0000-0000000000a1";
  private static final String WIDER = "00000000-0000-0000-0000-0000000000a2";

  @Test
  void aPhaseReportShowsEachMeasuresVerdictsEquityAndEvaluationsChart() throws Exception {
    ENROLLMENT.json("GET /api/phases/" + PHASE, 200, "{\"name\":\"Pilot\"}");
    EVALUATION.json(
        "GET /api/reports/phases/" + PHASE,
        200,
        """
        {"scope":{"phaseId":"%s"},"phaseKind":"PILOT","returns":{"owed":40,"outstanding":6,"overdue":2},
         "measures":[{"code":"RESTRICTIVE_INTERVENTIONS","name":"Restrictive interventions",
           "months":[{"month":"2026-07","value":3.0},{"month":"2026-10","value":3.25}],
           "centre":3.1,"variation":"COMMON_CAUSE",
           "equity":[{"group":"BLACK_OR_BLACK_BRITISH","events":12,"population":310,
             "rateRatio":2.1,"lower95":1.2,"upper95":3.6,"suppressed":false},
             {"group":"MIXED","events":"*","population":40,"suppressed":true}]}]}"""
            .formatted(PHASE));

    mvc.perform(get("/analysis/phases/" + PHASE).with(ANALYST))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Pilot"),
                        containsString("Restrictive interventions"),
                        containsString("3.25 (October 2026)"),
                        containsString("Common cause"),
                        containsString("Black or Black British"),
                        containsString("1.20 to 3.60"),
                        containsString("Withheld: small numbers"),
                        containsString(
                            "/analysis/phases/"
                                + PHASE
                                + "/measures/RESTRICTIVE_INTERVENTIONS/chart.svg"),
                        containsString("/analysis/phases/" + PHASE + "/summary.csv"))));
  }

  @Test
  void theChartIsEvaluationsOwnSvgRelayedWithTheUsersToken() throws Exception {
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Run chart</title></svg>";
    EVALUATION.answer(
        "GET /reports/phases/" + PHASE + "/measures/RESTRICTIVE_INTERVENTIONS/chart.svg",
        200,
        "image/svg+xml",
        svg);

    mvc.perform(
            get("/analysis/phases/" + PHASE + "/measures/RESTRICTIVE_INTERVENTIONS/chart.svg")
                .with(ANALYST))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", containsString("image/svg+xml")))
        .andExpect(content().string(svg));
    assertThat(EVALUATION.requests())
        .singleElement()
        .satisfies(r -> assertThat(r.authorization()).startsWith("Bearer "));
  }

  @Test
  void aCsvDownloadIsEvaluationsFileAsAnAttachment() throws Exception {
    EVALUATION.answer(
        "GET /api/reports/phases/" + PHASE + "/summary.csv",
        200,
        "text/csv",
        "measure_code,month,value\nRESTRICTIVE_INTERVENTIONS,2026-10,3.25\n");

    mvc.perform(get("/analysis/phases/" + PHASE + "/summary.csv").with(ANALYST))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", containsString("attachment")))
        .andExpect(content().string(containsString("RESTRICTIVE_INTERVENTIONS,2026-10,3.25")));
  }

  @Test
  void aDownloadEvaluationCannotGiveIsAPageThatSaysSo() throws Exception {
    EVALUATION.json("GET /api/reports/phases/" + PHASE + "/returns.csv", 503, "{}");

    mvc.perform(get("/analysis/phases/" + PHASE + "/returns.csv").with(ANALYST))
        .andExpect(status().isServiceUnavailable())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Download not available"),
                        containsString("the evaluation service is not working"))));
  }

  @Test
  void pilotAgainstWiderPutsEachMeasuresPhasesSideBySide() throws Exception {
    ENROLLMENT
        .json("GET /api/phases/" + PHASE, 200, "{\"name\":\"Pilot\"}")
        .json("GET /api/phases/" + WIDER, 200, "{\"name\":\"Wave 2\"}");
    EVALUATION.json(
        "GET /api/reports/pilot-vs-wider",
        200,
        """
        {"measures":[{"code":"RESTRICTIVE_INTERVENTIONS","name":"Restrictive interventions",
          "pilot":[{"phaseId":"%s","centre":3.1,"variation":"COMMON_CAUSE","months":4}],
          "wider":[{"phaseId":"%s","centre":2.5,"variation":"SPECIAL_CAUSE_IMPROVEMENT","months":6}]}]}"""
            .formatted(PHASE, WIDER));

    mvc.perform(get("/analysis/pilot-against-wider").with(ANALYST))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Restrictive interventions"),
                        containsString("Pilot: Centre 3.10, common cause (4 months)"),
                        containsString(
                            "Wave 2: Centre 2.50, special cause improvement (6 months)"))));
  }
}
