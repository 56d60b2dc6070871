package org.mhaqi.evaluation.chart;

import java.util.List;
import org.mhaqi.evaluation.chart.ChartModel.Box;
import org.mhaqi.evaluation.chart.ChartModel.Label;
import org.mhaqi.evaluation.chart.ChartModel.Line;

/**
 * What the forest plot template draws, already in pixels and formatted.
 *
 * @param id the prefix of the ids its title and description are referred to by
 * @param title the plot's title (its accessible name)
 * @param description every row in words (its accessible description)
 * @param reference the vertical line at a ratio of 1
 * @param ticks the log axis's tick marks, each at its labelled ratio
 * @param tickLabels the ratios the ticks stand for
 * @param axisTitle what the axis measures, and that it is a log scale
 * @param valueHeading the heading of the numbers at the right of the plot
 * @param none the words drawn instead of an axis when there is no group to draw; null when there is
 *     one (then {@code plot}, {@code reference}, {@code axisTitle} and {@code valueHeading} are
 *     null and {@code ticks} empty)
 */
public record ForestModel(
    int width,
    int height,
    String id,
    String title,
    String description,
    Box plot,
    Line reference,
    List<Line> ticks,
    List<Label> tickLabels,
    Label axisTitle,
    Label valueHeading,
    List<Row> rows,
    Label none) {

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }

  /**
   * A group's row: its name, then either its interval and marker or the words saying why not.
   *
   * @param interval the 95% interval, null when not drawn
   * @param marker the ratio's square, null when not drawn
   * @param withheld why there is no marker, at the right of the plot; null when drawn
   * @param value the ratio and interval as numbers, at the right of the plot; null when withheld
   */
  public record Row(Label name, Line interval, Marker marker, Label withheld, Label value) {}

  /** A square with its top left corner at (x, y), {@code title} its tooltip. */
  public record Marker(String x, String y, String size, String title) {}
}
