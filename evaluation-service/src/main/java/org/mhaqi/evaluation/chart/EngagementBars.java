package org.mhaqi.evaluation.chart;

import java.util.ArrayList;
import java.util.List;
import org.mhaqi.evaluation.chart.ChartModel.Label;
import org.mhaqi.evaluation.chart.ChartModel.Line;

/**
 * Lays out coaching hours as bars: one row per service and coaching level, its planned hours (not
 * cancelled) above its delivered hours, both from 0 on one linear scale to a round number at or
 * above the largest.
 */
public final class EngagementBars {

  static final int WIDTH = 760;
  static final int LEFT = 250;
  static final int RIGHT = 70;
  static final int TOP = 60;
  static final int ROW = 34;
  static final int BAR = 12;
  static final int BOTTOM = 50;
  static final int TICKS = 5;
  static final String PLANNED = "#768692";
  static final String DELIVERED = "#005eb8";

  /**
   * One row: a service at a coaching level.
   *
   * @param name the row's name in words, e.g. "RA1, executive"
   * @param planned the hours planned and not cancelled
   * @param delivered the hours delivered
   */
  public record Row(String name, double planned, double delivered) {}

  private final double max;

  private EngagementBars(double max) {
    this.max = max;
  }

  static EngagementBarsModel layout(String id, String title, List<Row> rows) {
    double largest = 0;
    for (Row row : rows) {
      largest = Math.max(largest, Math.max(row.planned(), row.delivered()));
    }
    double step = ChartPlotter.niceStep(Math.max(largest, 1) / TICKS);
    double top = Math.ceil(Math.max(largest, 1) / step) * step;
    return new EngagementBars(top).model(id, title, rows, step);
  }

  double x(double hours) {
    return LEFT + hours / max * (WIDTH - LEFT - RIGHT);
  }

  private EngagementBarsModel model(String id, String title, List<Row> rows, double step) {
    int plotHeight = Math.max(1, rows.size()) * ROW;
    int height = TOP + plotHeight + BOTTOM;
    double axisY = TOP + plotHeight;
    StringBuilder description =
        new StringBuilder(title).append(": hours planned and not cancelled, and hours delivered. ");
    List<EngagementBarsModel.Bars> bars = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double rowTop = TOP + i * ROW + (ROW - 2 * BAR - 2) / 2.0;
      String planned = ChartPlotter.number(row.planned());
      String delivered = ChartPlotter.number(row.delivered());
      bars.add(
          new EngagementBarsModel.Bars(
              new Label(ChartPlotter.px(LEFT - 8), ChartPlotter.px(rowTop + BAR + 5), row.name()),
              bar(
                  "planned",
                  rowTop,
                  row.planned(),
                  PLANNED,
                  row.name() + ": " + planned + " hours planned"),
              bar(
                  "delivered",
                  rowTop + BAR + 2,
                  row.delivered(),
                  DELIVERED,
                  row.name() + ": " + delivered + " hours delivered")));
      description
          .append(row.name())
          .append(": ")
          .append(planned)
          .append(" planned, ")
          .append(delivered)
          .append(" delivered. ");
    }
    if (rows.isEmpty()) {
      description.append("No coaching session is planned yet.");
    }
    List<Line> ticks = new ArrayList<>();
    List<Label> tickLabels = new ArrayList<>();
    for (double tick = 0; tick <= max * (1 + 1e-9); tick += step) {
      String at = ChartPlotter.px(x(tick));
      ticks.add(
          new Line(
              "tick", at, ChartPlotter.px(TOP), at, ChartPlotter.px(axisY + 5), "#d9d9d9", ""));
      tickLabels.add(new Label(at, ChartPlotter.px(axisY + 18), ChartPlotter.number(tick)));
    }
    return new EngagementBarsModel(
        WIDTH,
        height,
        id,
        title,
        description.toString().trim(),
        ticks,
        tickLabels,
        new Label(
            ChartPlotter.px(LEFT + (WIDTH - LEFT - RIGHT) / 2.0),
            ChartPlotter.px(axisY + 38),
            "Hours"),
        bars);
  }

  private EngagementBarsModel.Bar bar(
      String cssClass, double y, double hours, String fill, String label) {
    return new EngagementBarsModel.Bar(
        cssClass,
        ChartPlotter.px(LEFT),
        ChartPlotter.px(y),
        ChartPlotter.px(x(hours) - LEFT),
        Integer.toString(BAR),
        fill,
        label,
        new Label(
            ChartPlotter.px(x(hours) + 4),
            ChartPlotter.px(y + BAR - 2),
            ChartPlotter.number(hours)));
  }
}
