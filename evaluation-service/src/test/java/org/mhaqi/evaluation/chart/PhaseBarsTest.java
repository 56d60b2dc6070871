package org.mhaqi.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Pins pilot against wider's bars: lengths worked out here from the means and the axis the picture
 * states (its 0 tick and its last tick), not by the production scaling.
 */
class PhaseBarsTest {

  static final Offset<Double> PIXEL = within(0.06);

  private final SvgCharts charts = new SvgCharts();

  private final List<PhaseBars.Row> rows =
      List.of(
          new PhaseBars.Row("Pilot phase 1", true, 41.5),
          new PhaseBars.Row("Pilot phase 2", true, null),
          new PhaseBars.Row("Wider phase 1", false, 63.25),
          new PhaseBars.Row("Wider phase 2", false, 12.0));

  private final Svg svg =
      Svg.parse(charts.phases("pw", "Restraint: pilot against wider", "Mean", rows));

  private static double attr(Element element, String name) {
    return Double.parseDouble(element.getAttribute(name));
  }

  /** Where the axis the picture states puts {@code value}. */
  private double stated(double value) {
    List<Element> ticks = svg.withClass("text", "tick-label");
    Element zero = ticks.get(0);
    Element last = ticks.get(ticks.size() - 1);
    assertThat(zero.getTextContent()).isEqualTo("0");
    return attr(zero, "x")
        + value / Double.parseDouble(last.getTextContent()) * (attr(last, "x") - attr(zero, "x"));
  }

  @Test
  void labelsTheAxisFromZeroToARoundNumberHoldingTheLongestBar() {
    assertThat(svg.withClass("text", "tick-label"))
        .extracting(Element::getTextContent)
        .containsExactly("0", "20", "40", "60", "80");
  }

  @Test
  void drawsEachPhasesMeanFromZeroPilotAndWiderInTheirColours() {
    List<Element> pilot = svg.withClass("rect", "pilot");
    List<Element> wider = svg.withClass("rect", "wider");
    assertThat(pilot).hasSize(1);
    assertThat(wider).hasSize(2);
    assertThat(pilot.get(0).getAttribute("fill")).isEqualTo(PhaseBars.PILOT);
    assertThat(wider)
        .allSatisfy(w -> assertThat(w.getAttribute("fill")).isEqualTo(PhaseBars.WIDER));
    assertThat(PhaseBars.PILOT).isNotEqualTo(PhaseBars.WIDER);
    List<Element> bars = new ArrayList<>(List.of(pilot.get(0), wider.get(0), wider.get(1)));
    double[] means = {41.5, 63.25, 12.0};
    for (int i = 0; i < bars.size(); i++) {
      Element bar = bars.get(i);
      assertThat(attr(bar, "x")).isCloseTo(stated(0), PIXEL);
      assertThat(attr(bar, "x") + attr(bar, "width")).isCloseTo(stated(means[i]), PIXEL);
    }
    // one row under another, in the order given
    assertThat(attr(wider.get(0), "y")).isGreaterThan(attr(pilot.get(0), "y"));
    assertThat(attr(wider.get(1), "y")).isGreaterThan(attr(wider.get(0), "y"));
    assertThat(svg.withClass("text", "value"))
        .extracting(Element::getTextContent)
        .containsExactly("41.5", "63.25", "12");
  }

  @Test
  void aPhaseWithoutFiguresIsNamedAndSaysSoInsteadOfABar() {
    assertThat(svg.withClass("text", "name"))
        .extracting(Element::getTextContent)
        .containsExactly("Pilot phase 1", "Pilot phase 2", "Wider phase 1", "Wider phase 2");
    List<Element> none = svg.withClass("text", "none");
    assertThat(none).hasSize(1);
    assertThat(none.get(0).getTextContent()).isEqualTo("no figures yet");
    Element name = svg.withClass("text", "name").get(1);
    assertThat(attr(none.get(0), "y")).isEqualTo(attr(name, "y"));
  }

  @Test
  void describesEveryPhaseInWords() {
    assertThat(svg.root().getAttribute("aria-labelledby")).isEqualTo("pw-title pw-desc");
    assertThat(svg.all("//*[@id='pw-desc']").get(0).getTextContent())
        .contains("Pilot phase 1: centre line 41.5.")
        .contains("Pilot phase 2: no figures yet.")
        .contains("Wider phase 1: centre line 63.25.");
  }

  @Test
  void withoutAPhaseSaysSo() {
    Svg empty = Svg.parse(charts.phases("e", "Restraint", "Mean", List.of()));
    assertThat(empty.all("//*[@id='e-desc']").get(0).getTextContent())
        .contains("No phase has figures yet.");
    assertThat(empty.withClass("g", "row")).isEmpty();
  }
}
