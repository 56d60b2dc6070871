package org.mhaqi.evaluation.analysis.spc;

/** Whether the process, as its limits describe it, will meet a target. */
public enum Assurance {
  /** The target lies outside the limits on the side the process always meets. */
  CONSISTENTLY_PASS,
  /** The target lies outside the limits on the side the process never reaches. */
  CONSISTENTLY_FAIL,
  /** The target lies on or between the limits: some months pass, some fail. */
  HIT_AND_MISS;

  /**
   * The verdict for {@code target} against the limits; null without a target or a direction, since
   * neither side of a target is then better.
   */
  static Assurance of(
      Double target, Improvement improvement, double lowerLimit, double upperLimit) {
    if (target == null || improvement == Improvement.NEITHER) {
      return null;
    }
    boolean higherIsBetter = improvement == Improvement.INCREASE;
    if (target > upperLimit) {
      return higherIsBetter ? CONSISTENTLY_FAIL : CONSISTENTLY_PASS;
    }
    if (target < lowerLimit) {
      return higherIsBetter ? CONSISTENTLY_PASS : CONSISTENTLY_FAIL;
    }
    return HIT_AND_MISS;
  }
}
