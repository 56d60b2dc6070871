package org.mhaqi.evaluation.chart;

import java.util.List;
import org.mhaqi.evaluation.chart.ChartModel.Label;
import org.mhaqi.evaluation.chart.ChartModel.Line;

/** What the pilot-against-wider template draws, already in pixels and formatted. */
public record PhaseBarsModel(
    int width,
    int height,
    String id,
    String title,
    String description,
    List<Line> ticks,
    List<Label> tickLabels,
    Label axisTitle,
    List<Phase> rows) {

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }

  /** A phase's name and its bar, or (without figures) the words saying so instead. */
  public record Phase(Label name, EngagementBarsModel.Bar bar, Label none) {}
}
