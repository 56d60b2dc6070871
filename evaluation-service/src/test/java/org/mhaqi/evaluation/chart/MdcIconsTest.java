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

  @Test
  void everyLetterMeetsWcagAaContrastOnTheWhiteInsideTheRing() {
    for (Icon icon : MdcIcons.all()) {
      if (icon.letter() != null) {
        assertThat(contrastOnWhite(icon.ink())).as(icon.name()).isGreaterThanOrEqualTo(4.5);
      }
    }
    assertThat(contrastOnWhite(BLUE)).as("why the letters need their own shade").isLessThan(4.5);
  }

  /** WCAG 2.2's contrast ratio against white, from its definition of relative luminance. */
  static double contrastOnWhite(String hex) {
    double[] rgb = new double[3];
    for (int c = 0; c < 3; c++) {
      double v = Integer.parseInt(hex.substring(1 + 2 * c, 3 + 2 * c), 16) / 255.0;
      rgb[c] = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    double luminance = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    return 1.05 / (luminance + 0.05);
  }
}
