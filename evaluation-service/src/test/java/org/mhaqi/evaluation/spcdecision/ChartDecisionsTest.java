package org.mhaqi.evaluation.spcdecision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.analysis.spc.XmrOptions;
import org.mhaqi.evaluation.spcdecision.SpcDecision.Kind;

class ChartDecisionsTest {

  static final YearMonth JAN = YearMonth.of(2026, 1);

  /** Twelve months from January 2026. */
  static final List<YearMonth> YEAR = months(JAN, 12);

  static List<YearMonth> months(YearMonth first, int count) {
    List<YearMonth> months = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      months.add(first.plusMonths(i));
    }
    return months;
  }

  static SpcDecision decision(Kind kind, YearMonth month, long recordedAt, boolean withdrawn) {
    return new SpcDecision(
        UUID.randomUUID(),
        UUID.randomUUID(),
        "RESTRICTIVE_INTERVENTIONS",
        kind,
        month,
        "why",
        "analyst",
        Instant.ofEpochSecond(recordedAt),
        withdrawn ? "analyst" : null,
        withdrawn ? Instant.ofEpochSecond(recordedAt + 1) : null);
  }

  @Test
  void theLatestStandingBaselineAndEveryStandingRebaseApply() {
    ChartDecisions d =
        ChartDecisions.of(
            List.of(
                decision(Kind.BASELINE, JAN.plusMonths(5), 3, false),
                decision(Kind.BASELINE, JAN.plusMonths(3), 2, false),
                decision(Kind.BASELINE, JAN.plusMonths(8), 9, true),
                decision(Kind.REBASE, JAN.plusMonths(9), 4, false),
                decision(Kind.REBASE, JAN.plusMonths(6), 5, false),
                decision(Kind.REBASE, JAN.plusMonths(2), 6, true)));

    assertThat(d.baselineUntil()).isEqualTo(JAN.plusMonths(5));
    assertThat(d.rebaseFrom()).containsExactly(JAN.plusMonths(6), JAN.plusMonths(9));
  }

  @Test
  void aBaselineCountsTheMonthsOfTheSeriesUpToItsMonth() {
    // Baseline until April: January to April are 4 points.
    assertThat(new ChartDecisions(JAN.plusMonths(3), List.of()).optionsFor(YEAR))
        .isEqualTo(new XmrOptions(4, List.of()));
    // A gap: with February and March missing, January and April are 2 points.
    List<YearMonth> gappy = new ArrayList<>(YEAR);
    gappy.remove(JAN.plusMonths(1));
    gappy.remove(JAN.plusMonths(2));
    assertThat(new ChartDecisions(JAN.plusMonths(3), List.of()).optionsFor(gappy))
        .isEqualTo(new XmrOptions(2, List.of()));
  }

  @Test
  void aBaselineOfFewerThanTwoMonthsOfTheSeriesIsLeftOut() {
    assertThat(new ChartDecisions(JAN, List.of()).optionsFor(YEAR)).isEqualTo(XmrOptions.DEFAULT);
    assertThat(new ChartDecisions(JAN.minusMonths(1), List.of()).optionsFor(YEAR))
        .isEqualTo(XmrOptions.DEFAULT);
  }

  @Test
  void aRebaseStartsAtTheFirstMonthOnOrAfterItAndSupersedesTheBaseline() {
    List<YearMonth> gappy = new ArrayList<>(YEAR);
    gappy.remove(JAN.plusMonths(4)); // May missing: a rebase from May starts at June, index 4
    ChartDecisions d = new ChartDecisions(JAN.plusMonths(2), List.of(JAN.plusMonths(4)));

    assertThat(d.optionsFor(gappy)).isEqualTo(new XmrOptions(null, List.of(4)));
  }

  @Test
  void noSegmentIsLeftWithFewerThanTwoPoints() {
    // February (index 1) would leave January alone; December (index 11) would stand alone; a
    // rebase in July right after one in June would leave June alone.
    ChartDecisions d =
        new ChartDecisions(
            null,
            List.of(
                JAN.plusMonths(1),
                JAN.plusMonths(5),
                JAN.plusMonths(6),
                JAN.plusMonths(9),
                JAN.plusMonths(11),
                JAN.plusMonths(14)));

    assertThat(d.optionsFor(YEAR)).isEqualTo(new XmrOptions(null, List.of(5, 9)));
    assertThat(new ChartDecisions(null, List.of(JAN.plusMonths(2))).optionsFor(YEAR))
        .isEqualTo(new XmrOptions(null, List.of(2)));
    assertThat(new ChartDecisions(null, List.of(JAN.plusMonths(10))).optionsFor(YEAR))
        .isEqualTo(new XmrOptions(null, List.of(10)));
  }
}
