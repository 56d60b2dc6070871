package org.mhaqi.evaluation.chart;

import java.util.List;
import org.mhaqi.evaluation.chart.ChartModel.Label;
import org.mhaqi.evaluation.chart.ChartModel.Line;

/** What the engagement bars template draws, already in pixels and formatted. */
public record EngagementBarsModel(
    int width,
    int height,
    String id,
    String title,
    String description,
    List<Line> ticks,
    List<Label> tickLabels,
    Label axisTitle,
    List<Bars> rows) {

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }

  /** A row's name and its two bars. */
  public record Bars(Label name, Bar planned, Bar delivered) {}

  /** A bar from the axis's 0, its hours written at its end; {@code title} its tooltip. */
  public record Bar(
      String cssClass,
      String x,
      String y,
      String width,
      String height,
      String fill,
      String title,
      Label value) {}
}
