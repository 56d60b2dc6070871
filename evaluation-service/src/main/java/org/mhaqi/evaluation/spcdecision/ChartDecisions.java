package org.mhaqi.evaluation.spcdecision;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mhaqi.evaluation.analysis.spc.XmrOptions;
import org.mhaqi.evaluation.spcdecision.SpcDecision.Kind;

/**
 * The standing decisions of one chart, turned into the XmR options of a monthly series: the latest
 * baseline decision fixes the limits on its months and extends them; each rebase starts new limits
 * at the first month of the series on or after it.
 *
 * @param baselineUntil the last month of the baseline, or null for limits from every point
 * @param rebaseFrom the first months of new limits, in order
 */
public record ChartDecisions(YearMonth baselineUntil, List<YearMonth> rebaseFrom) {

  public static final ChartDecisions NONE = new ChartDecisions(null, List.of());

  public ChartDecisions {
    rebaseFrom = rebaseFrom.stream().distinct().sorted().toList();
  }

  /** The standing ones of these decisions (any order; withdrawn ones are ignored). */
  public static ChartDecisions of(Collection<SpcDecision> decisions) {
    Optional<SpcDecision> baseline =
        decisions.stream()
            .filter(SpcDecision::standing)
            .filter(d -> d.kind() == Kind.BASELINE)
            .max(Comparator.comparing(SpcDecision::recordedAt));
    List<YearMonth> rebases =
        decisions.stream()
            .filter(SpcDecision::standing)
            .filter(d -> d.kind() == Kind.REBASE)
            .map(SpcDecision::month)
            .toList();
    return new ChartDecisions(baseline.map(SpcDecision::month).orElse(null), rebases);
  }

  /**
   * The options for a series of these months (in order). Every segment keeps at least 2 points: a
   * rebase that would leave fewer on either side is left out. Once a rebase applies it supersedes
   * the baseline (the new limits come from the whole new segment); a baseline of fewer than 2
   * months of the series is left out too.
   */
  public XmrOptions optionsFor(List<YearMonth> months) {
    List<Integer> rebaseAt = new ArrayList<>();
    int segmentStart = 0;
    for (YearMonth from : rebaseFrom) {
      int index = firstIndexOnOrAfter(months, from);
      if (index - segmentStart >= 2 && months.size() - index >= 2) {
        rebaseAt.add(index);
        segmentStart = index;
      }
    }
    Integer baselinePoints = null;
    if (baselineUntil != null && rebaseAt.isEmpty()) {
      int points = (int) months.stream().filter(m -> !m.isAfter(baselineUntil)).count();
      if (points >= 2) {
        baselinePoints = points;
      }
    }
    return new XmrOptions(baselinePoints, rebaseAt);
  }

  private static int firstIndexOnOrAfter(List<YearMonth> months, YearMonth month) {
    for (int i = 0; i < months.size(); i++) {
      if (!months.get(i).isBefore(month)) {
        return i;
      }
    }
    return months.size();
  }
}
