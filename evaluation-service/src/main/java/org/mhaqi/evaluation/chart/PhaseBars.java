package org.mhaqi.evaluation.chart;

import java.util.ArrayList;
import java.util.List;
import org.mhaqi.evaluation.chart.ChartModel.Label;
import org.mhaqi.evaluation.chart.ChartModel.Line;

/**
 * Lays out one measure's pilot phases against its wider phases: one bar per phase, its chart's
 * centre line (the mean of its monthly figures on an XmR chart, their median on a run chart while
 * it has too few months), pilot and wider phases in two colours, from 0 on one linear scale to a
 * round number at or above the largest.
 */
public final class PhaseBars {

  static final int WIDTH = 760;
  static final int LEFT = 200;
  static final int RIGHT = 70;
  static final int TOP = 60;
  static final int ROW = 28;
  static final int BAR = 16;
  static final int BOTTOM = 50;
  static final int TICKS = 5;
  public static final String PILOT = "#330072";
  public static final String WIDER = "#005eb8";

  /**
   * One phase.
   *
   * @param name the phase in words, e.g. "Pilot phase 1"
   * @param pilot whether it is a pilot phase (a wider phase otherwise)
   * @param mean its chart's centre line (mean, or median on a run chart); null when it has none
   */
  public record Row(String name, boolean pilot, Double mean) {}

  private final double max;

  private PhaseBars(double max) {
    this.max = max;
  }

  static PhaseBarsModel layout(String id, String title, String axis, List<Row> rows) {
    double largest = 0;
    for (Row row : rows) {
      if (row.mean() != null) {
        largest = Math.max(largest, row.mean());
      }
    }
    double step = ChartPlotter.niceStep(Math.max(largest, 1) / TICKS);
    double top = Math.ceil(Math.max(largest, 1) / step) * step;
    return new PhaseBars(top).model(id, title, axis, rows, step);
  }

  double x(double value) {
    return LEFT + value / max * (WIDTH - LEFT - RIGHT);
  }

  private PhaseBarsModel model(String id, String title, String axis, List<Row> rows, double step) {
    int plotHeight = Math.max(1, rows.size()) * ROW;
    int height = TOP + plotHeight + BOTTOM;
    double axisY = TOP + plotHeight;
    StringBuilder description =
        new StringBuilder(title)
            .append(": the centre line of each phase's chart (its mean, or its median while it")
            .append(" has too few months for an XmR chart). ");
    List<PhaseBarsModel.Phase> phases = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      double rowTop = TOP + i * ROW + (ROW - BAR) / 2.0;
      Label name =
          new Label(ChartPlotter.px(LEFT - 8), ChartPlotter.px(rowTop + BAR - 4), row.name());
      if (row.mean() == null) {
        phases.add(
            new PhaseBarsModel.Phase(
                name,
                null,
                new Label(
                    ChartPlotter.px(LEFT + 4),
                    ChartPlotter.px(rowTop + BAR - 4),
                    "no figures yet")));
        description.append(row.name()).append(": no figures yet. ");
        continue;
      }
      String mean = ChartPlotter.number(row.mean());
      phases.add(
          new PhaseBarsModel.Phase(
              name,
              new EngagementBarsModel.Bar(
                  row.pilot() ? "pilot" : "wider",
                  ChartPlotter.px(LEFT),
                  ChartPlotter.px(rowTop),
                  ChartPlotter.px(x(row.mean()) - LEFT),
                  Integer.toString(BAR),
                  row.pilot() ? PILOT : WIDER,
                  row.name() + ": centre line " + mean,
                  new Label(
                      ChartPlotter.px(x(row.mean()) + 4), ChartPlotter.px(rowTop + BAR - 4), mean)),
              null));
      description.append(row.name()).append(": centre line ").append(mean).append(". ");
    }
    if (rows.isEmpty()) {
      description.append("No phase has figures yet.");
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
    return new PhaseBarsModel(
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
            axis),
        phases);
  }
}
