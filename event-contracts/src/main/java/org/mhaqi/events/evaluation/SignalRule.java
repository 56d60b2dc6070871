package org.mhaqi.events.evaluation;

/**
 * The Making Data Count special-cause rule that flagged a point, in the precedence that decides its
 * direction.
 */
public enum SignalRule {
  /** Above the upper or below the lower process limit. */
  OUTSIDE_LIMITS,
  /** Part of 7 or more consecutive rising or falling points. */
  TREND,
  /** 2 of 3 consecutive points near or beyond a limit, all on one side of the mean. */
  TWO_OF_THREE_NEAR_LIMIT,
  /** Part of 7 or more consecutive points on one side of the mean. */
  RUN_ON_ONE_SIDE
}
