package org.mhaqi.evaluation.analysis.spc;

/** Making Data Count's assurance icon: P, F or ? against the target. */
public enum AssuranceIcon {
  /** The process will consistently meet the target. */
  PASS("pass"),
  /** The process will consistently fail it. */
  FAIL("fail"),
  /** The target lies within the limits: the process will sometimes meet it, sometimes not. */
  HIT_AND_MISS("hit-and-miss");

  private final String wireName;

  AssuranceIcon(String wireName) {
    this.wireName = wireName;
  }

  /** How the API, the reports and the events spell it, e.g. {@code hit-and-miss}. */
  public String wireName() {
    return wireName;
  }

  /** The icon of an assurance verdict; null without one (no target, or no direction). */
  public static AssuranceIcon of(Assurance assurance) {
    if (assurance == null) {
      return null;
    }
    return switch (assurance) {
      case CONSISTENTLY_PASS -> PASS;
      case CONSISTENTLY_FAIL -> FAIL;
      case HIT_AND_MISS -> HIT_AND_MISS;
    };
  }
}
