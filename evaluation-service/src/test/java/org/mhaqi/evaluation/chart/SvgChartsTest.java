package org.mhaqi.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.analysis.runchart.RunChartAnalysis;
import org.mhaqi.evaluation.analysis.spc.Improvement;
import org.mhaqi.evaluation.analysis.spc.XmrAnalysis;
import org.mhaqi.evaluation.analysis.spc.XmrOptions;
import org.mhaqi.evaluation.analysis.spc.XmrResult;
import org.w3c.dom.Element;

class SvgChartsTest {

  /** XmrAnalysisTest's baseline (mean 11, limits 13.66 and 8.34), then 13.67: above the limit. */
  static final List<Double> SERIES =
      List.of(10.0, 11.0, 12.0, 11.0, 10.0, 11.0, 12.0, 11.0, 10.0, 11.0, 12.0, 11.0, 13.67);

  static final YearMonth APRIL_2024 = YearMonth.of(2024, 4);

  private final SvgCharts charts = new SvgCharts();

  static XmrResult analysed(Improvement improvement) {
    return XmrAnalysis.analyse(SERIES, improvement, null, XmrOptions.baseline(12));
  }

  static double attr(Element element, String name) {
    return Double.parseDouble(element.getAttribute(name));
  }

  @Test
  void drawsTheCentreLineTheLimitsTheTargetAndEveryPoint() {
    Svg svg =
        Svg.parse(
            charts.xmr("Restraint", analysed(Improvement.INCREASE), 9.0, APRIL_2024, Set.of()));

    assertThat(svg.root().getLocalName()).isEqualTo("svg");
    assertThat(svg.root().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    assertThat(svg.root().hasAttribute("xmlns:th")).isFalse();
    assertThat(svg.elements("title").get(0).getTextContent()).isEqualTo("Restraint");
    Element centre = svg.withClass("line", "centre-line").get(0);
    Element upper = svg.withClass("line", "upper").get(0);
    Element lower = svg.withClass("line", "lower").get(0);
    assertThat(svg.withClass("line", "centre-line")).hasSize(1);
    assertThat(svg.withClass("line", "target")).hasSize(1);
    assertThat(upper.getAttribute("stroke-dasharray")).isEqualTo("6 4");
    assertThat(centre.hasAttribute("stroke-dasharray")).isFalse();
    // SVG's y grows downwards: the upper limit is drawn above the mean, the lower below it
    assertThat(attr(upper, "y1")).isLessThan(attr(centre, "y1"));
    assertThat(attr(centre, "y1")).isLessThan(attr(lower, "y1"));
    assertThat(attr(centre, "y1")).isEqualTo(attr(centre, "y2"));
    // the mean sits midway between limits symmetric about it
    assertThat(attr(centre, "y1") - attr(upper, "y1"))
        .isCloseTo(
            attr(lower, "y1") - attr(centre, "y1"), org.assertj.core.api.Assertions.within(0.11));
    assertThat(svg.elements("circle")).hasSize(13);
    assertThat(svg.withClass("polyline", "value-line")).hasSize(1);
  }

  @Test
  void coloursPointsAsMakingDataCountDoes() {
    Svg improving =
        Svg.parse(charts.xmr("t", analysed(Improvement.INCREASE), null, null, Set.of()));
    Svg concerning =
        Svg.parse(charts.xmr("t", analysed(Improvement.DECREASE), null, null, Set.of()));
    Svg neutral = Svg.parse(charts.xmr("t", analysed(Improvement.NEITHER), null, null, Set.of()));

    assertThat(improving.withClass("circle", "common_cause"))
        .hasSize(12)
        .allMatch(c -> c.getAttribute("fill").equals("#a6a6a6"));
    assertThat(improving.withClass("circle", "special_cause_improvement"))
        .singleElement()
        .extracting(c -> c.getAttribute("fill"))
        .isEqualTo("#00b0f0");
    assertThat(concerning.withClass("circle", "special_cause_concern"))
        .singleElement()
        .extracting(c -> c.getAttribute("fill"))
        .isEqualTo("#e46c0a");
    assertThat(neutral.withClass("circle", "special_cause_neutral"))
        .singleElement()
        .extracting(c -> c.getAttribute("fill"))
        .isEqualTo("#490092");
    assertThat(improving.withClass("line", "target")).isEmpty();
  }

  @Test
  void labelsTheAxisByMonthEverySecondMonthForThirteenPoints() {
    Svg svg =
        Svg.parse(charts.xmr("t", analysed(Improvement.INCREASE), null, APRIL_2024, Set.of()));

    // 13 points, at most 12 labels: every ceil(13 / 12) = 2nd point, points 0, 2, ... 12
    assertThat(svg.withClass("text", "x-label"))
        .extracting(Element::getTextContent)
        .containsExactly(
            "Apr 2024", "Jun 2024", "Aug 2024", "Oct 2024", "Dec 2024", "Feb 2025", "Apr 2025");
    assertThat(svg.withClass("circle", "special_cause_improvement").get(0).getTextContent())
        .isEqualTo("Apr 2025: 13.67 (Special cause variation: improvement)");
  }

  @Test
  void numbersThePointsWithoutAFirstMonth() {
    Svg svg =
        Svg.parse(
            charts.xmr(
                "t",
                XmrAnalysis.analyse(List.of(1.0, 2.0, 3.0), Improvement.INCREASE, null),
                null,
                null,
                Set.of()));
    assertThat(svg.withClass("text", "x-label"))
        .extracting(Element::getTextContent)
        .containsExactly("1", "2", "3");
  }

  @Test
  void suppressedPointsAreNeitherDrawnNorJoinedNorScaled() {
    List<Double> values = new ArrayList<>(SERIES);
    values.set(3, 1000.0);
    XmrResult result =
        XmrAnalysis.analyse(values, Improvement.INCREASE, null, XmrOptions.baseline(3));
    Svg shown = Svg.parse(charts.xmr("t", result, null, APRIL_2024, Set.of()));
    Svg suppressed = Svg.parse(charts.xmr("t", result, null, APRIL_2024, Set.of(3)));

    assertThat(suppressed.elements("circle")).hasSize(12);
    assertThat(suppressed.elements("circle"))
        .extracting(Element::getTextContent)
        .noneMatch(t -> t.startsWith("Jul 2024"));
    // the value line breaks at the hidden point: points 0-2 and 4-12
    assertThat(suppressed.withClass("polyline", "value-line")).hasSize(2);
    assertThat(
            suppressed.withClass("polyline", "value-line").get(0).getAttribute("points").split(" "))
        .hasSize(3);
    // the scale no longer reaches 1000: the axis stops far below it
    assertThat(shown.withClass("text", "y-label"))
        .extracting(e -> Double.parseDouble(e.getTextContent()))
        .anyMatch(v -> v >= 500);
    assertThat(suppressed.withClass("text", "y-label"))
        .extracting(e -> Double.parseDouble(e.getTextContent()))
        .allMatch(v -> v < 100);
  }

  @Test
  void drawsOneSetOfLinesPerSegmentAfterARebase() {
    List<Double> values = new ArrayList<>(SERIES.subList(0, 12));
    SERIES.subList(0, 12).forEach(v -> values.add(v + 5));
    XmrResult rebased =
        XmrAnalysis.analyse(values, Improvement.INCREASE, null, XmrOptions.rebasedAt(12));

    Svg svg = Svg.parse(charts.xmr("t", rebased, null, null, Set.of()));

    List<Element> centres = svg.withClass("line", "centre-line");
    assertThat(centres).hasSize(2);
    assertThat(attr(centres.get(0), "x2")).isLessThan(attr(centres.get(1), "x1"));
    assertThat(attr(centres.get(1), "y1")).isLessThan(attr(centres.get(0), "y1"));
    assertThat(svg.withClass("line", "process-limit")).hasSize(4);
  }

  @Test
  void drawsARunChartWithItsMedianAndSignals() {
    Svg svg =
        Svg.parse(
            charts.runChart(
                "Run",
                RunChartAnalysis.analyse(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 3.0, 3.0)),
                APRIL_2024,
                Set.of(6)));

    assertThat(svg.withClass("line", "centre-line")).hasSize(1);
    assertThat(svg.withClass("line", "process-limit")).isEmpty();
    assertThat(svg.elements("circle")).hasSize(6);
    assertThat(svg.withClass("circle", "signal"))
        .hasSize(5)
        .allMatch(c -> c.getAttribute("fill").equals("#490092"));
    assertThat(svg.withClass("circle", "common_cause"))
        .singleElement()
        .extracting(Element::getTextContent)
        .isEqualTo("Sep 2024: 3 (no signal)");
  }

  @Test
  void aTitleIsTextNeverMarkup() {
    String svg =
        charts.xmr(
            "<script>alert(1)</script> & more",
            analysed(Improvement.INCREASE),
            null,
            null,
            Set.of());
    Svg parsed = Svg.parse(svg);
    assertThat(parsed.elements("script")).isEmpty();
    assertThat(parsed.withClass("text", "chart-title").get(0).getTextContent())
        .isEqualTo("<script>alert(1)</script> & more");
  }

  @Test
  void labelsTheValueAxisInRoundSteps() {
    // values 10 .. 13.67 with limits 8.34 .. 13.66: padded range 8.074 .. 13.936, rough step
    // 5.862 / 4 = 1.47, rounded up to 2: labels 10 and 12 (8 lies below 8.074)
    Svg svg = Svg.parse(charts.xmr("t", analysed(Improvement.INCREASE), null, null, Set.of()));
    assertThat(svg.withClass("text", "y-label"))
        .extracting(Element::getTextContent)
        .containsExactly("10", "12");
    assertThat(ChartPlotter.niceStep(0.9)).isEqualTo(1.0);
    assertThat(ChartPlotter.niceStep(1.0)).isEqualTo(1.0);
    assertThat(ChartPlotter.niceStep(1.5)).isEqualTo(2.0);
    assertThat(ChartPlotter.niceStep(2.0)).isEqualTo(2.0);
    assertThat(ChartPlotter.niceStep(3.0)).isEqualTo(5.0);
    assertThat(ChartPlotter.niceStep(5.0)).isEqualTo(5.0);
    assertThat(ChartPlotter.niceStep(7.0)).isEqualTo(10.0);
    assertThat(ChartPlotter.niceStep(0.03))
        .isEqualTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void aSinglePointRunChartStillDraws() {
    Svg svg =
        Svg.parse(charts.runChart("one", RunChartAnalysis.analyse(List.of(4.0)), null, Set.of()));
    assertThat(svg.elements("circle")).hasSize(1);
    assertThat(svg.withClass("polyline", "value-line")).isEmpty();
  }
}
