package org.mhaqi.evaluation.datareturn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.analysis.spc.AssuranceIcon;
import org.mhaqi.evaluation.analysis.spc.SpecialCauseRule;
import org.mhaqi.evaluation.analysis.spc.Variation;
import org.mhaqi.evaluation.analysis.spc.VariationIcon;
import org.mhaqi.evaluation.datareturn.SeriesSignals.MonthlyCounts;
import org.mhaqi.evaluation.datareturn.SeriesSignals.Signal;
import org.mhaqi.evaluation.measure.Measure;

class SeriesSignalsTest {

  static final Measure RESTRAINT = ReturnRulesTest.RESTRAINT;
  static final YearMonth FIRST = YearMonth.of(2024, 4);

  /** Months from April 2024 with these restraints over 1,000 bed days: the rate is the count. */
  static List<MonthlyCounts> series(long... restraints) {
    List<MonthlyCounts> months = new ArrayList<>();
    for (int i = 0; i < restraints.length; i++) {
      months.add(new MonthlyCounts(FIRST.plusMonths(i), restraints[i], 1000));
    }
    return months;
  }

  @Test
  void theVerdictSinceAMonthCountsItsSpecialCausesAndCarriesTheSeriesIcon() {
    // The run of seven low months below (an improvement for restraint) starts in the seventh
    // month; counted from the ninth, five of them lie in the window.
    List<MonthlyCounts> series = series(15, 19, 15, 18, 16, 19, 12, 9, 13, 10, 12, 9, 11);

    assertThat(SeriesSignals.since(RESTRAINT, series, FIRST.plusMonths(8)))
        .contains(
            new SeriesVerdict("RESTRICTIVE_INTERVENTIONS", 5, 5, 0, "improvement-low", false));
    assertThat(SeriesSignals.since(RESTRAINT, series, FIRST))
        .map(SeriesVerdict::monthsSince)
        .contains(13);
    assertThat(SeriesSignals.since(RESTRAINT, series, FIRST.plusMonths(12)))
        .map(SeriesVerdict::monthsSince)
        .contains(1);
  }

  @Test
  void aConcernSinceTheMonthIsCountedAsOne() {
    List<MonthlyCounts> series = series(10, 12, 11, 13, 10, 12, 30);

    assertThat(SeriesSignals.since(RESTRAINT, series, FIRST.plusMonths(5)))
        .contains(new SeriesVerdict("RESTRICTIVE_INTERVENTIONS", 2, 0, 1, "concern-high", true));
  }

  @Test
  void noVerdictWithoutAMonthSinceOrWithoutTwoPoints() {
    assertThat(SeriesSignals.since(RESTRAINT, series(10, 12, 11), FIRST.plusMonths(3))).isEmpty();
    assertThat(SeriesSignals.since(RESTRAINT, series(10), FIRST)).isEmpty();
    assertThat(SeriesSignals.since(RESTRAINT, series(10, 12), FIRST.plusMonths(1)))
        .map(SeriesVerdict::variationIcon)
        .contains("common-cause");
  }

  @Test
  void aPointAboveTheUpperLimitIsANewConcernWhenLowerIsBetter() {
    // Before: 10, 12, 11, 13, 10, 12, all common cause. After adding 30: mean 98 / 7 = 14;
    // moving ranges 2, 1, 2, 3, 2, 18, mean 28 / 6 = 4.667; upper limit 14 + 2.66 x 4.667 =
    // 26.41, and 30 is above it. Restraint should fall, so a rise is a concern; 7 points give
    // trial limits.
    List<MonthlyCounts> before = series(10, 12, 11, 13, 10, 12);
    List<MonthlyCounts> after = series(10, 12, 11, 13, 10, 12, 30);

    assertThat(SeriesSignals.newSignal(RESTRAINT, before, after))
        .contains(
            new Signal(
                FIRST.plusMonths(6),
                SpecialCauseRule.OUTSIDE_LIMITS,
                Variation.SPECIAL_CAUSE_CONCERN,
                List.of(FIRST.plusMonths(6)),
                true,
                VariationIcon.CONCERN_HIGH,
                null));
  }

  @Test
  void theSignalCarriesTheSeriesAssuranceAgainstTheTarget() {
    // The series above: mean 14, MR-bar 4.667, limits 1.59 and 26.41; lower is better.
    List<MonthlyCounts> before = series(10, 12, 11, 13, 10, 12);
    List<MonthlyCounts> after = series(10, 12, 11, 13, 10, 12, 30);

    assertThat(SeriesSignals.newSignal(RESTRAINT, before, after, 1.0))
        .map(Signal::assuranceIcon)
        .contains(AssuranceIcon.FAIL);
    assertThat(SeriesSignals.newSignal(RESTRAINT, before, after, 27.0))
        .map(Signal::assuranceIcon)
        .contains(AssuranceIcon.PASS);
    assertThat(SeriesSignals.newSignal(RESTRAINT, before, after, 14.0))
        .map(Signal::assuranceIcon)
        .contains(AssuranceIcon.HIT_AND_MISS);
  }

  @Test
  void aSeventhPointBelowTheMeanFlagsTheWholeRunAsImprovement() {
    // After: 15, 19, 15, 18, 16, 19, then 12, 9, 13, 10, 12, 9, 11. Mean 178 / 13 = 13.69; moving
    // ranges sum to 40, mean 40 / 12 = 3.33; limits 13.69 -/+ 2.66 x 3.33 = 4.83 and 22.56, near
    // limits 7.78 and 19.60: no point beyond either, no trend, but the last seven lie below the
    // mean: a run, an improvement for a measure that should fall. Before, with six low months
    // (mean 167 / 12 = 13.92), the run was one short: only the seventh return reveals it, and it
    // flags all seven months. 13 points give firm limits.
    List<MonthlyCounts> before = series(15, 19, 15, 18, 16, 19, 12, 9, 13, 10, 12, 9);
    List<MonthlyCounts> after = series(15, 19, 15, 18, 16, 19, 12, 9, 13, 10, 12, 9, 11);

    assertThat(SeriesSignals.newSignal(RESTRAINT, before, after))
        .contains(
            new Signal(
                FIRST.plusMonths(12),
                SpecialCauseRule.RUN_ON_ONE_SIDE,
                Variation.SPECIAL_CAUSE_IMPROVEMENT,
                List.of(
                    FIRST.plusMonths(6),
                    FIRST.plusMonths(7),
                    FIRST.plusMonths(8),
                    FIRST.plusMonths(9),
                    FIRST.plusMonths(10),
                    FIRST.plusMonths(11),
                    FIRST.plusMonths(12)),
                false,
                VariationIcon.IMPROVEMENT_LOW,
                null));
  }

  @Test
  void aCommonCausePointIsNoSignal() {
    assertThat(
            SeriesSignals.newSignal(
                RESTRAINT, series(10, 12, 11, 13, 10, 12), series(10, 12, 11, 13, 10, 12, 11)))
        .isEmpty();
  }

  @Test
  void aSignalAlreadyThereBeforeTheReturnIsNotNew() {
    List<MonthlyCounts> before = series(10, 12, 11, 13, 10, 12, 30);
    List<MonthlyCounts> after = new ArrayList<>(before);
    after.set(1, new MonthlyCounts(FIRST.plusMonths(1), 11, 1000));

    assertThat(SeriesSignals.newSignal(RESTRAINT, before, after)).isEmpty();
  }

  @Test
  void fewerThanTwoPlottablePointsAreNoSeries() {
    List<MonthlyCounts> withEmptyMonth =
        List.of(new MonthlyCounts(FIRST, 10, 1000), new MonthlyCounts(FIRST.plusMonths(1), 0, 0));

    assertThat(SeriesSignals.newSignal(RESTRAINT, List.of(), series(10))).isEmpty();
    assertThat(SeriesSignals.newSignal(RESTRAINT, series(10), withEmptyMonth)).isEmpty();
  }
}
