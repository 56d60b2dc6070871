package org.mhaqi.evaluation.analysis.spc;

/** Making Data Count's variation verdict for one point (and, for the last point, a series). */
public enum Variation {
  COMMON_CAUSE,
  SPECIAL_CAUSE_IMPROVEMENT,
  SPECIAL_CAUSE_CONCERN,
  /** A special cause on a measure whose improvement is "neither". */
  SPECIAL_CAUSE_NEUTRAL;

  public boolean isSpecialCause() {
    return this != COMMON_CAUSE;
  }

  /** The verdict for a special cause pointing {@code direction} (+1 up, -1 down). */
  static Variation of(int direction, Improvement improvement) {
    if (direction == 0) {
      return COMMON_CAUSE;
    }
    if (improvement.sign() == 0) {
      return SPECIAL_CAUSE_NEUTRAL;
    }
    return direction == improvement.sign() ? SPECIAL_CAUSE_IMPROVEMENT : SPECIAL_CAUSE_CONCERN;
  }
}
