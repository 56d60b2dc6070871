package org.mhaqi.evaluation.chart;

import java.util.List;

/**
 * What the SVG template draws, already in pixels and formatted: the template only lays it out.
 *
 * @param width the image width
 * @param height the image height
 * @param title the chart's title (also its accessible name)
 * @param plot the plot area
 * @param lines centre lines, process limits and the target
 * @param paths the value line, broken where a point is suppressed
 * @param dots the points that may be shown
 * @param xLabels month (or point number) labels
 * @param yLabels value labels
 * @param marks the changes marked on the chart, each a vertical line with its number
 */
public record ChartModel(
    int width,
    int height,
    String title,
    Box plot,
    List<Line> lines,
    List<String> paths,
    List<Dot> dots,
    List<Label> xLabels,
    List<Label> yLabels,
    List<Mark> marks) {

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }

  /** A rectangle. */
  public record Box(String x, String y, String width, String height) {}

  /** A straight line; {@code dash} empty for a solid one. */
  public record Line(
      String cssClass, String x1, String y1, String x2, String y2, String stroke, String dash) {}

  /** A point: {@code title} is its tooltip. */
  public record Dot(String cssClass, String cx, String cy, String fill, String title) {}

  /**
   * A change marked at a point: a vertical line through the plot and its number at the top, stacked
   * below the others of the same point.
   */
  public record Mark(Line line, Label number, String label) {}

  /** A text label anchored at (x, y). */
  public record Label(String x, String y, String text) {}
}
