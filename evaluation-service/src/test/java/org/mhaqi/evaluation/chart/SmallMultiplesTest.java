package org.mhaqi.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Pins the small multiples' geometry: positions worked out here from the values (one scale for
 * every panel, from the smallest shown value to the largest with 5% of their range added either
 * side) and each panel's plot area as the picture states it, not by the production scaling.
 */
class SmallMultiplesTest {

  static final Offset<Double> PIXEL = within(0.06);
  static final YearMonth JAN = YearMonth.of(2025, 1);

  private final SvgCharts charts = new SvgCharts();

  private final List<SmallMultiples.Panel> panels =
      List.of(
          new SmallMultiples.Panel("RA1", Arrays.asList(10.0, null, 20.0), 15.0),
          new SmallMultiples.Panel("RA2", Arrays.asList(5.0, 15.0, null), 10.0),
          new SmallMultiples.Panel("RA3", Arrays.asList(null, null, null), null),
          new SmallMultiples.Panel("RA4", Arrays.asList(12.0, 12.0, 12.0), 12.0));

  private final String markup =
      charts.smallMultiples(
          "restraint-services",
          "Restraint by service",
          List.of(JAN, JAN.plusMonths(1), JAN.plusMonths(2)),
          panels);
  private final Svg svg = Svg.parse(markup);

  /** The scale every panel shares: 5 to 20, with 0.75 either side. */
  static final double LOW = 5 - 0.75;

  static final double HIGH = 20 + 0.75;

  private static double attr(Element element, String name) {
    return Double.parseDouble(element.getAttribute(name));
  }

  private List<Element> panel(int index, String localName, String cssClass) {
    return svg.all(
        "(//*[local-name()='g' and @class='panel'])["
            + (index + 1)
            + "]/*[local-name()='"
            + localName
            + "' and @class='"
            + cssClass
            + "']");
  }

  private double[] expected(int panel, int month, double value) {
    Element plot = panel(panel, "rect", "plot-area").get(0);
    double x = attr(plot, "x") + month * attr(plot, "width") / 2;
    double y = attr(plot, "y") + (HIGH - value) / (HIGH - LOW) * attr(plot, "height");
    return new double[] {x, y};
  }

  @Test
  void drawsEveryPublishedValueOfEveryPanelOnOneScale() {
    double[][] ra1 = {expected(0, 0, 10), expected(0, 2, 20)};
    List<Element> dots = panel(0, "circle", "point");
    assertThat(dots).hasSize(2);
    for (int i = 0; i < 2; i++) {
      assertThat(attr(dots.get(i), "cx")).isCloseTo(ra1[i][0], PIXEL);
      assertThat(attr(dots.get(i), "cy")).isCloseTo(ra1[i][1], PIXEL);
    }
    List<Element> ra2 = panel(1, "circle", "point");
    assertThat(attr(ra2.get(1), "cx")).isCloseTo(expected(1, 1, 15)[0], PIXEL);
    assertThat(attr(ra2.get(1), "cy")).isCloseTo(expected(1, 1, 15)[1], PIXEL);
    // the same value sits at the same height in every panel of a row
    Element centre = panel(0, "line", "centre-line").get(0);
    assertThat(attr(centre, "y1")).isCloseTo(attr(ra2.get(1), "cy"), PIXEL);
    assertThat(attr(centre, "y1")).isCloseTo(expected(0, 0, 15)[1], PIXEL);
    assertThat(attr(centre, "x1")).isCloseTo(expected(0, 0, 15)[0], PIXEL);
    assertThat(attr(centre, "x2")).isCloseTo(expected(0, 2, 15)[0], PIXEL);
  }

  @Test
  void breaksTheLineWhereAMonthIsNotPublishedAndDrawsAnEmptyPanelWithoutOne() {
    // RA1's two values are a month apart: no line joins them
    assertThat(panel(0, "polyline", "value-line")).isEmpty();
    assertThat(panel(1, "polyline", "value-line")).hasSize(1);
    assertThat(panel(2, "circle", "point")).isEmpty();
    assertThat(panel(2, "line", "centre-line")).isEmpty();
    assertThat(panel(2, "text", "panel-name").get(0).getTextContent()).isEqualTo("RA3");
  }

  @Test
  void putsThreePanelsToARowAndTheFourthUnderTheFirst() {
    double firstX = attr(panel(0, "rect", "plot-area").get(0), "x");
    double firstY = attr(panel(0, "rect", "plot-area").get(0), "y");
    double secondX = attr(panel(1, "rect", "plot-area").get(0), "x");
    double thirdX = attr(panel(2, "rect", "plot-area").get(0), "x");
    assertThat(secondX - firstX).isEqualTo(thirdX - secondX).isGreaterThan(0);
    assertThat(attr(panel(1, "rect", "plot-area").get(0), "y")).isEqualTo(firstY);
    Element fourth = panel(3, "rect", "plot-area").get(0);
    assertThat(attr(fourth, "x")).isEqualTo(firstX);
    assertThat(attr(fourth, "y")).isGreaterThan(firstY + attr(fourth, "height"));
    // the picture holds every panel
    assertThat(attr(fourth, "y") + attr(fourth, "height")).isLessThan(attr(svg.root(), "height"));
    assertThat(thirdX + attr(panel(2, "rect", "plot-area").get(0), "width"))
        .isLessThan(attr(svg.root(), "width"));
  }

  @Test
  void isAnImageNamedAndDescribedInWordsAndDownloadsAsAPng() throws Exception {
    assertThat(svg.root().getAttribute("role")).isEqualTo("img");
    assertThat(svg.root().getAttribute("aria-labelledby"))
        .isEqualTo("restraint-services-title restraint-services-desc");
    assertThat(svg.all("//*[@id='restraint-services-desc']").get(0).getTextContent())
        .contains("RA1: latest 20 in Mar 2025", "RA3: no month published", "same scale");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(ChartPng.of(markup)));
    assertThat(image.getWidth()).isEqualTo((int) attr(svg.root(), "width"));
  }
}
