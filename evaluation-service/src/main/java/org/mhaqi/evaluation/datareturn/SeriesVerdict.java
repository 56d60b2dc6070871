package org.mhaqi.evaluation.datareturn;

import org.mhaqi.evaluation.analysis.spc.VariationIcon;

/**
 * What a service's SPC chart of a measure says about the months since a given one (e.g. since a
 * change idea started): the whole series judged by Making Data Count's XmR rules, read from that
 * month on.
 *
 * @param monthsSince plotted months from that month on
 * @param improvementMonths of those, months flagged as a special cause of improvement
 * @param concernMonths of those, months flagged as a special cause of concern
 * @param variationIcon the series' icon (its last month's), spelt as the API spells it
 * @param trialLimits whether the limits are trial limits (fewer than 12 points)
 */
public record SeriesVerdict(
    String measureCode,
    int monthsSince,
    int improvementMonths,
    int concernMonths,
    String variationIcon,
    boolean trialLimits) {

  static SeriesVerdict of(
      String measureCode,
      int monthsSince,
      int improvementMonths,
      int concernMonths,
      VariationIcon icon,
      boolean trialLimits) {
    return new SeriesVerdict(
        measureCode, monthsSince, improvementMonths, concernMonths, icon.wireName(), trialLimits);
  }
}
