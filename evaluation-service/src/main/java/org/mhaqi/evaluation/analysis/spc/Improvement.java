package org.mhaqi.evaluation.analysis.spc;

/** Which way a measure must move to count as an improvement. */
public enum Improvement {
  INCREASE(1),
  DECREASE(-1),
  /** No direction is better: special causes are neutral and there is no assurance verdict. */
  NEITHER(0);

  private final int sign;

  Improvement(int sign) {
    this.sign = sign;
  }

  /** +1 when higher is better, -1 when lower is better, 0 when neither. */
  public int sign() {
    return sign;
  }
}
