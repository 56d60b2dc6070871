package org.mhaqi.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Pins the forest plot's geometry: positions are worked out here from the values and the log axis
 * the picture states (its first and last tick labels and their x), not by the production scaling.
 */
class ForestPlotTest {

  /** Pixels are written to 0.1, so a position may be off by half of that from the exact one. */
  static final Offset<Double> PIXEL = within(0.06);

  private final SvgCharts charts = new SvgCharts();

  private final List<ForestRow> rows =
      List.of(
          new ForestRow("Mixed", 2.0, 1.0, 4.0, false),
          new ForestRow("Asian or Asian British", 0.5, 0.25, 1.0, false),
          new ForestRow("Black or Black British", null, null, null, true),
          new ForestRow("Other ethnic groups", 1.2, 0.9, 1.6, false));

  private final Svg svg =
      Svg.parse(charts.forest("restraint-equity", "Restraint", "Rate ratio against White", rows));

  /** The axis as the picture labels it: ratio to x, on a log scale between its end ticks. */
  private double stated(double ratio) {
    List<Element> ticks = svg.withClass("text", "tick-label");
    Element first = ticks.get(0);
    Element last = ticks.get(ticks.size() - 1);
    double lowRatio = Double.parseDouble(first.getTextContent());
    double highRatio = Double.parseDouble(last.getTextContent());
    double lowX = attr(first, "x");
    double highX = attr(last, "x");
    return lowX
        + (Math.log(ratio) - Math.log(lowRatio))
            / (Math.log(highRatio) - Math.log(lowRatio))
            * (highX - lowX);
  }

  private static double attr(Element element, String name) {
    return Double.parseDouble(element.getAttribute(name));
  }

  /** The XPath of a group's row: the {@code g} holding its name. */
  private static String row(String group) {
    return "//*[local-name()='g' and @class='row'][*[local-name()='text' and @class='group' and"
        + " text()='"
        + group
        + "']]";
  }

  private List<Element> in(String row, String localName, String cssClass) {
    return svg.all(row + "/*[local-name()='" + localName + "' and @class='" + cssClass + "']");
  }

  @Test
  void statesALogAxisFromATickBelowEveryIntervalToATickAboveIt() {
    assertThat(svg.withClass("text", "tick-label"))
        .extracting(Element::getTextContent)
        .containsExactly("0.2", "0.5", "1", "2", "5");
    assertThat(svg.withClass("text", "axis-title").get(0).getTextContent())
        .isEqualTo("Rate ratio against White (log scale)");
    // on a log scale 2 sits as far right of 1 as 0.5 sits left of it
    double one = attr(svg.withClass("text", "tick-label").get(2), "x");
    double two = attr(svg.withClass("text", "tick-label").get(3), "x");
    double half = attr(svg.withClass("text", "tick-label").get(1), "x");
    assertThat(two - one).isCloseTo(one - half, within(0.11));
  }

  @Test
  void drawsEachRatioAndItsIntervalWhereTheLogAxisPutsThem() {
    for (ForestRow expected : List.of(rows.get(0), rows.get(1), rows.get(3))) {
      String row = row(expected.group());
      Element marker = in(row, "rect", "ratio").get(0);
      Element interval = in(row, "line", "interval").get(0);
      assertThat(attr(marker, "x") + attr(marker, "width") / 2)
          .as(expected.group())
          .isCloseTo(stated(expected.ratio()), PIXEL);
      assertThat(attr(interval, "x1")).isCloseTo(stated(expected.lower95()), PIXEL);
      assertThat(attr(interval, "x2")).isCloseTo(stated(expected.upper95()), PIXEL);
      // the marker sits on its interval
      assertThat(attr(marker, "y") + attr(marker, "height") / 2)
          .isCloseTo(attr(interval, "y1"), PIXEL);
    }
  }

  @Test
  void drawsTheReferenceLineAtOne() {
    Element reference = svg.withClass("line", "reference").get(0);
    assertThat(attr(reference, "x1")).isCloseTo(stated(1), PIXEL);
    assertThat(attr(reference, "x2")).isEqualTo(attr(reference, "x1"));
  }

  @Test
  void namesASuppressedGroupWithoutAMarker() {
    String suppressed = row("Black or Black British");
    assertThat(in(suppressed, "rect", "ratio")).isEmpty();
    assertThat(in(suppressed, "line", "interval")).isEmpty();
    assertThat(in(suppressed, "text", "withheld").get(0).getTextContent())
        .isEqualTo("Suppressed (small numbers)");
    assertThat(svg.withClass("rect", "ratio")).hasSize(3);
  }

  @Test
  void isAnImageNamedAndDescribedInWords() {
    assertThat(svg.root().getAttribute("role")).isEqualTo("img");
    assertThat(svg.root().getAttribute("aria-labelledby"))
        .isEqualTo("restraint-equity-title restraint-equity-desc");
    assertThat(svg.all("//*[@id='restraint-equity-title']").get(0).getTextContent())
        .isEqualTo("Restraint");
    assertThat(svg.all("//*[@id='restraint-equity-desc']").get(0).getTextContent())
        .contains(
            "Mixed: 2.00 (1.00 to 4.00)", "Black or Black British: suppressed (small numbers)");
  }

  @Test
  void leavesAGroupWithoutEventsUndrawnAsNotEstimable() {
    Svg zero =
        Svg.parse(
            charts.forest(
                "z", "t", "Rate ratio", List.of(new ForestRow("Mixed", 0.0, null, null, false))));
    assertThat(zero.withClass("rect", "ratio")).isEmpty();
    assertThat(zero.withClass("text", "withheld").get(0).getTextContent())
        .isEqualTo("Not estimable");
  }

  @Test
  void downloadsAsAPngOfItsOwnSize() throws Exception {
    String forest =
        charts.forest("restraint-equity", "Restraint", "Rate ratio against White", rows);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(ChartPng.of(forest)));

    assertThat(image.getWidth()).isEqualTo((int) attr(svg.root(), "width"));
    assertThat(image.getHeight()).isEqualTo((int) attr(svg.root(), "height"));
  }

  @Test
  void withoutAGroupToCompareSaysSoInWordsAndDrawsNoAxis() throws Exception {
    String none = charts.forest("none-equity", "Restraint", "Rate ratio against White", List.of());
    Svg empty = Svg.parse(none);

    assertThat(empty.withClass("text", "none").get(0).getTextContent())
        .isEqualTo("No group has enough people to compare yet.");
    assertThat(empty.all("//*[@id='none-equity-desc']").get(0).getTextContent())
        .isEqualTo("Restraint. No group has enough people to compare yet.");
    // no line at 1, no ticks, no plot area: they would stand for nothing
    assertThat(empty.withClass("line", "reference")).isEmpty();
    assertThat(empty.withClass("text", "tick-label")).isEmpty();
    assertThat(empty.withClass("rect", "plot-area")).isEmpty();
    assertThat(empty.withClass("g", "row")).isEmpty();
    // the words sit inside the picture, which still downloads as a PNG of its own size
    Element words = empty.withClass("text", "none").get(0);
    assertThat(attr(words, "y")).isLessThan(attr(empty.root(), "height"));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(ChartPng.of(none)));
    assertThat(image.getHeight()).isEqualTo((int) attr(empty.root(), "height"));
  }
}
