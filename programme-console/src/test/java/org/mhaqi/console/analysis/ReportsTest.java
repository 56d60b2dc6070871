package org.mhaqi.console.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.analysis.Reports.EquityRow;
import org.mhaqi.console.analysis.Reports.GroupRatio;
import org.mhaqi.console.analysis.Reports.Measure;
import org.mhaqi.console.analysis.Reports.MeasureView;
import org.mhaqi.console.analysis.Reports.Month;
import org.mhaqi.console.analysis.Reports.PhaseFigures;

class ReportsTest {

  @Test
  void aMeasureSaysItsMonthsLatestFigureAndVerdictsInWords() {
    MeasureView view =
        Reports.view(
            new Measure(
                "RESTRICTIVE_INTERVENTIONS",
                "Restrictive interventions",
                List.of(
                    new Month(YearMonth.of(2026, 7), 3.0, null),
                    new Month(YearMonth.of(2026, 10), 3.25, null)),
                "XMR",
                3.1,
                "COMMON_CAUSE",
                null,
                false,
                List.of()));

    assertThat(view.months()).isEqualTo("July 2026 to October 2026");
    assertThat(view.latest()).isEqualTo("3.25 (October 2026)");
    assertThat(view.centre()).isEqualTo("3.10");
    assertThat(view.variation()).isEqualTo("Common cause");
    assertThat(view.assurance()).isEqualTo("No target");
  }

  @Test
  void aMeasureWithoutMonthsOrAWithheldLatestSaysSo() {
    MeasureView none =
        Reports.view(new Measure("X", "X", List.of(), null, null, null, null, null, null));
    assertThat(none.months()).isEqualTo("No months yet");
    assertThat(none.latest()).isEqualTo("Withheld or none");
    assertThat(none.centre()).isEqualTo("None");
    assertThat(none.variation()).isEqualTo("Not assessed");

    MeasureView withheld =
        Reports.view(
            new Measure(
                "X",
                "X",
                List.of(new Month(YearMonth.of(2026, 7), null, null)),
                null,
                null,
                null,
                null,
                null,
                null));
    assertThat(withheld.latest()).isEqualTo("Withheld or none");
  }

  @Test
  void equityShowsTheRatioWithItsIntervalOrThatSmallNumbersWithheldIt() {
    EquityRow shown =
        Reports.equity(new GroupRatio("BLACK_OR_BLACK_BRITISH", 12, 310, 2.104, 1.2, 3.6, false));
    assertThat(shown)
        .isEqualTo(new EquityRow("Black or Black British", "12", "310", "2.10", "1.20 to 3.60"));

    EquityRow withheld = Reports.equity(new GroupRatio("MIXED", "*", 40, null, null, null, true));
    assertThat(withheld)
        .isEqualTo(
            new EquityRow(
                "Mixed",
                "Fewer than the reporting threshold",
                "40",
                "Withheld: small numbers",
                ""));
  }

  @Test
  void aPhasesFiguresInAComparisonSayCentreVerdictAndMonths() {
    assertThat(
            Reports.figures(
                new PhaseFigures(UUID.randomUUID(), 2.5, "SPECIAL_CAUSE_IMPROVEMENT", true, 6)))
        .isEqualTo("Centre 2.50, special cause improvement (6 months)");
    assertThat(Reports.figures(new PhaseFigures(UUID.randomUUID(), 2.5, null, null, 1)))
        .isEqualTo("Centre 2.50, not assessed (1 month)");
    assertThat(Reports.figures(new PhaseFigures(UUID.randomUUID(), null, null, null, 0)))
        .isEqualTo("No months yet");
  }
}
