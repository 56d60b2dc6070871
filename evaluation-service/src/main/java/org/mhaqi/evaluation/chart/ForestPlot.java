package org.mhaqi.evaluation.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mhaqi.evaluation.chart.ChartModel.Box;
import org.mhaqi.evaluation.chart.ChartModel.Label;
import org.mhaqi.evaluation.chart.ChartModel.Line;

/**
 * Lays out a forest plot: one row per group, ratios on a log scale (so that 2 and 0.5 sit equally
 * far from 1), the axis running between ticks of 1, 2 and 5 times a power of 10 that hold every
 * interval and at least 0.5 to 2.
 */
final class ForestPlot {

  static final int WIDTH = 760;
  static final int LEFT = 200;
  static final int RIGHT = 195;
  static final int TOP = 60;
  static final int ROW = 30;
  static final int BOTTOM = 56;
  static final int MARKER = 9;
  static final String REFERENCE_COLOUR = "#000000";
  static final String INTERVAL_COLOUR = "#005eb8";

  /** What the figure says in place of an axis when it has no group to draw. */
  static final String NO_GROUPS = "No group has enough people to compare yet";

  /** Room for the rounding of decimal ratios such as 0.5 / 0.1. */
  private static final double EPSILON = 1e-9;

  private final double low;
  private final double high;

  private ForestPlot(double low, double high) {
    this.low = low;
    this.high = high;
  }

  static ForestModel layout(String id, String title, String axisTitle, List<ForestRow> rows) {
    double min = 0.5;
    double max = 2;
    for (ForestRow row : rows) {
      if (row.drawn()) {
        min = Math.min(min, row.lower95());
        max = Math.max(max, row.upper95());
      }
    }
    ForestPlot plot = new ForestPlot(tickAtOrBelow(min), tickAtOrAbove(max));
    return plot.model(id, title, axisTitle, rows);
  }

  double x(double ratio) {
    double plotWidth = WIDTH - LEFT - RIGHT;
    return LEFT + (Math.log(ratio) - Math.log(low)) / (Math.log(high) - Math.log(low)) * plotWidth;
  }

  private ForestModel model(String id, String title, String axisTitle, List<ForestRow> rows) {
    if (rows.isEmpty()) {
      return empty(id, title);
    }
    int plotHeight = Math.max(1, rows.size()) * ROW;
    int height = TOP + plotHeight + BOTTOM;
    double axisY = TOP + plotHeight;
    List<ForestModel.Row> drawn = new ArrayList<>();
    StringBuilder description =
        new StringBuilder(title)
            .append(". ")
            .append(axisTitle)
            .append(", each with its 95% confidence interval. ");
    for (int i = 0; i < rows.size(); i++) {
      ForestRow row = rows.get(i);
      double y = TOP + (i + 0.5) * ROW;
      String valueX = ChartPlotter.px(WIDTH - RIGHT + 10);
      String textY = ChartPlotter.px(y + 4);
      Label name = new Label(ChartPlotter.px(LEFT - 10), textY, row.group());
      String summary;
      if (row.drawn()) {
        String value =
            decimals(row.ratio())
                + " ("
                + decimals(row.lower95())
                + " to "
                + decimals(row.upper95())
                + ")";
        summary = row.group() + ": " + value;
        double cx = x(row.ratio());
        drawn.add(
            new ForestModel.Row(
                name,
                new Line(
                    "interval",
                    ChartPlotter.px(x(row.lower95())),
                    ChartPlotter.px(y),
                    ChartPlotter.px(x(row.upper95())),
                    ChartPlotter.px(y),
                    INTERVAL_COLOUR,
                    ""),
                new ForestModel.Marker(
                    ChartPlotter.px(cx - MARKER / 2.0),
                    ChartPlotter.px(y - MARKER / 2.0),
                    Integer.toString(MARKER),
                    summary),
                null,
                new Label(valueX, textY, value)));
      } else {
        summary = row.group() + ": " + row.withheldReason().toLowerCase(Locale.ROOT);
        drawn.add(
            new ForestModel.Row(
                name, null, null, new Label(valueX, textY, row.withheldReason()), null));
      }
      description.append(summary).append(". ");
    }
    List<Line> ticks = new ArrayList<>();
    List<Label> tickLabels = new ArrayList<>();
    for (double tick : ticksBetween(low, high)) {
      String at = ChartPlotter.px(x(tick));
      ticks.add(
          new Line(
              "tick", at, ChartPlotter.px(axisY), at, ChartPlotter.px(axisY + 5), "#444444", ""));
      tickLabels.add(new Label(at, ChartPlotter.px(axisY + 18), ChartPlotter.number(tick)));
    }
    String one = ChartPlotter.px(x(1));
    return new ForestModel(
        WIDTH,
        height,
        id,
        title,
        description.toString().trim(),
        new Box(
            ChartPlotter.px(LEFT),
            ChartPlotter.px(TOP),
            ChartPlotter.px(WIDTH - LEFT - RIGHT),
            ChartPlotter.px(plotHeight)),
        new Line(
            "reference",
            one,
            ChartPlotter.px(TOP),
            one,
            ChartPlotter.px(axisY),
            REFERENCE_COLOUR,
            ""),
        ticks,
        tickLabels,
        new Label(
            ChartPlotter.px(LEFT + (WIDTH - LEFT - RIGHT) / 2.0),
            ChartPlotter.px(axisY + 40),
            axisTitle),
        new Label(
            ChartPlotter.px(WIDTH - RIGHT + 10), ChartPlotter.px(TOP - 8), "Ratio (95% interval)"),
        drawn,
        null);
  }

  /**
   * The figure of a scope without a group to compare: its title and, in words where the rows would
   * be, that there is none; no axis, since it would stand for nothing.
   */
  private static ForestModel empty(String id, String title) {
    return new ForestModel(
        WIDTH,
        TOP + ROW + BOTTOM / 2,
        id,
        title,
        title + ". " + NO_GROUPS + ".",
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        List.of(),
        new Label(ChartPlotter.px(16), ChartPlotter.px(TOP + ROW / 2.0 + 4), NO_GROUPS + "."));
  }

  /** The ticks 1, 2 and 5 times a power of 10 from {@code low} to {@code high}. */
  static List<Double> ticksBetween(double low, double high) {
    List<Double> ticks = new ArrayList<>();
    for (int power = (int) Math.floor(Math.log10(low)); ; power++) {
      for (int step : new int[] {1, 2, 5}) {
        double tick = step * Math.pow(10, power);
        if (tick > high * (1 + EPSILON)) {
          return ticks;
        }
        if (tick >= low * (1 - EPSILON)) {
          ticks.add(tick);
        }
      }
    }
  }

  /** The largest tick not above {@code value}. */
  static double tickAtOrBelow(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    double normalised = value / power;
    return (normalised >= 5 - EPSILON ? 5 : normalised >= 2 - EPSILON ? 2 : 1) * power;
  }

  /** The smallest tick not below {@code value}. */
  static double tickAtOrAbove(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(value)));
    double normalised = value / power;
    return (normalised <= 1 + EPSILON
            ? 1
            : normalised <= 2 + EPSILON ? 2 : normalised <= 5 + EPSILON ? 5 : 10)
        * power;
  }

  static String decimals(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
