package org.mhaqi.evaluation.datareturn;

import java.time.YearMonth;
import java.util.List;

/**
 * A monthly return as submitted, before it is checked: JSON and CSV both come down to this.
 *
 * @param correctionReason null for a first return; why the earlier version was wrong for a
 *     correction
 * @param strata the counts per stratum, in the order they came
 * @param row the CSV row of the return's first row, or null for JSON
 */
record ReturnSubmission(
    String measureCode,
    YearMonth month,
    boolean correction,
    String correctionReason,
    List<StratumCount> strata,
    Integer row) {

  ReturnSubmission {
    strata = List.copyOf(strata);
  }

  /**
   * The counts of one stratum.
   *
   * @param row the CSV row it came from, or null for JSON
   */
  record StratumCount(String code, long numerator, long denominator, Integer row) {}
}
