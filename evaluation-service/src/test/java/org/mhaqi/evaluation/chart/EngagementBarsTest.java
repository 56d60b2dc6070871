package org.mhaqi.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Pins the coaching hours' bars: lengths worked out here from the hours and the axis the picture
 * states (its 0 tick and its last tick), not by the production scaling.
 */
class EngagementBarsTest {

  static final Offset<Double> PIXEL = within(0.06);

  private final SvgCharts charts = new SvgCharts();

  private final List<EngagementBars.Row> rows =
      List.of(
          new EngagementBars.Row("RA1, executive", 12, 9.5),
          new EngagementBars.Row("RA1, service leadership", 37, 0),
          new EngagementBars.Row("RA2, executive", 4, 4));

  private final Svg svg =
      Svg.parse(charts.engagement("coaching-hours", "Coaching hours by service and level", rows));

  private static double attr(Element element, String name) {
    return Double.parseDouble(element.getAttribute(name));
  }

  /** Where the axis the picture states puts {@code hours}. */
  private double stated(double hours) {
    List<Element> ticks = svg.withClass("text", "tick-label");
    Element zero = ticks.get(0);
    Element last = ticks.get(ticks.size() - 1);
    assertThat(zero.getTextContent()).isEqualTo("0");
    return attr(zero, "x")
        + hours / Double.parseDouble(last.getTextContent()) * (attr(last, "x") - attr(zero, "x"));
  }

  @Test
  void labelsTheAxisFromZeroToARoundNumberHoldingTheLongestBar() {
    assertThat(svg.withClass("text", "tick-label"))
        .extracting(Element::getTextContent)
        .containsExactly("0", "10", "20", "30", "40");
  }

  @Test
  void drawsEachRowsPlannedAboveItsDeliveredHoursFromZero() {
    List<Element> planned = svg.withClass("rect", "planned");
    List<Element> delivered = svg.withClass("rect", "delivered");
    assertThat(planned).hasSize(3);
    for (int i = 0; i < rows.size(); i++) {
      EngagementBars.Row row = rows.get(i);
      assertThat(attr(planned.get(i), "x")).isCloseTo(stated(0), PIXEL);
      assertThat(attr(planned.get(i), "x") + attr(planned.get(i), "width"))
          .as(row.name())
          .isCloseTo(stated(row.planned()), PIXEL);
      assertThat(attr(delivered.get(i), "x") + attr(delivered.get(i), "width"))
          .isCloseTo(stated(row.delivered()), PIXEL);
      assertThat(attr(delivered.get(i), "y")).isGreaterThan(attr(planned.get(i), "y"));
    }
    // rows one under another
    assertThat(attr(planned.get(1), "y")).isGreaterThan(attr(delivered.get(0), "y"));
    assertThat(attr(delivered.get(1), "width")).isEqualTo(0);
  }

  @Test
  void namesEveryBarInWords() {
    assertThat(svg.root().getAttribute("aria-labelledby"))
        .isEqualTo("coaching-hours-title coaching-hours-desc");
    assertThat(svg.all("//*[@id='coaching-hours-desc']").get(0).getTextContent())
        .contains("RA1, executive: 12 planned, 9.5 delivered");
    assertThat(svg.withClass("text", "name"))
        .extracting(Element::getTextContent)
        .containsExactly("RA1, executive", "RA1, service leadership", "RA2, executive");
  }

  @Test
  void withoutASessionSaysSo() {
    Svg none = Svg.parse(charts.engagement("h", "Coaching hours", List.of()));
    assertThat(none.all("//*[@id='h-desc']").get(0).getTextContent())
        .contains("No coaching session is planned yet.");
    assertThat(none.withClass("rect", "planned")).isEmpty();
  }
}
