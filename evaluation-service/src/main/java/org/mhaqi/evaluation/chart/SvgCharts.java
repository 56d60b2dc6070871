package org.mhaqi.evaluation.chart;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mhaqi.evaluation.analysis.runchart.RunChartPoint;
import org.mhaqi.evaluation.analysis.runchart.RunChartResult;
import org.mhaqi.evaluation.analysis.spc.XmrLimits;
import org.mhaqi.evaluation.analysis.spc.XmrPoint;
import org.mhaqi.evaluation.analysis.spc.XmrResult;
import org.mhaqi.evaluation.wording.PlainEnglish;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Draws analysis results as SVG: centre line, process limits (per segment after a rebase), the
 * target, and points coloured as Making Data Count colours them. Suppressed points are neither
 * drawn, nor joined by the value line, nor used for the scale, so the picture cannot give them
 * away. The markup comes from a Thymeleaf template in XML mode ({@code
 * templates/charts/chart.svg}).
 */
@Component
public class SvgCharts {

  static final String PROCESS_LIMIT_DASH = "6 4";
  static final String TARGET_DASH = "2 3";
  static final String ANNOTATION_DASH = "1 2";

  private final TemplateEngine templates;

  public SvgCharts() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/charts/");
    resolver.setSuffix(".svg");
    resolver.setTemplateMode(TemplateMode.XML);
    resolver.setCharacterEncoding("UTF-8");
    templates = new TemplateEngine();
    templates.setTemplateResolver(resolver);
  }

  /**
   * An XmR chart.
   *
   * @param title the chart's title
   * @param result the analysis
   * @param target the target line to draw, or null
   * @param firstMonth the month of the first point, or null to number the points
   * @param suppressed indexes of points that must not be shown
   */
  public String xmr(
      String title,
      XmrResult result,
      Double target,
      YearMonth firstMonth,
      Set<Integer> suppressed) {
    return xmr(title, result, target, firstMonth, suppressed, List.of());
  }

  /** An XmR chart with changes marked on it (each at a point of the chart). */
  public String xmr(
      String title,
      XmrResult result,
      Double target,
      YearMonth firstMonth,
      Set<Integer> suppressed,
      List<ChartMark> marks) {
    List<XmrPoint> points = result.points();
    List<Double> scale = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      if (!suppressed.contains(i)) {
        scale.add(points.get(i).value());
      }
    }
    for (XmrLimits limits : result.segments()) {
      scale.addAll(List.of(limits.mean(), limits.upperProcessLimit(), limits.lowerProcessLimit()));
    }
    if (target != null) {
      scale.add(target);
    }
    ChartPlotter plotter = new ChartPlotter(points.size(), firstMonth, scale);
    for (XmrLimits limits : result.segments()) {
      int from = limits.firstPoint();
      int to = limits.lastPoint();
      plotter.horizontal("centre-line", from, to, limits.mean(), ChartColours.CENTRE_LINE, "");
      plotter.horizontal(
          "process-limit upper",
          from,
          to,
          limits.upperProcessLimit(),
          ChartColours.PROCESS_LIMIT,
          PROCESS_LIMIT_DASH);
      plotter.horizontal(
          "process-limit lower",
          from,
          to,
          limits.lowerProcessLimit(),
          ChartColours.PROCESS_LIMIT,
          PROCESS_LIMIT_DASH);
    }
    if (target != null) {
      plotter.horizontal("target", 0, points.size() - 1, target, ChartColours.TARGET, TARGET_DASH);
    }
    plotter.valueLine(points.stream().map(XmrPoint::value).toList(), suppressed);
    for (int i = 0; i < points.size(); i++) {
      if (suppressed.contains(i)) {
        continue;
      }
      XmrPoint point = points.get(i);
      String variation = point.variation().name().toLowerCase(Locale.ROOT);
      plotter.dot(
          "point " + variation,
          i,
          point.value(),
          ChartColours.of(point.variation()),
          plotter.label(i)
              + ": "
              + ChartPlotter.number(point.value())
              + " ("
              + PlainEnglish.WORDS.variation(point.variation())
              + ")");
    }
    marks.forEach(plotter::mark);
    return render(plotter.model(title));
  }

  /** A run chart: the median, and points in a shift or trend marked as signals. */
  public String runChart(
      String title, RunChartResult result, YearMonth firstMonth, Set<Integer> suppressed) {
    return runChart(title, result, firstMonth, suppressed, List.of());
  }

  /** A run chart with changes marked on it (each at a point of the chart). */
  public String runChart(
      String title,
      RunChartResult result,
      YearMonth firstMonth,
      Set<Integer> suppressed,
      List<ChartMark> marks) {
    List<RunChartPoint> points = result.points();
    List<Double> scale = new ArrayList<>(List.of(result.median()));
    for (int i = 0; i < points.size(); i++) {
      if (!suppressed.contains(i)) {
        scale.add(points.get(i).value());
      }
    }
    ChartPlotter plotter = new ChartPlotter(points.size(), firstMonth, scale);
    plotter.horizontal(
        "centre-line", 0, points.size() - 1, result.median(), ChartColours.CENTRE_LINE, "");
    plotter.valueLine(points.stream().map(RunChartPoint::value).toList(), suppressed);
    for (int i = 0; i < points.size(); i++) {
      if (suppressed.contains(i)) {
        continue;
      }
      RunChartPoint point = points.get(i);
      boolean signal = point.shift() || point.trend();
      String what =
          point.shift() && point.trend()
              ? "shift and trend"
              : point.shift() ? "shift" : point.trend() ? "trend" : "no signal";
      plotter.dot(
          signal ? "point signal" : "point common_cause",
          i,
          point.value(),
          signal ? ChartColours.NEUTRAL : ChartColours.COMMON_CAUSE,
          plotter.label(i) + ": " + ChartPlotter.number(point.value()) + " (" + what + ")");
    }
    marks.forEach(plotter::mark);
    return render(plotter.model(title));
  }

  /**
   * A forest plot of rate ratios: each group's ratio and 95% interval on a log scale, the line at 1
   * (equal rates), and suppressed or inestimable groups named without a marker.
   *
   * @param id a prefix for the ids of its title and description, unique on the page it sits in
   * @param title the plot's title
   * @param axisTitle what the ratios compare, e.g. "Rate ratio against White"
   */
  public String forest(String id, String title, String axisTitle, List<ForestRow> rows) {
    Context context = new Context(Locale.UK);
    context.setVariable("chart", ForestPlot.layout(id, title, axisTitle + " (log scale)", rows));
    return templates.process("forest", context);
  }

  /**
   * Small multiples: one small chart of a measure per service, all on one scale and one run of
   * months, each with the service's centre line.
   *
   * @param id a prefix for the ids of its title and description, unique on the page it sits in
   * @param months the months of the panels' x axis, in order
   * @param panels one per service, its values one per month (null where none is published)
   */
  public String smallMultiples(
      String id, String title, List<YearMonth> months, List<SmallMultiples.Panel> panels) {
    Context context = new Context(Locale.UK);
    context.setVariable("chart", SmallMultiples.layout(id, title, months, panels));
    return templates.process("small-multiples", context);
  }

  /**
   * Coaching hours as bars: per row (a service at a coaching level) the hours planned and not
   * cancelled above the hours delivered, from 0 on one scale.
   */
  public String engagement(String id, String title, List<EngagementBars.Row> rows) {
    Context context = new Context(Locale.UK);
    context.setVariable("chart", EngagementBars.layout(id, title, rows));
    return templates.process("engagement", context);
  }

  /**
   * A measure's pilot phases against its wider phases: per phase a bar of the mean of its monthly
   * figures, pilot and wider in two colours, from 0 on one scale.
   *
   * @param axis the value axis's title in words
   */
  public String phases(String id, String title, String axis, List<PhaseBars.Row> rows) {
    Context context = new Context(Locale.UK);
    context.setVariable("chart", PhaseBars.layout(id, title, axis, rows));
    return templates.process("phases", context);
  }

  private String render(ChartModel chart) {
    Context context = new Context(Locale.UK);
    context.setVariable("chart", chart);
    return templates.process("chart", context);
  }
}
