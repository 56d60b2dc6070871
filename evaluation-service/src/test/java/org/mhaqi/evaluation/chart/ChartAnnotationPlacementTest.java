package org.mhaqi.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.analysis.runchart.RunChartAnalysis;
import org.mhaqi.evaluation.analysis.spc.Improvement;
import org.w3c.dom.Element;

/**
 * Pins where a chart marks a change: positions worked out here from the plot area the picture
 * states and the points' spacing (13 points spread evenly inside a 12 pixel inset), not by the
 * production scaling.
 */
class ChartAnnotationPlacementTest {

  static final Offset<Double> PIXEL = within(0.06);

  private final SvgCharts charts = new SvgCharts();

  private final List<ChartMark> marks =
      List.of(
          new ChartMark(0, "1", "Change idea 1, PDSA cycle 1 started"),
          new ChartMark(5, "2", "Baseline ends: limits fixed on the months to here"),
          new ChartMark(5, "3", "First coaching session"),
          new ChartMark(12, "4", "Change idea 1, PDSA cycle 1: idea adopted"));

  private final Svg svg =
      Svg.parse(
          charts.xmr(
              "Restraint",
              SvgChartsTest.analysed(Improvement.INCREASE),
              null,
              SvgChartsTest.APRIL_2024,
              Set.of(),
              marks));

  /** Where point {@code index} of 13 sits: the plot area's left plus the inset, evenly spaced. */
  private double expectedX(int index) {
    Element plot = svg.withClass("rect", "plot-area").get(0);
    double left = SvgChartsTest.attr(plot, "x") + 12;
    double right = SvgChartsTest.attr(plot, "x") + SvgChartsTest.attr(plot, "width") - 12;
    return left + index * (right - left) / 12;
  }

  @Test
  void marksEachChangeWithAVerticalLineThroughThePlotAtItsPoint() {
    Element plot = svg.withClass("rect", "plot-area").get(0);
    double top = SvgChartsTest.attr(plot, "y");
    double bottom = top + SvgChartsTest.attr(plot, "height");
    List<Element> lines = svg.withClass("line", "annotation-line");
    assertThat(lines).hasSize(4);
    int[] at = {0, 5, 5, 12};
    for (int i = 0; i < at.length; i++) {
      Element line = lines.get(i);
      assertThat(SvgChartsTest.attr(line, "x1"))
          .as("mark %d", i + 1)
          .isCloseTo(expectedX(at[i]), PIXEL);
      assertThat(SvgChartsTest.attr(line, "x2")).isEqualTo(SvgChartsTest.attr(line, "x1"));
      assertThat(SvgChartsTest.attr(line, "y1")).isCloseTo(top, PIXEL);
      assertThat(SvgChartsTest.attr(line, "y2")).isCloseTo(bottom, PIXEL);
    }
    // and it is the month's point's x: the line passes through the point it marks
    List<Element> points = svg.elements("circle");
    assertThat(SvgChartsTest.attr(lines.get(1), "x1"))
        .isEqualTo(SvgChartsTest.attr(points.get(5), "cx"));
  }

  @Test
  void numbersEachMarkAtTheTopStackingTheNumbersOfOnePoint() {
    Element plot = svg.withClass("rect", "plot-area").get(0);
    double top = SvgChartsTest.attr(plot, "y");
    List<Element> numbers = svg.withClass("text", "annotation-number");
    assertThat(numbers).extracting(Element::getTextContent).containsExactly("1", "2", "3", "4");
    // just right of its line, its baseline one line (11 px) below the top of the plot
    assertThat(SvgChartsTest.attr(numbers.get(0), "x")).isCloseTo(expectedX(0) + 3, PIXEL);
    assertThat(SvgChartsTest.attr(numbers.get(0), "y")).isCloseTo(top + 11, PIXEL);
    // the second mark of point 5 sits one number (13 px) below the first, at the same x
    assertThat(SvgChartsTest.attr(numbers.get(1), "y")).isCloseTo(top + 11, PIXEL);
    assertThat(SvgChartsTest.attr(numbers.get(2), "y")).isCloseTo(top + 11 + 13, PIXEL);
    assertThat(SvgChartsTest.attr(numbers.get(2), "x"))
        .isEqualTo(SvgChartsTest.attr(numbers.get(1), "x"));
    assertThat(SvgChartsTest.attr(numbers.get(3), "y")).isCloseTo(top + 11, PIXEL);
  }

  @Test
  void eachMarkCarriesItsWordsAsItsTooltip() {
    List<Element> groups = svg.withClass("g", "annotation");
    assertThat(groups).hasSize(4);
    assertThat(groups.get(2).getElementsByTagNameNS("*", "title").item(0).getTextContent())
        .isEqualTo("First coaching session");
  }

  @Test
  void aChartWithoutChangesHasNoMarksAndARunChartHasThemToo() {
    Svg plain =
        Svg.parse(
            charts.xmr("t", SvgChartsTest.analysed(Improvement.INCREASE), null, null, Set.of()));
    assertThat(plain.withClass("g", "annotations")).isEmpty();

    Svg run =
        Svg.parse(
            charts.runChart(
                "t",
                RunChartAnalysis.analyse(List.of(3.0, 4.0, 5.0, 4.0, 3.0)),
                null,
                Set.of(),
                List.of(new ChartMark(4, "1", "Improvement day"))));
    Element line = run.withClass("line", "annotation-line").get(0);
    assertThat(SvgChartsTest.attr(line, "x1"))
        .isEqualTo(SvgChartsTest.attr(run.elements("circle").get(4), "cx"));
  }
}
