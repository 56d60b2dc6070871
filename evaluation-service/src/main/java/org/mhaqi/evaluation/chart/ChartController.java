package org.mhaqi.evaluation.chart;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.YearMonth;
import java.util.Set;
import org.mhaqi.evaluation.analysis.web.SeriesRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Analysis")
class ChartController {

  static final String SVG = "image/svg+xml";

  private final SvgCharts charts;

  ChartController(SvgCharts charts) {
    this.charts = charts;
  }

  @PostMapping(path = "/api/analysis/spc/chart.svg", produces = SVG)
  @Operation(
      summary = "Draw a series as an SVG chart",
      description =
          "The body of POST /api/analysis/spc: an XmR chart under making-data-count, a run chart"
              + " under ihi-run-chart. Points labelled by month from firstMonth (yyyy-MM) when"
              + " given, numbered otherwise.")
  ResponseEntity<String> chart(
      @Valid @RequestBody SeriesRequest request,
      @Parameter(description = "month of the first value, e.g. 2024-04")
          @RequestParam(required = false)
          YearMonth firstMonth,
      @Parameter(description = "the chart's title") @RequestParam(required = false) String title) {
    String svg =
        switch (request.ruleSet()) {
          case MAKING_DATA_COUNT ->
              charts.xmr(
                  title == null ? "XmR chart (making-data-count)" : title,
                  request.xmr(),
                  request.target(),
                  firstMonth,
                  Set.of());
          case IHI_RUN_CHART ->
              charts.runChart(
                  title == null ? "Run chart (ihi-run-chart)" : title,
                  request.runChart(),
                  firstMonth,
                  Set.of());
        };
    return ResponseEntity.ok().contentType(MediaType.valueOf(SVG)).body(svg);
  }
}
