package org.mhaqi.evaluation.analysis.spc;

import java.util.List;

/**
 * How limits are computed beyond the default (every point of an unbroken series).
 *
 * @param baselinePoints when not null, each segment's limits come from its first this-many points
 *     only, and later points are judged against them
 * @param rebaseAt indexes of the points where new limits start (a recorded rebasing decision), in
 *     increasing order; empty for none
 */
public record XmrOptions(Integer baselinePoints, List<Integer> rebaseAt) {

  public static final XmrOptions DEFAULT = new XmrOptions(null, List.of());

  public XmrOptions {
    rebaseAt = rebaseAt == null ? List.of() : List.copyOf(rebaseAt);
    if (baselinePoints != null && baselinePoints < 2) {
      throw new IllegalArgumentException(
          "a baseline needs at least 2 points for a moving range, not " + baselinePoints);
    }
  }

  public static XmrOptions baseline(int points) {
    return new XmrOptions(points, List.of());
  }

  public static XmrOptions rebasedAt(Integer... indexes) {
    return new XmrOptions(null, List.of(indexes));
  }
}
