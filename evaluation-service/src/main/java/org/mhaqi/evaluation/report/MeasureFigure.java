package org.mhaqi.evaluation.report;

import java.util.Optional;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.suppression.Suppression;

/** A month's figure of a measure in its unit, and whether it may be published. */
final class MeasureFigure {

  private MeasureFigure() {}

  /**
   * A rate per 1,000, a percentage, a mean, or the count itself; empty when the denominator is 0
   * (no bed days, no admissions: nothing to plot).
   */
  static Optional<Double> of(Measure.Unit unit, long numerator, long denominator) {
    if (unit == Measure.Unit.COUNT) {
      return Optional.of((double) numerator);
    }
    if (denominator == 0) {
      return Optional.empty();
    }
    double ratio = (double) numerator / denominator;
    return Optional.of(
        switch (unit) {
          case RATE_PER_1000_OCCUPIED_BED_DAYS -> ratio * 1000;
          case PERCENTAGE -> ratio * 100;
          default -> ratio;
        });
  }

  /**
   * Whether the figure is withheld: a count under the minimum, or a ratio (rate, percentage, mean)
   * whose numerator or denominator is too small.
   */
  static boolean suppressed(
      Suppression suppression, Measure.Unit unit, long numerator, long denominator) {
    return unit == Measure.Unit.COUNT
        ? suppression.suppressesCount(numerator)
        : suppression.suppressesRate(numerator, denominator);
  }
}
