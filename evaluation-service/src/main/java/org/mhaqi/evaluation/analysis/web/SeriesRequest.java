package org.mhaqi.evaluation.analysis.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.mhaqi.evaluation.analysis.runchart.RunChartAnalysis;
import org.mhaqi.evaluation.analysis.runchart.RunChartResult;
import org.mhaqi.evaluation.analysis.spc.Improvement;
import org.mhaqi.evaluation.analysis.spc.XmrAnalysis;
import org.mhaqi.evaluation.analysis.spc.XmrResult;
import org.mhaqi.support.web.RuleViolationException;

/**
 * A series to analyse, as issue 7 fixes it: {@code {"values", "improvement", "target", "ruleSet"}}.
 * Also the body of the chart endpoint.
 */
public record SeriesRequest(
    @Schema(description = "the series in time order", example = "[10, 11, 12, 11, 10, 11]")
        @NotEmpty
        List<@NotNull @Finite Double> values,
    @NotNull Direction improvement,
    @Schema(description = "the target, or null", nullable = true) @Finite Double target,
    @NotNull RuleSet ruleSet) {

  /** The XmR analysis of the series, refusing one too short for a moving range (a 422). */
  public XmrResult xmr() {
    if (values.size() < 2) {
      throw RuleViolationException.unprocessable(
          "too-few-values", "values", "at least 2 values are needed for a moving range");
    }
    return XmrAnalysis.analyse(values, improvement.improvement(), target);
  }

  /** The run chart of the series. */
  public RunChartResult runChart() {
    return RunChartAnalysis.analyse(values);
  }

  /** Which way is better, as the API spells it. */
  public enum Direction {
    @JsonProperty("increase")
    INCREASE(Improvement.INCREASE),
    @JsonProperty("decrease")
    DECREASE(Improvement.DECREASE),
    @JsonProperty("neither")
    NEITHER(Improvement.NEITHER);

    private final Improvement improvement;

    Direction(Improvement improvement) {
      this.improvement = improvement;
    }

    public Improvement improvement() {
      return improvement;
    }

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The named rule sets a series can be analysed under. */
  public enum RuleSet {
    @JsonProperty(XmrAnalysis.RULE_SET)
    MAKING_DATA_COUNT(XmrAnalysis.RULE_SET),
    @JsonProperty(RunChartAnalysis.RULE_SET)
    IHI_RUN_CHART(RunChartAnalysis.RULE_SET);

    private final String wireName;

    RuleSet(String wireName) {
      this.wireName = wireName;
    }

    @Override
    public String toString() {
      return wireName;
    }
  }
}
