package org.mhaqi.evaluation.analysis.spc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import org.mhaqi.evaluation.analysis.SeriesValues;

/**
 * Making Data Count XmR analysis: mean, moving ranges, process limits, the four special-cause rules
 * and the verdicts, as NHS England's Making Data Count describes them and NHSRplotthedots computes
 * them (without its optional screening of large moving ranges, which the programme does not use).
 *
 * <p>Arithmetic is decimal, so a value exactly on a limit (mean + 2.66 x MR-bar) or near-limit
 * (mean + 1.773 x MR-bar) line is on it, not a rounding error away: on a line is not beyond it.
 */
public final class XmrAnalysis {

  /** The name recorded with every result of this analysis. */
  public static final String RULE_SET = "making-data-count";

  /** Fewer baseline points than this give trial limits. */
  public static final int POINTS_FOR_FIRM_LIMITS = 12;

  /** Consecutive points rising, falling, or on one side of the mean that make a signal. */
  public static final int RUN_LENGTH = 7;

  static final BigDecimal PROCESS_LIMIT_FACTOR = new BigDecimal("2.66");
  static final BigDecimal NEAR_LIMIT_FACTOR = new BigDecimal("1.773");

  private static final MathContext DECIMAL = MathContext.DECIMAL64;

  private XmrAnalysis() {}

  /** Analyses a whole series with one set of limits computed from all of its points. */
  public static XmrResult analyse(List<Double> values, Improvement improvement, Double target) {
    return analyse(values, improvement, target, XmrOptions.DEFAULT);
  }

  /**
   * Analyses a series with limits from a baseline and/or rebased at given points.
   *
   * @throws IllegalArgumentException for an empty series, a missing or non-finite value, a segment
   *     with fewer than 2 points, or rebase points out of order or out of range
   */
  public static XmrResult analyse(
      List<Double> values, Improvement improvement, Double target, XmrOptions options) {
    if (improvement == null) {
      throw new IllegalArgumentException("improvement is required");
    }
    List<BigDecimal> series = SeriesValues.decimals(values);
    List<Integer> starts = segmentStarts(options.rebaseAt(), series.size());
    List<XmrLimits> segments = new ArrayList<>();
    List<XmrPoint> points = new ArrayList<>();
    for (int s = 0; s < starts.size(); s++) {
      int from = starts.get(s);
      int to = s + 1 < starts.size() ? starts.get(s + 1) : series.size();
      Segment segment = new Segment(series.subList(from, to), from, options.baselinePoints());
      segments.add(segment.limits());
      int[] directions = segment.specialCauseDirections();
      SpecialCauseRule[] rules = segment.rules();
      for (int i = 0; i < directions.length; i++) {
        points.add(
            new XmrPoint(
                series.get(from + i).doubleValue(),
                Variation.of(directions[i], improvement),
                rules[i],
                s,
                directions[i]));
      }
    }
    XmrLimits current = segments.get(segments.size() - 1);
    return new XmrResult(
        RULE_SET,
        segments,
        points,
        points.get(points.size() - 1).variation(),
        Assurance.of(
            target, improvement, current.lowerProcessLimit(), current.upperProcessLimit()));
  }

  private static List<Integer> segmentStarts(List<Integer> rebaseAt, int size) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int index : rebaseAt) {
      int previous = starts.get(starts.size() - 1);
      if (index <= previous || index >= size) {
        throw new IllegalArgumentException(
            "rebase point " + index + " must follow " + previous + " and lie inside the series");
      }
      starts.add(index);
    }
    return starts;
  }

  /** One run of points sharing limits. */
  private static final class Segment {

    private final List<BigDecimal> values;
    private final int size;
    private final BigDecimal mean;
    private final BigDecimal upper;
    private final BigDecimal lower;
    private final BigDecimal nearUpper;
    private final BigDecimal nearLower;
    private final XmrLimits limits;
    private final int[] side;
    private final SpecialCauseRule[] rules;

    Segment(List<BigDecimal> values, int offset, Integer baselinePoints) {
      this.values = values;
      this.size = values.size();
      if (size < 2) {
        throw new IllegalArgumentException(
            "the segment starting at point " + offset + " has fewer than 2 points");
      }
      int baseline = baselinePoints == null ? size : Math.min(baselinePoints, size);
      BigDecimal sum = BigDecimal.ZERO;
      BigDecimal rangeSum = BigDecimal.ZERO;
      for (int i = 0; i < baseline; i++) {
        sum = sum.add(values.get(i));
        if (i > 0) {
          rangeSum = rangeSum.add(values.get(i).subtract(values.get(i - 1)).abs());
        }
      }
      mean = sum.divide(BigDecimal.valueOf(baseline), DECIMAL);
      BigDecimal meanMovingRange = rangeSum.divide(BigDecimal.valueOf(baseline - 1), DECIMAL);
      BigDecimal processWidth = meanMovingRange.multiply(PROCESS_LIMIT_FACTOR);
      BigDecimal nearWidth = meanMovingRange.multiply(NEAR_LIMIT_FACTOR);
      upper = mean.add(processWidth);
      lower = mean.subtract(processWidth);
      nearUpper = mean.add(nearWidth);
      nearLower = mean.subtract(nearWidth);
      limits =
          new XmrLimits(
              offset,
              offset + size - 1,
              baseline,
              mean.doubleValue(),
              meanMovingRange.doubleValue(),
              upper.doubleValue(),
              lower.doubleValue(),
              nearUpper.doubleValue(),
              nearLower.doubleValue(),
              baseline < POINTS_FOR_FIRM_LIMITS);
      side = new int[size];
      for (int i = 0; i < size; i++) {
        side[i] = values.get(i).compareTo(mean);
      }
      rules = new SpecialCauseRule[size];
    }

    XmrLimits limits() {
      return limits;
    }

    SpecialCauseRule[] rules() {
      return rules;
    }

    /** +1 or -1 for each special-cause point by the rules' precedence, 0 for common cause. */
    int[] specialCauseDirections() {
      int[] trend = trendDirections();
      boolean[] twoOfThree = twoOfThreeNearLimit();
      boolean[] run = runOnOneSide();
      int[] direction = new int[size];
      for (int i = 0; i < size; i++) {
        if (outside(i)) {
          rules[i] = SpecialCauseRule.OUTSIDE_LIMITS;
          direction[i] = side[i];
        } else if (trend[i] != 0) {
          rules[i] = SpecialCauseRule.TREND;
          direction[i] = trend[i];
        } else if (twoOfThree[i]) {
          rules[i] = SpecialCauseRule.TWO_OF_THREE_NEAR_LIMIT;
          direction[i] = side[i];
        } else if (run[i]) {
          rules[i] = SpecialCauseRule.RUN_ON_ONE_SIDE;
          direction[i] = side[i];
        }
      }
      return direction;
    }

    private boolean outside(int i) {
      return values.get(i).compareTo(upper) > 0 || values.get(i).compareTo(lower) < 0;
    }

    private boolean nearOrBeyond(int i) {
      return values.get(i).compareTo(nearUpper) > 0 || values.get(i).compareTo(nearLower) < 0;
    }

    /**
     * The direction of the trend each point belongs to: 7 or more points each above (or each below)
     * the one before; a tie ends the trend. A turning point shared by a rising and a falling trend
     * takes the later one's direction, as NHSRplotthedots does.
     */
    private int[] trendDirections() {
      int[] trend = new int[size];
      int i = 1;
      while (i < size) {
        int direction = step(i);
        if (direction == 0) {
          i++;
          continue;
        }
        int first = i - 1;
        int last = i;
        while (last + 1 < size && step(last + 1) == direction) {
          last++;
        }
        if (last - first + 1 >= RUN_LENGTH) {
          for (int j = first; j <= last; j++) {
            trend[j] = direction;
          }
        }
        i = last + 1;
      }
      return trend;
    }

    private int step(int i) {
      return values.get(i).compareTo(values.get(i - 1));
    }

    /**
     * Points near or beyond a limit in a window of 3 consecutive points that are all on one side of
     * the mean and of which at least 2 are near or beyond a limit.
     */
    private boolean[] twoOfThreeNearLimit() {
      boolean[] flagged = new boolean[size];
      for (int k = 0; k + 2 < size; k++) {
        boolean oneSide = side[k] != 0 && side[k] == side[k + 1] && side[k] == side[k + 2];
        int near = 0;
        for (int i = k; i <= k + 2; i++) {
          near += nearOrBeyond(i) ? 1 : 0;
        }
        if (oneSide && near >= 2) {
          for (int i = k; i <= k + 2; i++) {
            flagged[i] |= nearOrBeyond(i);
          }
        }
      }
      return flagged;
    }

    /** Points in a run of 7 or more on one side of the mean; a point on the mean ends a run. */
    private boolean[] runOnOneSide() {
      boolean[] flagged = new boolean[size];
      int start = 0;
      for (int i = 1; i <= size; i++) {
        if (i == size || side[i] != side[start]) {
          if (side[start] != 0 && i - start >= RUN_LENGTH) {
            for (int j = start; j < i; j++) {
              flagged[j] = true;
            }
          }
          start = i;
        }
      }
      return flagged;
    }
  }
}
