package org.mhaqi.evaluation.chart;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.chart.MdcIcons.Dot;
import org.mhaqi.evaluation.chart.MdcIcons.Icon;

/** The icons as Making Data Count draws them: colour, letter, and the small series' shape. */
class MdcIconsTest {

  static final String GREY = "#a6a6a6";
  static final String BLUE = "#00b0f0";
  static final String ORANGE = "#e46c0a";
  static final String PURPLE = "#490092";

  static Icon variation(String name) {
    return MdcIcons.variation(name).orElseThrow();
  }

  @Test
  void eachVariationIconHasItsColourAndLetter() {
    assertThat(variation("common-cause"))
        .extracting(Icon::colour, Icon::letter)
        .containsExactly(GREY, null);
    assertThat(variation("improvement-high"))
        .extracting(Icon::colour, Icon::letter)
        .containsExactly(BLUE, "H");
    assertThat(variation("improvement-low"))
        .extracting(Icon::colour, Icon::letter)
        .containsExactly(BLUE, "L");
    assertThat(variation("concern-high"))
        .extracting(Icon::colour, Icon::letter)
        .containsExactly(ORANGE, "H");
    assertThat(variation("concern-low"))
        .extracting(Icon::colour, Icon::letter)
        .containsExactly(ORANGE, "L");
    assertThat(variation("neither-high"))
        .extracting(Icon::colour, Icon::letter)
        .containsExactly(PURPLE, "H");
    assertThat(variation("neither-low"))
        .extracting(Icon::colour, Icon::letter)
        .containsExactly(PURPLE, "L");
  }

  @Test
  void aHighSpecialCauseEndsItsSeriesUpThePageInItsColourALowOneDown() {
    // Five points 5.5 apart from x = 11; the first three about the middle (y = 29) in grey.
    Icon high = variation("concern-high");
    assertThat(high.dots())
        .containsExactly(
            new Dot(11, 28, GREY),
            new Dot(16.5, 30, GREY),
            new Dot(22, 28, GREY),
            new Dot(27.5, 26, ORANGE),
            new Dot(33, 23, ORANGE));
    Icon low = variation("improvement-low");
    assertThat(low.dots().subList(3, 5))
        .containsExactly(new Dot(27.5, 32, BLUE), new Dot(33, 35, BLUE));
    assertThat(variation("common-cause").dots())
        .hasSize(5)
        .allMatch(d -> d.fill().equals(GREY) && Math.abs(d.cy() - 29) == 1);
  }

  @Test
  void assuranceIsAPassFailOrQuestionMark() {
    assertThat(MdcIcons.assurance("pass").orElseThrow())
        .extracting(Icon::colour, Icon::letter)
        .containsExactly(BLUE, "P");
    assertThat(MdcIcons.assurance("fail").orElseThrow())
        .extracting(Icon::colour, Icon::letter)
        .containsExactly(ORANGE, "F");
    assertThat(MdcIcons.assurance("hit-and-miss").orElseThrow())
        .extracting(Icon::colour, Icon::letter)
        .containsExactly(GREY, "?");
    assertThat(MdcIcons.assurance("pass").orElseThrow().dots()).isEmpty();
  }

  @Test
  void everyIconHasWordsAndNoIconIsNothing() {
    assertThat(MdcIcons.all()).hasSize(10).allMatch(i -> !i.label().isBlank());
    assertThat(MdcIcons.all()).extracting(Icon::label).doesNotHaveDuplicates();
    assertThat(variation("improvement-high").label()).contains("improving", "higher");
    assertThat(MdcIcons.assurance("fail").orElseThrow().label()).contains("fail");
    assertThat(MdcIcons.variation((String) null)).isEmpty();
    assertThat(MdcIcons.assurance((String) null)).isEmpty();
    assertThat(MdcIcons.variation("pass")).isEmpty();
  }
}
