package org.mhaqi.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.chart.SvgCharts;
import org.mhaqi.events.enrollment.PhaseKind;

class PilotAgainstWiderTest {

  static final UUID PILOT = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID WIDER = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  static ProgrammeReport report(UUID phase, PhaseKind kind, int months) {
    List<StratumRow> rows = new ArrayList<>();
    for (int i = 0; i < months; i++) {
      rows.add(
          MeasureReportTest.row(
              MeasureReportTest.SERVICE, MeasureReportTest.APRIL.plusMonths(i), "A", 20 + i, 1000));
    }
    return new ProgrammeReport(
        new ReportScope(phase, null, null),
        kind,
        null,
        List.of(),
        new ProgrammeReport.Returns(0, 0, 0),
        List.of(
            MeasureReport.of(MeasureReportTest.RESTRAINT, rows, MeasureReportTest.SUPPRESSION),
            MeasureReport.of(
                MeasureReportTest.ASSAULTS, List.of(), MeasureReportTest.SUPPRESSION)));
  }

  @Test
  void eachMeasureSetsEveryPilotPhaseBesideEveryWiderPhase() {
    ProgrammeReport pilot = report(PILOT, PhaseKind.PILOT, 3);
    ProgrammeReport wider = report(WIDER, PhaseKind.WIDER_IMPLEMENTATION, 12);

    ProgrammeReport.PilotAgainstWider both =
        ProgrammeReport.PilotAgainstWider.of(List.of(pilot), List.of(wider));

    assertThat(both.pilot()).containsExactly(pilot);
    assertThat(both.wider()).containsExactly(wider);
    assertThat(both.measures())
        .extracting(ProgrammeReport.MeasureComparison::code)
        .containsExactly("RESTRICTIVE_INTERVENTIONS", "ASSAULTS_ON_STAFF");
    ProgrammeReport.MeasureComparison restraint = both.measures().get(0);
    ProgrammeReport.PhaseFigures p = restraint.pilot().get(0);
    assertThat(p.phaseId()).isEqualTo(PILOT);
    assertThat(p.ruleSet()).isEqualTo("ihi-run-chart");
    assertThat(p.centre()).as("median of 20, 21, 22 per 1,000").isEqualTo(21.0);
    assertThat(p.months()).isEqualTo(3);
    assertThat(p.latest().month()).isEqualTo(YearMonth.of(2025, 6));
    assertThat(p.latest().value()).isEqualTo(22.0);
    assertThat(p.signal()).isFalse();
    ProgrammeReport.PhaseFigures w = restraint.wider().get(0);
    assertThat(w.phaseId()).isEqualTo(WIDER);
    assertThat(w.ruleSet()).isEqualTo("making-data-count");
    assertThat(w.variation()).isEqualTo("special_cause_concern");
    assertThat(w.latest().month()).isEqualTo(YearMonth.of(2026, 3));
    ProgrammeReport.PhaseFigures none = both.measures().get(1).pilot().get(0);
    assertThat(none.months()).isZero();
    assertThat(none.latest()).isNull();
    assertThat(none.ruleSet()).isNull();
  }

  @Test
  void withoutPilotTheWiderPhasesNameTheMeasuresAndWithoutEitherThereAreNone() {
    ProgrammeReport wider = report(WIDER, PhaseKind.WIDER_IMPLEMENTATION, 2);
    ProgrammeReport.PilotAgainstWider onlyWider =
        ProgrammeReport.PilotAgainstWider.of(List.of(), List.of(wider));
    assertThat(onlyWider.measures()).hasSize(2);
    assertThat(onlyWider.measures().get(0).pilot()).isEmpty();
    assertThat(onlyWider.measures().get(0).wider()).hasSize(1);

    assertThat(ProgrammeReport.PilotAgainstWider.of(List.of(), List.of()).measures()).isEmpty();
  }

  @Test
  void thePageDrawsEachMeasuresPhasesWithLegendDownloadsAndTableInWords() {
    ProgrammeReport pilot = report(PILOT, PhaseKind.PILOT, 3);
    List<StratumRow> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // the last month's 3 restraints are too few to publish
      int events = i == 11 ? 3 : 30;
      rows.add(
          MeasureReportTest.row(
              MeasureReportTest.SERVICE, MeasureReportTest.APRIL.plusMonths(i), "A", events, 1000));
    }
    ProgrammeReport wider =
        new ProgrammeReport(
            new ReportScope(WIDER, null, null),
            PhaseKind.WIDER_IMPLEMENTATION,
            null,
            List.of(),
            new ProgrammeReport.Returns(0, 0, 0),
            List.of(
                MeasureReport.of(MeasureReportTest.RESTRAINT, rows, MeasureReportTest.SUPPRESSION),
                MeasureReport.of(
                    MeasureReportTest.ASSAULTS, List.of(), MeasureReportTest.SUPPRESSION)));

    String page =
        new ReportPage(new SvgCharts())
            .renderPilotAgainstWider(
                ProgrammeReport.PilotAgainstWider.of(List.of(pilot), List.of(wider)));

    assertThat(page)
        .contains("<h2>" + MeasureReportTest.RESTRAINT.name() + "</h2>")
        .contains("class=\"pilot\"")
        .contains("class=\"wider\"")
        .contains("<span>pilot phase</span>")
        .contains("<span>wider implementation phase</span>")
        .contains("/reports/pilot-vs-wider/measures/RESTRICTIVE_INTERVENTIONS/chart.svg")
        .contains("/reports/pilot-vs-wider/measures/RESTRICTIVE_INTERVENTIONS/chart.png")
        .contains("<th scope=\"row\">Pilot phase 1</th>")
        .contains("<th scope=\"row\">Wider phase 1</th>")
        .contains("<td>21.00</td>")
        .contains("<td>Jun 2025</td>")
        .contains("<td>22.00</td>")
        .contains("<td>Mar 2026</td>")
        .contains("<td>Withheld (small numbers)</td>")
        .contains("no figures yet")
        .doesNotContain("<td>3.00</td>")
        .doesNotContain("special_cause");
  }
}
