package org.mhaqi.evaluation.analysis.runchart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.mhaqi.evaluation.analysis.SeriesValues;

/**
 * IHI run chart rules as Perla, Provost and Murray (2011) give them: the median as centre line; a
 * shift is 6 or more consecutive points on one side of it (points on the median neither count nor
 * break it); a trend is 5 or more consecutive rises or falls (repeated values count once); too few
 * or too many runs against {@link RunsTable}.
 */
public final class RunChartAnalysis {

  /** The name recorded with every result of this analysis. */
  public static final String RULE_SET = "ihi-run-chart";

  /** Points on one side of the median that make a shift. */
  public static final int SHIFT_LENGTH = 6;

  /** Distinct consecutive rising or falling values that make a trend. */
  public static final int TREND_LENGTH = 5;

  private RunChartAnalysis() {}

  /**
   * @throws IllegalArgumentException for an empty series or a missing or non-finite value
   */
  public static RunChartResult analyse(List<Double> values) {
    List<BigDecimal> series = SeriesValues.decimals(values);
    BigDecimal median = median(series);
    int[] side = new int[series.size()];
    for (int i = 0; i < side.length; i++) {
      side[i] = series.get(i).compareTo(median);
    }
    boolean[] shift = shifts(side);
    boolean[] trend = trends(series);
    List<RunChartPoint> points = new ArrayList<>();
    for (int i = 0; i < side.length; i++) {
      points.add(new RunChartPoint(series.get(i).doubleValue(), shift[i], trend[i]));
    }
    int useful = 0;
    int runs = 0;
    int previousSide = 0;
    for (int s : side) {
      if (s != 0) {
        useful++;
        runs += s != previousSide ? 1 : 0;
        previousSide = s;
      }
    }
    RunsLimits limits = RunsTable.limitsFor(useful).orElse(null);
    return new RunChartResult(
        RULE_SET,
        median.doubleValue(),
        points,
        useful,
        runs,
        limits,
        limits == null ? null : limits.signal(runs));
  }

  static BigDecimal median(List<BigDecimal> values) {
    List<BigDecimal> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    if (sorted.size() % 2 == 1) {
      return sorted.get(middle);
    }
    return sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2));
  }

  /** Points in 6 or more consecutive useful observations on one side; the median skipped. */
  private static boolean[] shifts(int[] side) {
    boolean[] shift = new boolean[side.length];
    List<Integer> run = new ArrayList<>();
    int runSide = 0;
    for (int i = 0; i <= side.length; i++) {
      if (i < side.length && side[i] == 0) {
        continue;
      }
      if (i == side.length || side[i] != runSide) {
        if (run.size() >= SHIFT_LENGTH) {
          run.forEach(j -> shift[j] = true);
        }
        run.clear();
        runSide = i < side.length ? side[i] : 0;
      }
      run.add(i);
    }
    return shift;
  }

  /**
   * Points in 5 or more distinct values each above (or each below) the one before; a repeated value
   * counts once and its repeats belong to the trend (so a repeat at a turning point belongs to both
   * trends).
   */
  private static boolean[] trends(List<BigDecimal> series) {
    // blocks of repeated values: first and last index of each
    List<int[]> blocks = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      if (i > 0 && series.get(i).compareTo(series.get(i - 1)) == 0) {
        blocks.get(blocks.size() - 1)[1] = i;
      } else {
        blocks.add(new int[] {i, i});
      }
    }
    boolean[] trend = new boolean[series.size()];
    int b = 1;
    while (b < blocks.size()) {
      int direction = compare(series, blocks, b);
      int first = b - 1;
      int last = b;
      while (last + 1 < blocks.size() && compare(series, blocks, last + 1) == direction) {
        last++;
      }
      if (last - first + 1 >= TREND_LENGTH) {
        for (int i = blocks.get(first)[0]; i <= blocks.get(last)[1]; i++) {
          trend[i] = true;
        }
      }
      b = last + 1;
    }
    return trend;
  }

  /** The direction from block {@code b - 1} to block {@code b}: never 0, as blocks differ. */
  private static int compare(List<BigDecimal> series, List<int[]> blocks, int b) {
    return series.get(blocks.get(b)[0]).compareTo(series.get(blocks.get(b - 1)[0]));
  }
}
