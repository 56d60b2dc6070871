package org.mhaqi.evaluation.analysis.web;

import java.util.List;
import java.util.Locale;
import org.mhaqi.evaluation.analysis.runchart.RunChartResult;
import org.mhaqi.evaluation.analysis.spc.XmrLimits;
import org.mhaqi.evaluation.analysis.spc.XmrResult;

/** The answer of {@code POST /api/analysis/spc}: its shape depends on the rule set. */
public sealed interface SpcAnswer {

  /**
   * The answer under "making-data-count"; beyond the fixed contract it adds Making Data Count's
   * icons: {@code variationIcon} (common-cause, improvement-high, ..., neither-low) and {@code
   * assuranceIcon} (pass, fail, hit-and-miss, or null without a target or a direction).
   */
  record Xmr(
      String ruleSet,
      double mean,
      double upperProcessLimit,
      double lowerProcessLimit,
      boolean trial,
      List<XmrPointView> points,
      String variation,
      String assurance,
      String variationIcon,
      String assuranceIcon)
      implements SpcAnswer {

    static Xmr of(XmrResult result) {
      XmrLimits limits = result.currentLimits();
      return new Xmr(
          result.ruleSet(),
          limits.mean(),
          limits.upperProcessLimit(),
          limits.lowerProcessLimit(),
          limits.trial(),
          result.points().stream()
              .map(p -> new XmrPointView(p.value(), wire(p.variation())))
              .toList(),
          wire(result.variation()),
          wire(result.assurance()),
          result.variationIcon().wireName(),
          result.assuranceIcon() == null ? null : result.assuranceIcon().wireName());
    }
  }

  /** One point under "making-data-count". */
  record XmrPointView(double value, String variation) {}

  /**
   * The answer under "ihi-run-chart"; beyond the fixed contract it adds the runs test: useful
   * observations (points not on the median), runs, and "too_few", "too_many" or null.
   */
  record RunChart(
      String ruleSet,
      double median,
      List<RunChartPointView> points,
      int usefulObservations,
      int runs,
      String runsSignal)
      implements SpcAnswer {

    static RunChart of(RunChartResult result) {
      return new RunChart(
          result.ruleSet(),
          result.median(),
          result.points().stream()
              .map(p -> new RunChartPointView(p.value(), p.shift(), p.trend()))
              .toList(),
          result.usefulObservations(),
          result.runs(),
          wire(result.runsSignal()));
    }
  }

  /** One point under "ihi-run-chart". */
  record RunChartPointView(double value, boolean shift, boolean trend) {}

  /** An enum as the API spells it: lower case; null stays null. */
  static String wire(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }
}
