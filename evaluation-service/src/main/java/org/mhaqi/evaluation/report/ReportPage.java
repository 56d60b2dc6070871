package org.mhaqi.evaluation.report;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mhaqi.evaluation.chart.ChartLegend;
import org.mhaqi.evaluation.chart.ChartMark;
import org.mhaqi.evaluation.chart.EngagementBars;
import org.mhaqi.evaluation.chart.ForestRow;
import org.mhaqi.evaluation.chart.MdcIcons;
import org.mhaqi.evaluation.chart.PhaseBars;
import org.mhaqi.evaluation.chart.SmallMultiples;
import org.mhaqi.evaluation.chart.SvgCharts;
import org.mhaqi.evaluation.wording.PlainEnglish;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The HTML report page of a phase: its figures in tables and a chart per measure (XmR, or a run
 * chart for a short series), drawn by {@link SvgCharts} with suppressed months left out. Rendered
 * from {@code templates/reports/phase.html}.
 */
@Component
class ReportPage {

  /**
   * A measure with its chart's SVG markup (null when there is nothing to draw) and its Making Data
   * Count icons (null when it has none: a run chart, or no target), and the forest plot of its
   * equity rate ratios (null for a measure that does not compare ethnic groups), and the changes
   * its chart marks, listed beneath it, and on a phase's pages its small multiples across the
   * phase's services (null on a service's).
   */
  record MeasureSection(
      MeasureReport measure,
      String svg,
      MdcIcons.Icon variationIcon,
      MdcIcons.Icon assuranceIcon,
      List<ChartLegend.Entry> legend,
      String equitySvg,
      List<Change> changes,
      SmallMultiplesSection multiples) {}

  /**
   * A change in the list beneath a chart: its number on the chart, its month and words.
   *
   * @param drawn whether the chart marks it (one outside the chart's months is only listed)
   */
  record Change(String number, String month, String label, boolean drawn) {}

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  private final TemplateEngine templates;
  private final SvgCharts charts;

  ReportPage(SvgCharts charts) {
    this.charts = charts;
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/reports/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    templates = new TemplateEngine();
    templates.setTemplateResolver(resolver);
  }

  /** The page of a published report. */
  String render(ProgrammeReport report) {
    return render(report, true);
  }

  /** The page, saying so at its top when the report is not published (readers with a role only). */
  String render(ProgrammeReport report, boolean published) {
    return render(report, published, Map.of());
  }

  /**
   * The page with each measure's small multiples across the phase's services ({@code byMeasure}:
   * each measure code's service series; a measure without any has none).
   */
  String render(
      ProgrammeReport report, boolean published, Map<String, List<ServiceSeries>> byMeasure) {
    return render(report, published, byMeasure, null);
  }

  /** The same with the phase's coaching hours drawn as bars (null: none drawn). */
  String render(
      ProgrammeReport report,
      boolean published,
      Map<String, List<ServiceSeries>> byMeasure,
      List<ChartEvents.EngagementHours> hours) {
    List<MeasureSection> sections =
        report.measures().stream().map(m -> section(m, byMeasure.get(m.code()))).toList();
    Context context = context(report, published);
    context.setVariable("sections", sections);
    context.setVariable("hours", hours == null || hours.isEmpty() ? null : engagement(hours));
    context.setVariable("summary", SummaryRow.of(report));
    return templates.process("phase", context);
  }

  /** The page of one measure of the report: its icons, chart, legend and data. */
  String renderMeasure(ProgrammeReport report, MeasureReport measure, boolean published) {
    return renderMeasure(report, measure, published, null);
  }

  /** The same with the measure's small multiples across the phase's services (null: none). */
  String renderMeasure(
      ProgrammeReport report,
      MeasureReport measure,
      boolean published,
      List<ServiceSeries> services) {
    Context context = context(report, published);
    context.setVariable("s", section(measure, services));
    return templates.process("measure", context);
  }

  /** The index of reports. */
  String renderIndex(ReportIndex index) {
    return renderIndex(index, false);
  }

  /** The index, linking pilot against wider for those who may read it. */
  String renderIndex(ReportIndex index, boolean comparison) {
    Context context = new Context(Locale.UK);
    context.setVariable("index", index);
    context.setVariable("comparison", comparison);
    context.setVariable("words", PlainEnglish.WORDS);
    return templates.process("index", context);
  }

  /**
   * A measure's pilot phases against its wider phases: the bars of each phase's mean and the data
   * table beneath them.
   */
  record ComparisonSection(String code, String name, String svg, List<ComparisonRow> rows) {}

  /**
   * A phase's row of the comparison's table, in words.
   *
   * @param latest the last month's figure, or why there is none
   */
  record ComparisonRow(
      String phase,
      String kind,
      int months,
      String mean,
      String month,
      String latest,
      String variation) {}

  /** Every measure's pilot phases against its wider phases, as bars with their tables. */
  String renderPilotAgainstWider(ProgrammeReport.PilotAgainstWider comparison) {
    Context context = new Context(Locale.UK);
    context.setVariable("sections", comparison.measures().stream().map(this::comparison).toList());
    context.setVariable("phases", comparison.pilot().size() + comparison.wider().size());
    return templates.process("pilot-vs-wider", context);
  }

  /** A measure's comparison: pilot phases first, then wider ones, each numbered in its kind. */
  ComparisonSection comparison(ProgrammeReport.MeasureComparison m) {
    List<PhaseBars.Row> bars = new ArrayList<>();
    List<ComparisonRow> rows = new ArrayList<>();
    addPhases(m.pilot(), true, bars, rows);
    addPhases(m.wider(), false, bars, rows);
    String svg =
        charts.phases(
            "pilot-vs-wider-" + m.code(),
            m.name() + ": pilot against wider",
            "Centre line: mean, or median on a run chart",
            bars);
    return new ComparisonSection(m.code(), m.name(), svg, rows);
  }

  private static void addPhases(
      List<ProgrammeReport.PhaseFigures> phases,
      boolean pilot,
      List<PhaseBars.Row> bars,
      List<ComparisonRow> rows) {
    String kind = pilot ? "Pilot" : "Wider implementation";
    for (int i = 0; i < phases.size(); i++) {
      ProgrammeReport.PhaseFigures p = phases.get(i);
      String name = (pilot ? "Pilot phase " : "Wider phase ") + (i + 1);
      bars.add(new PhaseBars.Row(name, pilot, p.centre()));
      MeasureReport.Month latest = p.latest();
      rows.add(
          new ComparisonRow(
              name,
              kind,
              p.months(),
              p.centre() == null ? "None yet" : String.format(Locale.ROOT, "%.2f", p.centre()),
              latest == null ? "None yet" : latest.month().format(MONTH),
              latest == null
                  ? "None yet"
                  : latest.value() == null
                      ? "Withheld (small numbers)"
                      : String.format(Locale.ROOT, "%.2f", latest.value()),
              p.variation() == null ? "None yet" : PlainEnglish.WORDS.variation(p.variation())));
    }
  }

  /**
   * The phase's coaching hours as bars and their data table.
   *
   * @param rows per service and level: its name in words, planned and delivered hours
   */
  record EngagementSection(String svg, List<HoursRow> rows) {}

  /** A row of the coaching hours' table; hours as they are (sessions are not people). */
  record HoursRow(String service, String level, String planned, String delivered) {}

  EngagementSection engagement(List<ChartEvents.EngagementHours> hours) {
    List<EngagementBars.Row> bars = new ArrayList<>();
    List<HoursRow> rows = new ArrayList<>();
    for (ChartEvents.EngagementHours h : hours) {
      String level = PlainEnglish.WORDS.coachingLevel(h.level());
      double planned = h.plannedMinutes() / 60.0;
      double delivered = h.deliveredMinutes() / 60.0;
      bars.add(new EngagementBars.Row(h.odsCode() + ", " + level, planned, delivered));
      rows.add(
          new HoursRow(
              h.odsCode(),
              level,
              String.format(Locale.ROOT, "%.2f", planned),
              String.format(Locale.ROOT, "%.2f", delivered)));
    }
    return new EngagementSection(
        charts.engagement("coaching-hours", "Coaching hours by service and level", bars), rows);
  }

  /** The measure's chart as SVG markup; null when there is nothing to draw. */
  String chart(MeasureReport m) {
    MeasureReport.Chartable c = m.chartable();
    if (c.xmr() == null && c.runChart() == null) {
      return null;
    }
    YearMonth first = consecutive(c.months()) ? c.months().get(0) : null;
    List<ChartMark> marks = ChartAnnotations.marks(m.annotations(), c.months());
    return c.xmr() != null
        ? charts.xmr(m.name() + " (XmR)", c.xmr(), m.target(), first, c.suppressed(), marks)
        : charts.runChart(m.name() + " (run chart)", c.runChart(), first, c.suppressed(), marks);
  }

  /**
   * The forest plot of the measure's rate ratios against White; null for a measure that does not
   * compare ethnic groups. A scope without a group to compare gets a figure saying so in words.
   */
  String equityChart(MeasureReport m) {
    if (!m.chartable().comparesGroups()) {
      return null;
    }
    List<ForestRow> rows =
        m.equity().stream()
            .map(
                g ->
                    new ForestRow(
                        PlainEnglish.WORDS.ethnicGroup(g.group()),
                        g.rateRatio(),
                        g.lower95(),
                        g.upper95(),
                        g.suppressed()))
            .toList();
    return charts.forest(m.code() + "-equity", m.name(), "Rate ratio against White", rows);
  }

  /** Where the report's pages live: the phase's, or one service's in it. */
  static String base(ReportScope scope) {
    return "/reports/phases/"
        + scope.phaseId()
        + (scope.serviceId() == null ? "" : "/services/" + scope.serviceId());
  }

  /**
   * The measure's small multiples across the phase's services and their data table: one panel per
   * service on one scale over every month any of them returned; null when none returned any.
   */
  SmallMultiplesSection smallMultiples(MeasureReport m, List<ServiceSeries> services) {
    List<YearMonth> months =
        services.stream()
            .flatMap(s -> s.measure().months().stream().map(MeasureReport.Month::month))
            .distinct()
            .sorted()
            .toList();
    if (months.isEmpty()) {
      return null;
    }
    List<SmallMultiples.Panel> panels = new ArrayList<>();
    List<SmallMultiplesSection.Row> rows = new ArrayList<>();
    for (ServiceSeries s : services) {
      Map<YearMonth, MeasureReport.Month> byMonth = new HashMap<>();
      s.measure().months().forEach(month -> byMonth.put(month.month(), month));
      List<Double> values = new ArrayList<>();
      List<String> cells = new ArrayList<>();
      for (YearMonth month : months) {
        MeasureReport.Month published = byMonth.get(month);
        values.add(published == null ? null : published.value());
        cells.add(
            published == null
                ? "-"
                : published.value() == null
                    ? "*"
                    : String.format(Locale.ROOT, "%.2f", published.value()));
      }
      panels.add(new SmallMultiples.Panel(s.odsCode(), values, s.measure().centre()));
      rows.add(new SmallMultiplesSection.Row(s.odsCode(), cells));
    }
    return new SmallMultiplesSection(
        charts.smallMultiples(m.code() + "-services", m.name() + " by service", months, panels),
        months.stream().map(month -> month.format(MONTH)).toList(),
        rows);
  }

  private MeasureSection section(MeasureReport m) {
    return section(m, null);
  }

  private MeasureSection section(MeasureReport m, List<ServiceSeries> services) {
    List<ChartLegend.Entry> legend =
        new ArrayList<>(
            m.chartable().xmr() != null
                ? ChartLegend.xmr(m.target() != null)
                : ChartLegend.runChart());
    List<Change> changes = changes(m);
    if (changes.stream().anyMatch(Change::drawn)) {
      legend.add(ChartLegend.annotation());
    }
    return new MeasureSection(
        m,
        chart(m),
        MdcIcons.variation(m.variationIcon()).orElse(null),
        MdcIcons.assurance(m.assuranceIcon()).orElse(null),
        legend,
        equityChart(m),
        changes,
        services == null ? null : smallMultiples(m, services));
  }

  /** The changes the measure's chart marks, numbered as on the chart. */
  static List<Change> changes(MeasureReport m) {
    List<YearMonth> months = m.chartable().months();
    boolean charted = m.chartable().xmr() != null || m.chartable().runChart() != null;
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < m.annotations().size(); i++) {
      ChartAnnotation a = m.annotations().get(i);
      changes.add(
          new Change(
              Integer.toString(i + 1),
              a.month().format(MONTH),
              a.label(),
              charted && ChartAnnotations.index(a.month(), months) >= 0));
    }
    return changes;
  }

  private static Context context(ProgrammeReport report, boolean published) {
    Context context = new Context(Locale.UK);
    context.setVariable("report", report);
    context.setVariable("words", PlainEnglish.WORDS);
    context.setVariable("published", published);
    context.setVariable("pageBase", base(report.scope()));
    context.setVariable("chartBase", base(report.scope()) + "/measures/");
    return context;
  }

  /** Whether the months follow one another: only then can the axis be labelled by month. */
  static boolean consecutive(List<YearMonth> months) {
    for (int i = 1; i < months.size(); i++) {
      if (!months.get(i).equals(months.get(i - 1).plusMonths(1))) {
        return false;
      }
    }
    return !months.isEmpty();
  }
}
