package org.mhaqi.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.mhaqi.support.web.ProblemHandling;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Element;

// The controller's input and answers only: who may call it is proved over real HTTP with tokens
// (EvaluationAccessIT); the resource server's chain needs the platform's security configuration.
@WebMvcTest(
    controllers = ChartController.class,
    excludeAutoConfiguration = OAuth2ResourceServerAutoConfiguration.class)
@Import({ProblemHandling.class, SvgCharts.class})
class ChartApiTest {

  @Autowired MockMvc mvc;

  @Test
  void drawsThePostedSeriesAsAnXmrChart() throws Exception {
    String svg =
        mvc.perform(
                post("/api/analysis/spc/chart.svg?firstMonth=2024-04&title=Seclusion")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept("image/svg+xml")
                    .content(
                        """
                        {"values": [10, 11, 12, 11, 10, 11, 12, 11, 10, 11, 12, 11, 20],
                         "improvement": "decrease", "target": 9, "ruleSet": "making-data-count"}
                        """))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("image/svg+xml"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    Svg parsed = Svg.parse(svg);
    assertThat(parsed.elements("circle")).hasSize(13);
    assertThat(parsed.withClass("line", "target")).hasSize(1);
    assertThat(parsed.withClass("text", "chart-title").get(0).getTextContent())
        .isEqualTo("Seclusion");
    assertThat(parsed.withClass("text", "x-label"))
        .extracting(Element::getTextContent)
        .startsWith("Apr 2024");
  }

  @Test
  void drawsARunChartUnderIhiRunChart() throws Exception {
    String svg =
        mvc.perform(
                post("/api/analysis/spc/chart.svg")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        """
                        {"values": [1, 2, 3, 4, 5], "improvement": "neither", "ruleSet": "ihi-run-chart"}
                        """))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Svg.parse(svg).withClass("circle", "signal")).hasSize(5);
  }

  @Test
  void refusesAnEmptySeriesAsProblemJsonEvenWhenAskedForSvg() throws Exception {
    mvc.perform(
            post("/api/analysis/spc/chart.svg")
                .contentType(MediaType.APPLICATION_JSON)
                .accept("image/svg+xml")
                .content(
                    """
                    {"values": [], "improvement": "increase", "ruleSet": "making-data-count"}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.field").value("values"));
  }

  @Test
  void refusesAMalformedFirstMonth() throws Exception {
    mvc.perform(
            post("/api/analysis/spc/chart.svg?firstMonth=April")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"values": [1, 2], "improvement": "increase", "ruleSet": "making-data-count"}
                    """))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("firstMonth"));
  }
}
