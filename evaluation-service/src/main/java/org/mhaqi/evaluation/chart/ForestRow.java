package org.mhaqi.evaluation.chart;

/**
 * One group of a forest plot: its rate ratio and 95% interval, or why none is drawn.
 *
 * @param group the group's name in plain English
 * @param ratio the rate ratio, null when withheld or not estimable
 * @param lower95 the interval's lower end, null when withheld or not estimable
 * @param upper95 the interval's upper end, null when withheld or not estimable
 * @param suppressed whether small-number suppression withholds the ratio
 */
public record ForestRow(
    String group, Double ratio, Double lower95, Double upper95, boolean suppressed) {

  /** Only a positive ratio with both ends of its interval has a place on a log scale. */
  boolean drawn() {
    return !suppressed
        && ratio != null
        && lower95 != null
        && upper95 != null
        && lower95 > 0
        && ratio > 0;
  }

  /** Why the row has no marker: the words written in its place. */
  String withheldReason() {
    return suppressed ? "Suppressed (small numbers)" : "Not estimable";
  }
}
