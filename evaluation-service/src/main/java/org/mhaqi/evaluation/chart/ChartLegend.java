package org.mhaqi.evaluation.chart;

import java.util.ArrayList;
import java.util.List;

/** What a chart's marks mean, in the colours and dashes {@link SvgCharts} draws them with. */
public final class ChartLegend {

  /**
   * One entry: a point (a dot) or a line, and the words for it.
   *
   * @param dash the line's dash pattern, empty for a solid line or a dot
   */
  public record Entry(boolean dot, String colour, String dash, String text) {}

  private ChartLegend() {}

  /** An XmR chart's: the point colours, the mean, the process limits and any target. */
  public static List<Entry> xmr(boolean withTarget) {
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(true, ChartColours.COMMON_CAUSE, "", "common cause"));
    entries.add(new Entry(true, ChartColours.IMPROVEMENT, "", "special cause, improvement"));
    entries.add(new Entry(true, ChartColours.CONCERN, "", "special cause, concern"));
    entries.add(
        new Entry(
            true, ChartColours.NEUTRAL, "", "special cause, neither improvement nor concern"));
    entries.add(new Entry(false, ChartColours.CENTRE_LINE, "", "mean"));
    entries.add(
        new Entry(
            false, ChartColours.PROCESS_LIMIT, SvgCharts.PROCESS_LIMIT_DASH, "process limits"));
    if (withTarget) {
      entries.add(new Entry(false, ChartColours.TARGET, SvgCharts.TARGET_DASH, "target"));
    }
    return entries;
  }

  /** The entry of the changes marked on a chart, numbered as the list beneath it. */
  public static Entry annotation() {
    return new Entry(
        false,
        ChartColours.ANNOTATION,
        SvgCharts.ANNOTATION_DASH,
        "a change (numbered as in the list of changes beneath the chart)");
  }

  /** A run chart's: points in a shift or trend, the others, and the median. */
  public static List<Entry> runChart() {
    return List.of(
        new Entry(true, ChartColours.COMMON_CAUSE, "", "no signal"),
        new Entry(true, ChartColours.NEUTRAL, "", "part of a shift or trend"),
        new Entry(false, ChartColours.CENTRE_LINE, "", "median"));
  }
}
