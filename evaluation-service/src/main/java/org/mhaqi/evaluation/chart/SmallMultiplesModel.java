package org.mhaqi.evaluation.chart;

import java.util.List;
import org.mhaqi.evaluation.chart.ChartModel.Box;
import org.mhaqi.evaluation.chart.ChartModel.Dot;
import org.mhaqi.evaluation.chart.ChartModel.Label;
import org.mhaqi.evaluation.chart.ChartModel.Line;

/**
 * What the small multiples template draws, already in pixels and formatted.
 *
 * @param id the prefix of the ids its title and description are referred to by
 * @param description every panel in words (its accessible description)
 */
public record SmallMultiplesModel(
    int width, int height, String id, String title, String description, List<PanelModel> panels) {

  public String viewBox() {
    return "0 0 " + width + " " + height;
  }

  /**
   * One service's small chart.
   *
   * @param plot the panel's plot area
   * @param name the service's name above it
   * @param paths the value line, broken where a month is not published
   * @param centre the service's centre line; null when it has none
   */
  public record PanelModel(
      Box plot,
      Label name,
      List<String> paths,
      List<Dot> dots,
      Line centre,
      List<Label> yLabels,
      List<Label> xLabels) {}
}
