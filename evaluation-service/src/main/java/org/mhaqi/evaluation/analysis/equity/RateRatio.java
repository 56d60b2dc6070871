package org.mhaqi.evaluation.analysis.equity;

/**
 * The rate ratio of a group against a reference group, RR = (a / Pa) / (b / Pb), with the 95%
 * confidence interval exp(ln RR +/- 1.96 sqrt(1/a + 1/b)).
 *
 * <p>Zero counts: with no events in the group (a = 0) the ratio is 0 but the interval is undefined
 * (its log-normal approximation needs ln RR and 1/a), so both bounds are null rather than a
 * misleading [0, 0]. With no events in the reference group (b = 0) the ratio itself is undefined (a
 * division by a zero rate), so all three are null. A reader sees "not estimable" instead of a
 * number the data cannot support. Populations must be positive: a rate over nobody is meaningless.
 *
 * @param rateRatio the ratio, null when the reference group has no events
 * @param lower95 the lower bound of the 95% confidence interval, null when either count is 0
 * @param upper95 the upper bound, null when either count is 0
 */
public record RateRatio(Double rateRatio, Double lower95, Double upper95) {

  /** The normal quantile for a two-sided 95% interval. */
  static final double Z_95 = 1.96;

  /**
   * @param groupEvents a, the group's events
   * @param groupPopulation Pa, the group's population (people, or occupied bed days)
   * @param referenceEvents b, the reference group's events
   * @param referencePopulation Pb, the reference group's population
   * @throws IllegalArgumentException for a negative count or a population that is not positive
   */
  public static RateRatio of(
      long groupEvents, double groupPopulation, long referenceEvents, double referencePopulation) {
    requireCount("group events", groupEvents);
    requireCount("reference events", referenceEvents);
    requirePopulation("group population", groupPopulation);
    requirePopulation("reference population", referencePopulation);
    if (referenceEvents == 0) {
      return new RateRatio(null, null, null);
    }
    double ratio = (groupEvents / groupPopulation) / (referenceEvents / referencePopulation);
    if (groupEvents == 0) {
      return new RateRatio(ratio, null, null);
    }
    double halfWidth = Z_95 * Math.sqrt(1.0 / groupEvents + 1.0 / referenceEvents);
    double logRatio = Math.log(ratio);
    return new RateRatio(ratio, Math.exp(logRatio - halfWidth), Math.exp(logRatio + halfWidth));
  }

  private static void requireCount(String name, long count) {
    if (count < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + count);
    }
  }

  private static void requirePopulation(String name, double population) {
    if (!(population > 0) || Double.isInfinite(population)) {
      throw new IllegalArgumentException(name + " must be a positive number: " + population);
    }
  }
}
