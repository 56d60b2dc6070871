package org.mhaqi.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.chart.SvgCharts;
import org.mhaqi.evaluation.spcdecision.ChartDecisions;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.Region;

class ReportPageTest {

  static final YearMonth JAN = YearMonth.of(2025, 1);

  @Test
  void monthsLabelTheAxisOnlyWhenNoneIsMissing() {
    assertThat(ReportPage.consecutive(List.of(JAN, JAN.plusMonths(1), JAN.plusMonths(2)))).isTrue();
    assertThat(ReportPage.consecutive(List.of(JAN))).isTrue();
    assertThat(ReportPage.consecutive(List.of(JAN, JAN.plusMonths(2)))).isFalse();
    assertThat(ReportPage.consecutive(List.of())).isFalse();
  }

  /** MeasureReportTest's sustained fall (limits 12.58 to 17.42) with this target. */
  static ProgrammeReport reportWithTarget(Double target) {
    List<StratumRow> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(
          MeasureReportTest.row(
              MeasureReportTest.SERVICE, JAN.plusMonths(i), "A", i < 6 ? 100 : 50, 5000));
    }
    MeasureReport restraint =
        MeasureReport.of(
            MeasureReportTest.RESTRAINT,
            rows,
            MeasureReportTest.SUPPRESSION,
            ChartDecisions.NONE,
            target);
    MeasureReport assaults =
        MeasureReport.of(MeasureReportTest.ASSAULTS, List.of(), MeasureReportTest.SUPPRESSION);
    return new ProgrammeReport(
        new ReportScope(UUID.randomUUID(), null, null),
        PhaseKind.PILOT,
        null,
        List.of(),
        new ProgrammeReport.Returns(0, 0, 0),
        List.of(restraint, assaults));
  }

  @Test
  void eachChartShowsItsIconsAsLabelledSvgWithTheirWordsBesideThemAndALegend() {
    String page = new ReportPage(new SvgCharts()).render(reportWithTarget(10.0));

    // Lower is better: the fall below the lower limit is a low improvement; 10 is never reached.
    assertThat(page)
        .contains(
            "data-icon=\"improvement-low\"",
            "aria-label=\"Special cause variation of an improving nature: lower values\"",
            "<title>Special cause variation of an improving nature: lower values</title>",
            "<span class=\"icon-text\">Special cause variation of an improving nature: lower"
                + " values</span>",
            "data-icon=\"fail\"",
            "Assurance: the process will consistently fail the target (target 10.00)",
            "class=\"legend\"",
            "<span>process limits</span>",
            "<span>target</span>");
    // The summary matrix: a row per measure, the icons in it too.
    assertThat(page).contains("<table class=\"summary\">", "<a href=\"#ASSAULTS_ON_STAFF\"");
    assertThat(page.split("data-icon=\"improvement-low\"", -1)).hasSize(3);
  }

  @Test
  void withoutATargetAChartSaysItHasNoAssurance() {
    String page = new ReportPage(new SvgCharts()).render(reportWithTarget(null));

    assertThat(page)
        .contains("data-icon=\"improvement-low\"")
        .contains("No assurance: no target is set for this chart.")
        .doesNotContain("data-icon=\"fail\"")
        .doesNotContain("<span>target</span>");
  }

  @Test
  void regionsPhasesAndVerdictsAreInWordsAndCountsOfReturnsAndSessionsAreNotStarred() {
    ProgrammeReport withTarget = reportWithTarget(10.0);
    ProgrammeReport report =
        new ProgrammeReport(
            withTarget.scope(),
            PhaseKind.WIDER_IMPLEMENTATION,
            ReportEngagement.of(ReportEngagementTest.engagement(12, 7, 3, 2, null)),
            List.of(
                ReportEngagement.InRegion.of(
                    new org.mhaqi.evaluation.engagement.EngagementReports.RegionEngagement(
                        Region.NORTH_EAST_AND_YORKSHIRE,
                        ReportEngagementTest.engagement(12, 7, 3, 2, null)))),
            new ProgrammeReport.Returns(4, 3, 1),
            withTarget.measures());

    String page = new ReportPage(new SvgCharts()).render(report);

    assertThat(page)
        .contains("<title>Programme report: Wider implementation phase</title>")
        .contains("<td>North East and Yorkshire</td>")
        .contains("XmR chart with Making Data Count&#39;s rules.")
        .contains("Latest month: Special cause variation: improvement")
        .doesNotContain("NORTH_EAST")
        .doesNotContain("WIDER_IMPLEMENTATION")
        .as("no text between tags spells a code")
        .doesNotContainPattern(">[^<]*[a-z]_[a-z][^<]*<")
        .doesNotContain("making-data-count.");
    assertThat(page)
        .contains(
            "<td>4</td>\n    <td>3</td>\n    <td>1</td>",
            "<td>12</td><td>7</td>\n    <td>3</td>",
            "<td>2</td>");
  }

  @Test
  void beneathEveryChartItsDataAsATableAndItsDownloadsAndEachMeasureHasItsPage() {
    ProgrammeReport report = reportWithTarget(10.0);
    String phase = "/reports/phases/" + report.scope().phaseId();
    String page = new ReportPage(new SvgCharts()).render(report);

    assertThat(page)
        .contains("<table class=\"chart-data\">")
        .contains("<th scope=\"row\">Jan 2025</th>")
        .contains("<td>Special cause variation: concern</td>")
        .contains("href=\"" + phase + "/measures/RESTRICTIVE_INTERVENTIONS/chart.svg\"")
        .contains("href=\"" + phase + "/measures/RESTRICTIVE_INTERVENTIONS/chart.png\"")
        .contains("<a href=\"" + phase + "/measures/RESTRICTIVE_INTERVENTIONS\">");
    // One data table per drawn chart: the measure without returns has neither.
    assertThat(page.split("<table class=\"chart-data\">", -1)).hasSize(2);

    String one =
        new ReportPage(new SvgCharts()).renderMeasure(report, report.measures().get(0), false);
    assertThat(one)
        .contains("Not published.")
        .contains("<a href=\"" + phase + "\">Pilot phase</a>")
        .contains("<table class=\"chart-data\">")
        .contains("data-icon=\"improvement-low\"");
  }

  @Test
  void equityIsDrawnAsAForestPlotAboveItsTableWithGroupsInWordsAndSuppressedOnesNamed() {
    List<StratumRow> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rows.add(MeasureReportTest.row(MeasureReportTest.SERVICE, JAN.plusMonths(i), "A", 50, 5000));
      rows.add(MeasureReportTest.row(MeasureReportTest.SERVICE, JAN.plusMonths(i), "M", 20, 1000));
    }
    // three events over the whole scope: too few to publish
    rows.add(MeasureReportTest.row(MeasureReportTest.SERVICE, JAN, "D", 3, 1000));
    MeasureReport restraint =
        MeasureReport.of(MeasureReportTest.RESTRAINT, rows, MeasureReportTest.SUPPRESSION);
    ProgrammeReport report = reportWithTarget(10.0);
    report =
        new ProgrammeReport(
            report.scope(),
            report.phaseKind(),
            report.engagement(),
            report.regions(),
            report.returns(),
            List.of(restraint, report.measures().get(1)));
    String phase = "/reports/phases/" + report.scope().phaseId();

    String page = new ReportPage(new SvgCharts()).render(report);

    assertThat(page)
        .contains("<figure class=\"forest\">")
        .contains("aria-labelledby=\"RESTRICTIVE_INTERVENTIONS-equity-title")
        .contains("class=\"group\"")
        .contains(">Black or Black British</text>")
        .contains(">Suppressed (small numbers)</text>")
        .contains("<th scope=\"row\">Mixed</th>")
        .contains("href=\"" + phase + "/measures/RESTRICTIVE_INTERVENTIONS/equity.svg\"")
        .contains("href=\"" + phase + "/measures/RESTRICTIVE_INTERVENTIONS/equity.png\"");
    // the plot comes before the table that holds its numbers, and only one measure compares groups
    assertThat(page.indexOf("<figure class=\"forest\">"))
        .isLessThan(page.indexOf("<table class=\"equity\">"));
    assertThat(page.split("<figure class=\"forest\">", -1)).hasSize(2);
  }

  @Test
  void aScopeWithoutAGroupToCompareHasAForestPlotSayingSoButAnUnstratifiedMeasureHasNone() {
    // reportWithTarget's restraint has White's rows only: no group to compare with it
    ProgrammeReport report = reportWithTarget(null);
    ReportPage page = new ReportPage(new SvgCharts());

    assertThat(report.measures().get(0).equity()).isEmpty();
    assertThat(page.equityChart(report.measures().get(0)))
        .contains(">No group has enough people to compare yet.</text>");
    assertThat(page.equityChart(report.measures().get(1))).isNull();
    String html = page.render(report);
    assertThat(html.split("<figure class=\"forest\">", -1)).hasSize(2);
    assertThat(html).doesNotContain("<table class=\"equity\">");
  }

  @Test
  void aServicesChartMarksItsChangesAndListsThemBeneathNumberedAsOnTheChart() {
    ProgrammeReport report = reportWithTarget(null);
    MeasureReport restraint =
        report
            .measures()
            .get(0)
            .withAnnotations(
                List.of(
                    new ChartAnnotation(
                        JAN.minusMonths(2), "first-coaching-session", "First coaching session"),
                    new ChartAnnotation(
                        JAN.plusMonths(5), "pdsa-started", "Change idea 1, PDSA cycle 1 started")));
    ProgrammeReport annotated =
        new ProgrammeReport(
            report.scope(),
            report.phaseKind(),
            report.engagement(),
            report.regions(),
            report.returns(),
            List.of(restraint, report.measures().get(1)));

    String page = new ReportPage(new SvgCharts()).render(annotated);

    assertThat(page)
        .contains("<ol class=\"changes\" aria-labelledby=\"RESTRICTIVE_INTERVENTIONS-changes\">")
        .contains("<span>Nov 2024: First coaching session</span>")
        .contains("(outside the chart's months, so not marked on it)")
        .contains("<span>Jun 2025: Change idea 1, PDSA cycle 1 started</span>")
        .contains("<span>a change (numbered as in the list of changes beneath the chart)</span>");
    // only the change in the chart's months is marked, with its number in the list: 2
    assertThat(page.split("class=\"annotation-number\"", -1)).hasSize(2);
    assertThat(page).containsPattern("class=\"annotation-number\"[^>]*>2</text>");
    // a chart without changes lists none
    assertThat(page.split("<ol class=\"changes\"", -1)).hasSize(2);
  }

  @Test
  void aPhasePageDrawsEachMeasuresSmallMultiplesWithTheirDataTable() {
    List<StratumRow> first = new ArrayList<>();
    List<StratumRow> second = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      first.add(
          MeasureReportTest.row(MeasureReportTest.SERVICE, JAN.plusMonths(i), "A", 20 + i, 1000));
    }
    // three events: withheld; and no return for the third month
    second.add(MeasureReportTest.row(UUID.randomUUID(), JAN, "A", 3, 1000));
    second.add(MeasureReportTest.row(UUID.randomUUID(), JAN.plusMonths(1), "A", 30, 1000));
    List<ServiceSeries> services =
        List.of(
            new ServiceSeries(
                "RA1",
                MeasureReport.of(
                    MeasureReportTest.RESTRAINT, first, MeasureReportTest.SUPPRESSION)),
            new ServiceSeries(
                "RA2",
                MeasureReport.of(
                    MeasureReportTest.RESTRAINT, second, MeasureReportTest.SUPPRESSION)));
    ProgrammeReport report = reportWithTarget(null);

    String page =
        new ReportPage(new SvgCharts())
            .render(report, true, java.util.Map.of("RESTRICTIVE_INTERVENTIONS", services));

    assertThat(page.split("<figure class=\"small-multiples\">", -1)).hasSize(2);
    assertThat(page)
        .contains("aria-labelledby=\"RESTRICTIVE_INTERVENTIONS-services-title")
        .contains("<th scope=\"col\">Jan 2025</th><th scope=\"col\">Feb 2025</th>")
        .contains("<th scope=\"row\">RA2</th>")
        .containsPattern(
            "<th scope=\"row\">RA1</th>\\s*<td>20\\.00</td>\\s*<td>21\\.00</td>\\s*<td>22\\.00</td>")
        .containsPattern(
            "<th scope=\"row\">RA2</th>\\s*<td>\\*</td>\\s*<td>30\\.00</td>\\s*<td>-</td>")
        .contains("/measures/RESTRICTIVE_INTERVENTIONS/services.svg\"");
    // a service's page has none
    assertThat(new ReportPage(new SvgCharts()).render(report)).doesNotContain("small-multiples");
  }

  @Test
  void aPhasePageDrawsItsCoachingHoursAsBarsWithTheirTable() {
    String page =
        new ReportPage(new SvgCharts())
            .render(
                reportWithTarget(null),
                true,
                java.util.Map.of(),
                List.of(
                    new ChartEvents.EngagementHours(
                        "RA1", org.mhaqi.events.coaching.CoachingLevel.EXECUTIVE, 180, 90)));

    assertThat(page)
        .contains("<figure class=\"coaching-hours\">")
        .contains("aria-labelledby=\"coaching-hours-title coaching-hours-desc\"")
        .containsPattern(
            "<th scope=\"row\">RA1</th>\\s*<td>[^<]+</td>\\s*<td>3\\.00</td>\\s*<td>1\\.50</td>")
        .contains("/engagement/hours.svg\"");
    // without sessions, no figure
    assertThat(new ReportPage(new SvgCharts()).render(reportWithTarget(null)))
        .doesNotContain("coaching-hours");
  }
}
