package org.mhaqi.evaluation.analysis.runchart;

/**
 * The expected range of the number of runs.
 *
 * @param lower fewer runs than this are too few
 * @param upper more runs than this are too many
 */
public record RunsLimits(int lower, int upper) {

  /** The signal for {@code runs} crossings of the median plus one, or null when it is in range. */
  public RunsSignal signal(int runs) {
    if (runs < lower) {
      return RunsSignal.TOO_FEW;
    }
    if (runs > upper) {
      return RunsSignal.TOO_MANY;
    }
    return null;
  }
}
