package org.mhaqi.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.measure.EthnicGroup;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.spcdecision.ChartDecisions;
import org.mhaqi.evaluation.suppression.Suppression;
import org.mhaqi.events.enrollment.Region;

class MeasureReportTest {

  static final Suppression SUPPRESSION = Suppression.withDefaults();
  static final UUID SERVICE = UUID.fromString("00000000-0000-0000-0000-000000000001");
  static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-000000000002");
  static final YearMonth APRIL = YearMonth.of(2025, 4);

  static final Measure RESTRAINT =
      measure(
          "RESTRICTIVE_INTERVENTIONS",
          Measure.Unit.RATE_PER_1000_OCCUPIED_BED_DAYS,
          Measure.Improvement.DECREASE,
          Measure.Stratification.ETHNIC_CATEGORY);
  static final Measure ASSAULTS =
      measure(
          "ASSAULTS_ON_STAFF",
          Measure.Unit.RATE_PER_1000_OCCUPIED_BED_DAYS,
          Measure.Improvement.DECREASE,
          Measure.Stratification.NONE);
  static final Measure STAY =
      measure(
          "LENGTH_OF_STAY",
          Measure.Unit.MEAN_DAYS,
          Measure.Improvement.DECREASE,
          Measure.Stratification.ETHNIC_CATEGORY);

  static Measure measure(
      String code, Measure.Unit unit, Measure.Improvement up, Measure.Stratification s) {
    return new Measure(code, code, "", Measure.Type.OUTCOME, unit, up, s, "n", "d");
  }

  static StratumRow row(UUID service, YearMonth month, String stratum, long n, long d) {
    return new StratumRow(service, "RX4", Region.LONDON, "M", month, stratum, n, d);
  }

  @Test
  void equityIsTheGroupsRateOverWhitesWithTheLogNormalInterval() {
    // White (A and C) 20 + 20 events over 4,000 + 4,000 bed days: 5 per 1,000.
    // Black (M and N) 20 + 10 events over 1,000 + 1,000 bed days: 15 per 1,000.
    // RR = 15 / 5 = 3; half-width 1.96 x sqrt(1/30 + 1/40) = 1.96 x 0.2415229 = 0.4733849;
    // interval exp(ln 3 -/+ 0.4733849) = 3 x 0.622890 to 3 x 1.605419 = 1.86867 to 4.81626.
    List<StratumRow> rows =
        List.of(
            row(SERVICE, APRIL, "A", 20, 4000),
            row(SERVICE, APRIL, "M", 20, 1000),
            row(SERVICE, APRIL.plusMonths(1), "C", 20, 4000),
            row(SERVICE, APRIL.plusMonths(1), "N", 10, 1000));

    List<MeasureReport.GroupRatio> equity = MeasureReport.equity(RESTRAINT, rows, SUPPRESSION);

    assertThat(equity)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.group()).isEqualTo(EthnicGroup.BLACK_OR_BLACK_BRITISH);
              assertThat(g.rateRatio()).isCloseTo(3.0, within(1e-9));
              assertThat(g.lower95()).isCloseTo(1.86867, within(1e-5));
              assertThat(g.upper95()).isCloseTo(4.81626, within(1e-5));
              assertThat(g.events().value()).isEqualTo(30L);
              assertThat(g.population().value()).isEqualTo(2000L);
              assertThat(g.referenceEvents().value()).isEqualTo(40L);
              assertThat(g.referencePopulation().value()).isEqualTo(8000L);
              assertThat(g.suppressed()).isFalse();
            });
  }

  @Test
  void aRateRatioIsWithheldWhenEitherRateIsTooFragileToPublish() {
    // Asian: 4 events (under 5); Mixed: 5 events over 99 bed days (under 100); Other: 5 over 100.
    List<StratumRow> rows =
        List.of(
            row(SERVICE, APRIL, "A", 50, 5000),
            row(SERVICE, APRIL, "H", 4, 1000),
            row(SERVICE, APRIL, "D", 5, 99),
            row(SERVICE, APRIL, "R", 5, 100),
            row(SERVICE, APRIL, "Z", 9, 900));

    List<MeasureReport.GroupRatio> equity = MeasureReport.equity(RESTRAINT, rows, SUPPRESSION);

    assertThat(equity)
        .extracting(MeasureReport.GroupRatio::group, MeasureReport.GroupRatio::suppressed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(EthnicGroup.MIXED, true),
            org.assertj.core.groups.Tuple.tuple(EthnicGroup.ASIAN_OR_ASIAN_BRITISH, true),
            org.assertj.core.groups.Tuple.tuple(EthnicGroup.OTHER, false));
    assertThat(equity.get(0).rateRatio()).isNull();
    assertThat(equity.get(1).rateRatio()).isNull();
    assertThat(equity.get(1).lower95()).isNull();
    assertThat(equity.get(1).events().value()).as("4 is under 5").isNull();
    // Other: 5/100 against 50/5000 = 50 / 10 per 1,000 = 5.
    assertThat(equity.get(2).rateRatio()).isCloseTo(5.0, within(1e-9));
  }

  @Test
  void whiteTooSmallWithholdsEveryRatio() {
    List<StratumRow> rows =
        List.of(row(SERVICE, APRIL, "A", 4, 5000), row(SERVICE, APRIL, "M", 50, 1000));

    assertThat(MeasureReport.equity(RESTRAINT, rows, SUPPRESSION))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.suppressed()).isTrue();
              assertThat(g.rateRatio()).isNull();
              assertThat(g.upper95()).isNull();
            });
  }

  @Test
  void onlyStratifiedRatesAndPercentagesAreComparedBetweenGroups() {
    List<StratumRow> rows =
        List.of(row(SERVICE, APRIL, "A", 500, 50), row(SERVICE, APRIL, "M", 500, 50));

    assertThat(MeasureReport.comparesGroups(RESTRAINT)).isTrue();
    assertThat(
            MeasureReport.comparesGroups(
                measure(
                    "DETENTIONS",
                    Measure.Unit.PERCENTAGE,
                    Measure.Improvement.DECREASE,
                    Measure.Stratification.ETHNIC_CATEGORY)))
        .isTrue();
    assertThat(MeasureReport.comparesGroups(ASSAULTS)).isFalse();
    assertThat(MeasureReport.comparesGroups(STAY)).isFalse();
    assertThat(
            MeasureReport.comparesGroups(
                measure(
                    "C",
                    Measure.Unit.COUNT,
                    Measure.Improvement.DECREASE,
                    Measure.Stratification.ETHNIC_CATEGORY)))
        .isFalse();
    assertThat(MeasureReport.of(STAY, rows, SUPPRESSION).equity()).isEmpty();
    assertThat(MeasureReport.of(STAY, rows, SUPPRESSION).equityByService()).isEmpty();
  }

  @Test
  void aShortSeriesIsARunChartAndASuppressedMonthIsNeitherPublishedNorDrawn() {
    // Month 1: 35 events over 5,000 bed days (both services summed) = 7 per 1,000.
    // Month 2: 4 events over 1,000 = 4 per 1,000, but 4 is under 5: withheld.
    // Month 3: 9 over 90 = 100 per 1,000, but 90 bed days is under 100: withheld.
    // Month 4: no bed days at all: no figure, left out. Median of 7, 4, 100 = 7.
    List<StratumRow> rows =
        List.of(
            row(SERVICE, APRIL, "A", 20, 4000),
            row(OTHER, APRIL, "M", 15, 1000),
            row(SERVICE, APRIL.plusMonths(1), "A", 4, 1000),
            row(SERVICE, APRIL.plusMonths(2), "A", 9, 90),
            row(SERVICE, APRIL.plusMonths(3), "A", 0, 0));

    MeasureReport report = MeasureReport.of(RESTRAINT, rows, SUPPRESSION);

    assertThat(report.ruleSet()).isEqualTo("ihi-run-chart");
    assertThat(report.centre()).isEqualTo(7.0);
    assertThat(report.variation()).isNull();
    assertThat(report.signal()).isFalse();
    assertThat(report.upperProcessLimit()).isNull();
    assertThat(report.months()).hasSize(3);
    MeasureReport.Month first = report.months().get(0);
    assertThat(first.value()).isCloseTo(7.0, within(1e-9));
    assertThat(first.numerator().value()).isEqualTo(35L);
    assertThat(first.denominator().value()).isEqualTo(5000L);
    assertThat(first.verdict()).isEqualTo("no_signal");
    assertThat(report.months().get(1).value()).isNull();
    assertThat(report.months().get(1).numerator().value()).isNull();
    assertThat(report.months().get(1).verdict()).isNull();
    assertThat(report.months().get(2).value()).isNull();
    assertThat(report.months().get(2).numerator().value()).isEqualTo(10L);
    assertThat(report.chartable().suppressed()).containsExactly(1, 2);
    assertThat(report.chartable().months())
        .containsExactly(APRIL, APRIL.plusMonths(1), APRIL.plusMonths(2));
    assertThat(report.equityByService())
        .extracting(MeasureReport.ServiceEquity::serviceId)
        .containsExactly(SERVICE, OTHER);
  }

  @Test
  void twelveMonthsAreAnXmrChartWhoseSustainedFallIsAnImprovement() {
    // 6 months at 20 per 1,000 then 6 at 10 (100 then 50 events over 5,000 bed days): mean 15,
    // moving ranges all 0 but one of 10, MR-bar 10/11, limits 15 +/- 2.66 x 0.909 = 12.58 to
    // 17.42: every point is beyond a limit, the last ones below: improvement on a "decrease".
    List<StratumRow> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(row(SERVICE, APRIL.plusMonths(i), "A", i < 6 ? 100 : 50, 5000));
    }

    MeasureReport report = MeasureReport.of(RESTRAINT, rows, SUPPRESSION);

    assertThat(report.ruleSet()).isEqualTo("making-data-count");
    assertThat(report.centre()).isCloseTo(15.0, within(1e-9));
    assertThat(report.upperProcessLimit()).isCloseTo(15 + 2.66 * 10 / 11, within(1e-9));
    assertThat(report.lowerProcessLimit()).isCloseTo(15 - 2.66 * 10 / 11, within(1e-9));
    assertThat(report.trialLimits()).isFalse();
    assertThat(report.variation()).isEqualTo("special_cause_improvement");
    assertThat(report.assurance()).isNull();
    assertThat(report.signal()).isNull();
    assertThat(report.months().get(0).verdict()).isEqualTo("special_cause_concern");
    assertThat(report.months().get(11).verdict()).isEqualTo("special_cause_improvement");
    assertThat(report.chartable().xmr()).isNotNull();
    assertThat(report.chartable().runChart()).isNull();
    assertThat(report.target()).isNull();
    assertThat(report.variationIcon()).isEqualTo("improvement-low");
    assertThat(report.assuranceIcon()).isNull();
  }

  @Test
  void aTargetGivesTheXmrChartAssurance() {
    // The sustained fall above: limits 12.58 to 17.42 per 1,000, lower is better.
    List<StratumRow> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(row(SERVICE, APRIL.plusMonths(i), "A", i < 6 ? 100 : 50, 5000));
    }

    // 10 lies below the lower limit: the process never gets down to it.
    MeasureReport unmet = MeasureReport.of(RESTRAINT, rows, SUPPRESSION, ChartDecisions.NONE, 10.0);
    assertThat(unmet.target()).isEqualTo(10.0);
    assertThat(unmet.assurance()).isEqualTo("consistently_fail");
    assertThat(unmet.assuranceIcon()).isEqualTo("fail");
    // 18 lies above the upper limit: always met.
    MeasureReport met = MeasureReport.of(RESTRAINT, rows, SUPPRESSION, ChartDecisions.NONE, 18.0);
    assertThat(met.assurance()).isEqualTo("consistently_pass");
    assertThat(met.assuranceIcon()).isEqualTo("pass");
    // 15, the mean, lies between them.
    MeasureReport between =
        MeasureReport.of(RESTRAINT, rows, SUPPRESSION, ChartDecisions.NONE, 15.0);
    assertThat(between.assuranceIcon()).isEqualTo("hit-and-miss");
  }

  @Test
  void aRunChartHasNoIconsButShowsItsTarget() {
    List<StratumRow> rows = List.of(row(SERVICE, APRIL, "A", 20, 4000));
    MeasureReport report = MeasureReport.of(RESTRAINT, rows, SUPPRESSION, ChartDecisions.NONE, 3.0);
    assertThat(report.ruleSet()).isEqualTo("ihi-run-chart");
    assertThat(report.target()).isEqualTo(3.0);
    assertThat(report.variationIcon()).isNull();
    assertThat(report.assurance()).isNull();
    assertThat(report.assuranceIcon()).isNull();
  }

  @Test
  void elevenMonthsAreStillARunChartAndNoMonthsNoAnalysis() {
    List<StratumRow> rows = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      rows.add(row(SERVICE, APRIL.plusMonths(i), "ALL", 10 + i, 1000));
    }
    MeasureReport eleven = MeasureReport.of(ASSAULTS, rows, SUPPRESSION);
    assertThat(eleven.ruleSet()).isEqualTo("ihi-run-chart");
    assertThat(eleven.signal()).as("11 rising values are a trend").isTrue();
    assertThat(eleven.months().get(10).verdict()).isEqualTo("trend");

    MeasureReport none = MeasureReport.of(ASSAULTS, List.of(), SUPPRESSION);
    assertThat(none.ruleSet()).isNull();
    assertThat(none.centre()).isNull();
    assertThat(none.signal()).isNull();
    assertThat(none.months()).isEmpty();
    assertThat(none.chartable().runChart()).isNull();
  }

  @Test
  void aRecordedBaselineFixesTheLimitsAndJudgesTheMonthsAfterIt() {
    // Rates 40, 42, 38, 40 per 1,000 (200, 210, 190, 200 events over 5,000 bed days), then 8
    // months at 15 (75 events). Baseline decision at the 4th month: mean 40, moving ranges 2, 4,
    // 2, MR-bar 8/3, limits 40 +/- 2.66 x 8/3 = 32.9067 to 47.0933. Every later month is below
    // the lower limit: an improvement on a "decrease" measure, and the last month says so.
    List<StratumRow> rows = new ArrayList<>();
    long[] events = {200, 210, 190, 200, 75, 75, 75, 75, 75, 75, 75, 75};
    for (int i = 0; i < 12; i++) {
      rows.add(row(SERVICE, APRIL.plusMonths(i), "A", events[i], 5000));
    }
    ChartDecisions baseline = new ChartDecisions(APRIL.plusMonths(3), List.of());

    MeasureReport report = MeasureReport.of(RESTRAINT, rows, SUPPRESSION, baseline, null);

    assertThat(report.centre()).isCloseTo(40.0, within(1e-9));
    assertThat(report.upperProcessLimit()).isCloseTo(40 + 2.66 * 8 / 3, within(1e-9));
    assertThat(report.lowerProcessLimit()).isCloseTo(40 - 2.66 * 8 / 3, within(1e-9));
    assertThat(report.trialLimits()).as("4 baseline points give trial limits").isTrue();
    assertThat(report.baselineUntil()).isEqualTo(APRIL.plusMonths(3));
    assertThat(report.rebasedFrom()).isEmpty();
    assertThat(report.months().get(0).verdict()).isEqualTo("common_cause");
    assertThat(report.months().get(4).verdict()).isEqualTo("special_cause_improvement");
    assertThat(report.variation()).isEqualTo("special_cause_improvement");

    MeasureReport undecided = MeasureReport.of(RESTRAINT, rows, SUPPRESSION);
    assertThat(undecided.centre()).isCloseTo((40 + 42 + 38 + 40 + 8 * 15) / 12.0, within(1e-9));
    assertThat(undecided.baselineUntil()).isNull();
  }

  @Test
  void aRecordedRebaseStartsNewLimitsAtItsMonth() {
    // The same series rebased at the 5th month: the new limits come from the 8 months at 15
    // (mean 15, no moving range: limits 15 to 15), the first segment's from the 4 before it.
    List<StratumRow> rows = new ArrayList<>();
    long[] events = {200, 210, 190, 200, 75, 75, 75, 75, 75, 75, 75, 75};
    for (int i = 0; i < 12; i++) {
      rows.add(row(SERVICE, APRIL.plusMonths(i), "A", events[i], 5000));
    }
    ChartDecisions rebase = new ChartDecisions(null, List.of(APRIL.plusMonths(4)));

    MeasureReport report = MeasureReport.of(RESTRAINT, rows, SUPPRESSION, rebase, null);

    assertThat(report.rebasedFrom()).containsExactly(APRIL.plusMonths(4));
    assertThat(report.centre()).isCloseTo(15.0, within(1e-9));
    assertThat(report.upperProcessLimit()).isCloseTo(15.0, within(1e-9));
    assertThat(report.chartable().xmr().segments()).hasSize(2);
    assertThat(report.chartable().xmr().segments().get(0).mean()).isCloseTo(40.0, within(1e-9));
    assertThat(report.months().get(0).verdict()).isEqualTo("common_cause");
    assertThat(report.variation()).isEqualTo("common_cause");
  }
}
