package org.mhaqi.evaluation.report;

import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.suppression.Suppression;

/**
 * Whether a month's figure of a measure may be published (the figure itself: {@link
 * Measure.Unit#figure}).
 */
final class MeasureFigure {

  private MeasureFigure() {}

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
