package org.mhaqi.evaluation.chart;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.mhaqi.evaluation.chart.ChartModel.Box;
import org.mhaqi.evaluation.chart.ChartModel.Dot;
import org.mhaqi.evaluation.chart.ChartModel.Label;
import org.mhaqi.evaluation.chart.ChartModel.Line;

/**
 * Lays out small multiples: one small chart of a measure per service, three to a row, all on one y
 * scale and one run of months so that the panels compare at a glance. Each panel draws the
 * service's published values (a withheld or missing month breaks the line and is not drawn) and its
 * centre line.
 */
public final class SmallMultiples {

  static final int COLUMNS = 3;
  static final int MARGIN = 16;
  static final int TOP = 44;
  static final int PANEL_WIDTH = 240;
  static final int PANEL_HEIGHT = 150;
  static final int GAP = 20;

  /** Inside a panel: room for the y labels, the service's name and the month labels. */
  static final int PAD_LEFT = 40;

  static final int PAD_RIGHT = 12;
  static final int PAD_TOP = 24;
  static final int PAD_BOTTOM = 26;
  static final int Y_TICKS = 4;

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

  /**
   * One service's panel.
   *
   * @param name the service as the page names it
   * @param values one per month of the chart; null where none is published
   * @param centre the service's mean or median; null when it has none
   */
  public record Panel(String name, List<Double> values, Double centre) {}

  private final int count;
  private final double low;
  private final double high;

  private SmallMultiples(int count, double low, double high) {
    this.count = count;
    this.low = low;
    this.high = high;
  }

  static SmallMultiplesModel layout(
      String id, String title, List<YearMonth> months, List<Panel> panels) {
    List<Double> shown = new ArrayList<>();
    for (Panel panel : panels) {
      panel.values().stream().filter(Objects::nonNull).forEach(shown::add);
      if (panel.centre() != null) {
        shown.add(panel.centre());
      }
    }
    double min = shown.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = shown.stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double pad = max > min ? (max - min) * 0.05 : Math.max(Math.abs(max) * 0.1, 1);
    return new SmallMultiples(months.size(), min - pad, max + pad).model(id, title, months, panels);
  }

  /** The left edge of the panel in column {@code column}. */
  static double panelX(int column) {
    return MARGIN + column * (PANEL_WIDTH + GAP);
  }

  /** The top edge of the panel in row {@code row}. */
  static double panelY(int row) {
    return TOP + row * (PANEL_HEIGHT + GAP);
  }

  double x(double panelLeft, int index) {
    double left = panelLeft + PAD_LEFT;
    double width = PANEL_WIDTH - PAD_LEFT - PAD_RIGHT;
    return count == 1 ? left + width / 2 : left + index * width / (count - 1);
  }

  double y(double panelTop, double value) {
    double top = panelTop + PAD_TOP;
    double height = PANEL_HEIGHT - PAD_TOP - PAD_BOTTOM;
    return top + (high - value) / (high - low) * height;
  }

  private SmallMultiplesModel model(
      String id, String title, List<YearMonth> months, List<Panel> panels) {
    int rows = Math.max(1, (panels.size() + COLUMNS - 1) / COLUMNS);
    int width = 2 * MARGIN + COLUMNS * PANEL_WIDTH + (COLUMNS - 1) * GAP;
    int height = TOP + rows * (PANEL_HEIGHT + GAP);
    StringBuilder description =
        new StringBuilder(title).append(": one small chart per service, all on the same scale. ");
    List<SmallMultiplesModel.PanelModel> drawn = new ArrayList<>();
    double step = ChartPlotter.niceStep((high - low) / (Y_TICKS - 1));
    for (int p = 0; p < panels.size(); p++) {
      Panel panel = panels.get(p);
      double left = panelX(p % COLUMNS);
      double top = panelY(p / COLUMNS);
      List<String> paths = new ArrayList<>();
      List<Dot> dots = new ArrayList<>();
      StringBuilder path = new StringBuilder();
      Integer latest = null;
      for (int i = 0; i < count; i++) {
        Double value = panel.values().get(i);
        if (value == null) {
          flush(path, paths);
          continue;
        }
        latest = i;
        String cx = ChartPlotter.px(x(left, i));
        String cy = ChartPlotter.px(y(top, value));
        path.append(path.isEmpty() ? "" : " ").append(cx).append(',').append(cy);
        dots.add(
            new Dot(
                "point",
                cx,
                cy,
                ChartColours.COMMON_CAUSE_INK,
                panel.name()
                    + ", "
                    + months.get(i).format(MONTH)
                    + ": "
                    + ChartPlotter.number(value)));
      }
      flush(path, paths);
      List<Label> yLabels = new ArrayList<>();
      for (double v = Math.ceil(low / step) * step; v <= high; v += step) {
        yLabels.add(
            new Label(
                ChartPlotter.px(left + PAD_LEFT - 4),
                ChartPlotter.px(y(top, v) + 4),
                ChartPlotter.number(v)));
      }
      List<Label> xLabels = new ArrayList<>();
      if (count > 0) {
        double labelY = top + PANEL_HEIGHT - PAD_BOTTOM + 14;
        xLabels.add(
            new Label(
                ChartPlotter.px(x(left, 0)), ChartPlotter.px(labelY), months.get(0).format(MONTH)));
        if (count > 1) {
          xLabels.add(
              new Label(
                  ChartPlotter.px(x(left, count - 1)),
                  ChartPlotter.px(labelY),
                  months.get(count - 1).format(MONTH)));
        }
      }
      Line centre =
          panel.centre() == null || count == 0
              ? null
              : new Line(
                  "centre-line",
                  ChartPlotter.px(x(left, 0)),
                  ChartPlotter.px(y(top, panel.centre())),
                  ChartPlotter.px(x(left, count - 1)),
                  ChartPlotter.px(y(top, panel.centre())),
                  ChartColours.CENTRE_LINE,
                  "");
      drawn.add(
          new SmallMultiplesModel.PanelModel(
              new Box(
                  ChartPlotter.px(left + PAD_LEFT),
                  ChartPlotter.px(top + PAD_TOP),
                  ChartPlotter.px(PANEL_WIDTH - PAD_LEFT - PAD_RIGHT),
                  ChartPlotter.px(PANEL_HEIGHT - PAD_TOP - PAD_BOTTOM)),
              new Label(ChartPlotter.px(left + PAD_LEFT), ChartPlotter.px(top + 14), panel.name()),
              paths,
              dots,
              centre,
              yLabels,
              xLabels));
      description
          .append(panel.name())
          .append(": ")
          .append(
              latest == null
                  ? "no month published"
                  : "latest "
                      + ChartPlotter.number(panel.values().get(latest))
                      + " in "
                      + months.get(latest).format(MONTH))
          .append(". ");
    }
    if (panels.isEmpty()) {
      description.append("No service has returns yet.");
    }
    return new SmallMultiplesModel(width, height, id, title, description.toString().trim(), drawn);
  }

  private static void flush(StringBuilder path, List<String> paths) {
    if (path.indexOf(" ") > 0) {
      paths.add(path.toString());
    }
    path.setLength(0);
  }
}
