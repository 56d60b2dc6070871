package org.mhaqi.evaluation.analysis.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.mhaqi.evaluation.analysis.equity.RateRatio;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analysis")
@Tag(name = "Analysis")
class AnalysisController {

  @PostMapping("/spc")
  @Operation(
      summary = "Analyse a series as an SPC chart",
      description =
          "Under making-data-count: XmR mean, process limits (trial below 12 points), each"
              + " point's variation, the series' variation (its last point's) and assurance against"
              + " the target. Under ihi-run-chart: median, shifts, trends and the runs test.")
  SpcAnswer spc(@Valid @RequestBody SeriesRequest request) {
    return analyse(request);
  }

  @PostMapping("/rate-ratio")
  @Operation(
      summary = "Rate ratio of a group against a reference group, with its 95% CI",
      description =
          "RR = (a/Pa)/(b/Pb), CI exp(ln RR +/- 1.96 sqrt(1/a + 1/b)). No events in the group: RR"
              + " 0 and no interval (null bounds). No events in the reference group: all null.")
  RateRatio rateRatio(@Valid @RequestBody RateRatioRequest request) {
    return RateRatio.of(
        request.group().events().longValueExact(),
        request.group().population(),
        request.reference().events().longValueExact(),
        request.reference().population());
  }

  /** The analysis of a validated series under its rule set. */
  static SpcAnswer analyse(SeriesRequest request) {
    return switch (request.ruleSet()) {
      case MAKING_DATA_COUNT -> SpcAnswer.Xmr.of(request.xmr());
      case IHI_RUN_CHART -> SpcAnswer.RunChart.of(request.runChart());
    };
  }
}
