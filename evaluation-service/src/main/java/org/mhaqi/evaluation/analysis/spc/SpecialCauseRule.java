package org.mhaqi.evaluation.analysis.spc;

/**
 * The Making Data Count special-cause rules, in the precedence that decides a flagged point's
 * direction (as NHSRplotthedots computes it).
 */
public enum SpecialCauseRule {
  /** Above the upper or below the lower process limit: the point's side of the mean. */
  OUTSIDE_LIMITS,
  /** Part of 7 or more consecutive rising or falling points (ties break it): its direction. */
  TREND,
  /** 2 of 3 consecutive points near or beyond a limit, all 3 on one side: that side. */
  TWO_OF_THREE_NEAR_LIMIT,
  /** Part of 7 or more consecutive points on one side of the mean: that side. */
  RUN_ON_ONE_SIDE
}
