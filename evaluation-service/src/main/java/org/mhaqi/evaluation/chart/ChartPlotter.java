package org.mhaqi.evaluation.chart;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mhaqi.evaluation.chart.ChartModel.Box;
import org.mhaqi.evaluation.chart.ChartModel.Dot;
import org.mhaqi.evaluation.chart.ChartModel.Label;
import org.mhaqi.evaluation.chart.ChartModel.Line;

/**
 * Turns values into pixels: one x position per point (by month when the first month is known), a y
 * scale over the shown values and the drawn lines, labels every few months.
 */
final class ChartPlotter {

  static final int WIDTH = 760;
  static final int HEIGHT = 380;
  static final int LEFT = 64;
  static final int RIGHT = 24;
  static final int TOP = 40;
  static final int BOTTOM = 70;

  /** Space between the plot area's sides and the first and last points. */
  static final int INSET = 12;

  static final int MAX_X_LABELS = 12;
  static final int Y_TICKS = 5;

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  private final int count;
  private final YearMonth firstMonth;
  private final double low;
  private final double high;
  private final List<Line> lines = new ArrayList<>();
  private final List<Dot> dots = new ArrayList<>();
  private final List<String> paths = new ArrayList<>();
  private final List<ChartModel.Mark> marks = new ArrayList<>();

  /** The height of a mark's number, by which the numbers at one point are stacked. */
  static final int MARK_STEP = 13;

  /**
   * @param count the number of points
   * @param firstMonth the month of the first point, or null to number the points
   * @param shownValues the values the scale must hold: shown points, centre lines, limits, target
   */
  ChartPlotter(int count, YearMonth firstMonth, List<Double> shownValues) {
    this.count = count;
    this.firstMonth = firstMonth;
    double min = shownValues.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = shownValues.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double pad = max > min ? (max - min) * 0.05 : Math.max(Math.abs(max) * 0.1, 1);
    this.low = min - pad;
    this.high = max + pad;
  }

  double x(int index) {
    double pointsWidth = WIDTH - LEFT - RIGHT - 2 * INSET;
    return count == 1
        ? LEFT + INSET + pointsWidth / 2
        : LEFT + INSET + index * pointsWidth / (count - 1);
  }

  double y(double value) {
    double plotHeight = HEIGHT - TOP - BOTTOM;
    return TOP + (high - value) / (high - low) * plotHeight;
  }

  String label(int index) {
    return firstMonth == null
        ? Integer.toString(index + 1)
        : firstMonth.plusMonths(index).format(MONTH);
  }

  /** A horizontal line over points {@code from} to {@code to}. */
  void horizontal(String cssClass, int from, int to, double value, String stroke, String dash) {
    lines.add(new Line(cssClass, px(x(from)), px(y(value)), px(x(to)), px(y(value)), stroke, dash));
  }

  void dot(String cssClass, int index, double value, String fill, String title) {
    dots.add(new Dot(cssClass, px(x(index)), px(y(value)), fill, title));
  }

  /**
   * Marks a change at its point: a line from the top of the plot to its bottom, its number at the
   * top just right of the line, below the numbers of earlier marks at the same point.
   */
  void mark(ChartMark mark) {
    int below = (int) marks.stream().filter(m -> m.line().x1().equals(px(x(mark.index())))).count();
    String at = px(x(mark.index()));
    marks.add(
        new ChartModel.Mark(
            new Line(
                "annotation",
                at,
                px(TOP),
                at,
                px(HEIGHT - BOTTOM),
                ChartColours.ANNOTATION,
                SvgCharts.ANNOTATION_DASH),
            new Label(px(x(mark.index()) + 3), px(TOP + 11 + below * MARK_STEP), mark.number()),
            mark.label()));
  }

  /** The value line through the shown points, broken at each suppressed one. */
  void valueLine(List<Double> values, Set<Integer> suppressed) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      if (suppressed.contains(i)) {
        flush(path);
        continue;
      }
      path.append(path.isEmpty() ? "" : " ")
          .append(px(x(i)))
          .append(',')
          .append(px(y(values.get(i))));
    }
    flush(path);
  }

  private void flush(StringBuilder path) {
    if (path.indexOf(" ") > 0) {
      paths.add(path.toString());
    }
    path.setLength(0);
  }

  ChartModel model(String title) {
    List<Label> xLabels = new ArrayList<>();
    int every = Math.max(1, (count + MAX_X_LABELS - 1) / MAX_X_LABELS);
    for (int i = 0; i < count; i += every) {
      xLabels.add(new Label(px(x(i)), px(HEIGHT - BOTTOM + 18), label(i)));
    }
    List<Label> yLabels = new ArrayList<>();
    double step = niceStep((high - low) / (Y_TICKS - 1));
    for (double value = Math.ceil(low / step) * step; value <= high; value += step) {
      yLabels.add(new Label(px(LEFT - 8), px(y(value) + 4), number(value)));
    }
    Box plot = new Box(px(LEFT), px(TOP), px(WIDTH - LEFT - RIGHT), px(HEIGHT - TOP - BOTTOM));
    return new ChartModel(WIDTH, HEIGHT, title, plot, lines, paths, dots, xLabels, yLabels, marks);
  }

  /** The round step (1, 2 or 5 times a power of 10) nearest above {@code rough}. */
  static double niceStep(double rough) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
    double normalised = rough / magnitude;
    double nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
    return nice * magnitude;
  }

  static String px(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** A value as a reader wants it on an axis or in a tooltip: up to 3 decimals, no trailing 0s. */
  static String number(double value) {
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3f", value))
        .stripTrailingZeros()
        .toPlainString();
  }
}
