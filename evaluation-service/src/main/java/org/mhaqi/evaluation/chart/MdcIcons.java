package org.mhaqi.evaluation.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.mhaqi.evaluation.analysis.spc.AssuranceIcon;
import org.mhaqi.evaluation.analysis.spc.VariationIcon;

/**
 * How Making Data Count draws its icons, for an inline SVG of 44 by 44: a ring in the verdict's
 * colour (blue improvement, orange concern, purple neither, grey common cause or hit-and-miss), a
 * letter (H or L for the side of a special cause; P, F or ? for assurance), and for variation five
 * points of a small series whose last two rise (high) or fall (low) in the colour. Each icon has
 * the words that say the same, for its title, its label and the text beside it.
 */
public final class MdcIcons {

  /**
   * One icon as drawn.
   *
   * @param name as the API spells it, e.g. {@code improvement-high}
   * @param label the words it stands for
   * @param colour the ring's colour, and the letter's hue
   * @param letter H, L, P, F, ? or null (common cause has none)
   * @param dots the points of the small series (variation icons only)
   */
  public record Icon(String name, String label, String colour, String letter, List<Dot> dots) {

    /** The letter's colour: a darker shade of the ring's that small text can be read in. */
    public String ink() {
      return ChartColours.ink(colour);
    }
  }

  /** A point of the small series inside a variation icon. */
  public record Dot(double cx, double cy, String fill) {}

  /** The points' x positions, and the height of the middle of the series inside the ring. */
  static final double[] DOT_X = {11, 16.5, 22, 27.5, 33};

  static final double MIDDLE = 29;
  static final double STEP = 3;

  private MdcIcons() {}

  /** The variation icon named as the API spells it; empty for null or an unknown name. */
  public static Optional<Icon> variation(String name) {
    return Arrays.stream(VariationIcon.values())
        .filter(v -> v.wireName().equals(name))
        .findFirst()
        .map(MdcIcons::variation);
  }

  /** The assurance icon named as the API spells it; empty for null or an unknown name. */
  public static Optional<Icon> assurance(String name) {
    return Arrays.stream(AssuranceIcon.values())
        .filter(a -> a.wireName().equals(name))
        .findFirst()
        .map(MdcIcons::assurance);
  }

  static Icon variation(VariationIcon icon) {
    String colour =
        switch (icon) {
          case COMMON_CAUSE -> ChartColours.COMMON_CAUSE;
          case IMPROVEMENT_HIGH, IMPROVEMENT_LOW -> ChartColours.IMPROVEMENT;
          case CONCERN_HIGH, CONCERN_LOW -> ChartColours.CONCERN;
          case NEITHER_HIGH, NEITHER_LOW -> ChartColours.NEUTRAL;
        };
    String label =
        switch (icon) {
          case COMMON_CAUSE -> "Common cause variation: no significant change";
          case IMPROVEMENT_HIGH -> "Special cause variation of an improving nature: higher values";
          case IMPROVEMENT_LOW -> "Special cause variation of an improving nature: lower values";
          case CONCERN_HIGH -> "Special cause variation of a concerning nature: higher values";
          case CONCERN_LOW -> "Special cause variation of a concerning nature: lower values";
          case NEITHER_HIGH ->
              "Special cause variation, neither improvement nor concern: higher values";
          case NEITHER_LOW ->
              "Special cause variation, neither improvement nor concern: lower values";
        };
    List<Dot> dots = new ArrayList<>();
    boolean special = icon != VariationIcon.COMMON_CAUSE;
    int way = icon.high() ? -1 : 1;
    for (int i = 0; i < DOT_X.length; i++) {
      if (special && i >= 3) {
        // The last two leave the series on the special cause's side (up the page is high).
        dots.add(new Dot(DOT_X[i], MIDDLE + way * STEP * (i - 2), colour));
      } else {
        // Common cause wanders about the middle.
        dots.add(new Dot(DOT_X[i], MIDDLE + (i % 2 == 0 ? -1 : 1), ChartColours.COMMON_CAUSE));
      }
    }
    return new Icon(
        icon.wireName(), label, colour, special ? (icon.high() ? "H" : "L") : null, dots);
  }

  static Icon assurance(AssuranceIcon icon) {
    return switch (icon) {
      case PASS ->
          new Icon(
              icon.wireName(),
              "Assurance: the process will consistently pass the target",
              ChartColours.IMPROVEMENT,
              "P",
              List.of());
      case FAIL ->
          new Icon(
              icon.wireName(),
              "Assurance: the process will consistently fail the target",
              ChartColours.CONCERN,
              "F",
              List.of());
      case HIT_AND_MISS ->
          new Icon(
              icon.wireName(),
              "Assurance: the process will sometimes meet the target and sometimes fail it",
              ChartColours.COMMON_CAUSE,
              "?",
              List.of());
    };
  }

  /** Every variation icon then every assurance icon, for a legend. */
  public static List<Icon> all() {
    List<Icon> all = new ArrayList<>();
    Arrays.stream(VariationIcon.values()).map(MdcIcons::variation).forEach(all::add);
    Arrays.stream(AssuranceIcon.values()).map(MdcIcons::assurance).forEach(all::add);
    return all;
  }
}
