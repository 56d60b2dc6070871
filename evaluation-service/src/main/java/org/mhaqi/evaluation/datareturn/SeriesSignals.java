package org.mhaqi.evaluation.datareturn;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.mhaqi.evaluation.analysis.spc.AssuranceIcon;
import org.mhaqi.evaluation.analysis.spc.Improvement;
import org.mhaqi.evaluation.analysis.spc.SpecialCauseRule;
import org.mhaqi.evaluation.analysis.spc.Variation;
import org.mhaqi.evaluation.analysis.spc.VariationIcon;
import org.mhaqi.evaluation.analysis.spc.XmrAnalysis;
import org.mhaqi.evaluation.analysis.spc.XmrPoint;
import org.mhaqi.evaluation.analysis.spc.XmrResult;
import org.mhaqi.evaluation.measure.Measure;

/**
 * Whether a return made a new special cause appear on a service's monthly series of a measure: the
 * whole-service figure of each month (the strata summed, latest version), judged by Making Data
 * Count's XmR rules over the whole series before and after the return.
 */
final class SeriesSignals {

  /** A month's whole-service counts: every stratum of the latest version summed. */
  record MonthlyCounts(YearMonth month, long numerator, long denominator) {}

  /**
   * Months the return newly flagged.
   *
   * @param month the latest of them
   * @param rule and variation: that month's
   * @param trialLimits whether the limits are trial limits
   * @param variationIcon the series' icon after the return (its last month's)
   * @param assuranceIcon against the target; null without one
   */
  record Signal(
      YearMonth month,
      SpecialCauseRule rule,
      Variation variation,
      List<YearMonth> flaggedMonths,
      boolean trialLimits,
      VariationIcon variationIcon,
      AssuranceIcon assuranceIcon) {}

  private SeriesSignals() {}

  /** The special causes of {@code after} that {@code before} did not have, if any. */
  static Optional<Signal> newSignal(
      Measure measure, List<MonthlyCounts> before, List<MonthlyCounts> after) {
    return newSignal(measure, before, after, null);
  }

  /** The same, with the series' assurance against the target that applies (null for none). */
  static Optional<Signal> newSignal(
      Measure measure, List<MonthlyCounts> before, List<MonthlyCounts> after, Double target) {
    Map<YearMonth, XmrPoint> flaggedBefore = flagged(measure, before);
    Map<YearMonth, XmrPoint> flaggedAfter = flagged(measure, after);
    Set<YearMonth> fresh = new TreeSet<>();
    for (var entry : flaggedAfter.entrySet()) {
      XmrPoint previous = flaggedBefore.get(entry.getKey());
      if (previous == null || previous.variation() != entry.getValue().variation()) {
        fresh.add(entry.getKey());
      }
    }
    if (fresh.isEmpty()) {
      return Optional.empty();
    }
    YearMonth latest = ((TreeSet<YearMonth>) fresh).last();
    XmrPoint point = flaggedAfter.get(latest);
    // A flagged month means at least 2 plotted points: there is an analysis.
    XmrResult series = analyse(measure, after, target).orElseThrow();
    return Optional.of(
        new Signal(
            latest,
            point.rule(),
            point.variation(),
            List.copyOf(fresh),
            series.currentLimits().trial(),
            series.variationIcon(),
            series.assuranceIcon()));
  }

  /**
   * The series' verdict on the months from {@code from} on: empty without a plotted month since
   * then or without the 2 points an XmR chart needs.
   */
  static Optional<SeriesVerdict> since(
      Measure measure, List<MonthlyCounts> series, YearMonth from) {
    List<YearMonth> months = plotted(measure, series).months();
    Optional<XmrResult> analysed = analyse(measure, series, null);
    if (analysed.isEmpty() || months.get(months.size() - 1).isBefore(from)) {
      return Optional.empty();
    }
    XmrResult result = analysed.get();
    int since = 0;
    int improvement = 0;
    int concern = 0;
    for (int i = 0; i < months.size(); i++) {
      if (months.get(i).isBefore(from)) {
        continue;
      }
      since++;
      Variation variation = result.points().get(i).variation();
      if (variation == Variation.SPECIAL_CAUSE_IMPROVEMENT) {
        improvement++;
      } else if (variation == Variation.SPECIAL_CAUSE_CONCERN) {
        concern++;
      }
    }
    return Optional.of(
        SeriesVerdict.of(
            measure.code(),
            since,
            improvement,
            concern,
            result.variationIcon(),
            result.currentLimits().trial()));
  }

  private static Map<YearMonth, XmrPoint> flagged(Measure measure, List<MonthlyCounts> series) {
    Map<YearMonth, XmrPoint> flagged = new LinkedHashMap<>();
    List<YearMonth> months = plotted(measure, series).months();
    analyse(measure, series, null)
        .ifPresent(
            result -> {
              for (int i = 0; i < result.points().size(); i++) {
                if (result.points().get(i).variation().isSpecialCause()) {
                  flagged.put(months.get(i), result.points().get(i));
                }
              }
            });
    return flagged;
  }

  private record Plotted(List<YearMonth> months, List<Double> values) {}

  private static Plotted plotted(Measure measure, List<MonthlyCounts> series) {
    List<YearMonth> months = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (MonthlyCounts m : series) {
      measure
          .unit()
          .figure(m.numerator(), m.denominator())
          .ifPresent(
              value -> {
                months.add(m.month());
                values.add(value);
              });
    }
    return new Plotted(months, values);
  }

  private static Optional<XmrResult> analyse(
      Measure measure, List<MonthlyCounts> series, Double target) {
    Plotted plotted = plotted(measure, series);
    if (plotted.values().size() < 2) {
      return Optional.empty();
    }
    return Optional.of(
        XmrAnalysis.analyse(
            plotted.values(), Improvement.valueOf(measure.improvement().name()), target));
  }
}
