package org.mhaqi.evaluation.analysis.runchart;

import java.util.List;

/**
 * A run chart under the rule set {@value RunChartAnalysis#RULE_SET}.
 *
 * @param ruleSet the rule set that produced it
 * @param median the centre line
 * @param points every point with its signals
 * @param usefulObservations points not on the median
 * @param runs runs of useful observations on one side of the median (0 when there are none)
 * @param runsLimits the runs table's limits, null outside its 10 to 60 useful observations
 * @param runsSignal too few or too many runs, null when in range or untested
 */
public record RunChartResult(
    String ruleSet,
    double median,
    List<RunChartPoint> points,
    int usefulObservations,
    int runs,
    RunsLimits runsLimits,
    RunsSignal runsSignal) {

  public RunChartResult {
    points = List.copyOf(points);
  }
}
