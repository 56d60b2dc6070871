package org.mhaqi.evaluation.chart;

import org.mhaqi.evaluation.analysis.spc.Variation;

/** Making Data Count's colours (the defaults of NHSRplotthedots' ptd_spc_colours). */
final class ChartColours {

  static final String COMMON_CAUSE = "#a6a6a6";
  static final String IMPROVEMENT = "#00b0f0";
  static final String CONCERN = "#e46c0a";
  static final String NEUTRAL = "#490092";
  static final String VALUE_LINE = "#a6a6a6";
  static final String CENTRE_LINE = "#000000";
  static final String PROCESS_LIMIT = "#a6a6a6";
  static final String TARGET = "#de1b1b";

  /** A change marked on a chart: the NHS's dark grey, dark enough for its numbers as text. */
  static final String ANNOTATION = "#4c6272";

  /*
   * Making Data Count's blue, orange and grey are too pale for text on white (2.4 to 3.3 to 1; WCAG
   * AA asks 4.5 for small text), so the icons' letters take these darker shades of the same hues.
   */
  static final String IMPROVEMENT_INK = "#006d96";
  static final String CONCERN_INK = "#b35309";
  static final String COMMON_CAUSE_INK = "#595959";

  private ChartColours() {}

  /** The shade of an icon's colour its letter is written in; the purple is dark enough. */
  static String ink(String colour) {
    return switch (colour) {
      case IMPROVEMENT -> IMPROVEMENT_INK;
      case CONCERN -> CONCERN_INK;
      case COMMON_CAUSE -> COMMON_CAUSE_INK;
      default -> colour;
    };
  }

  static String of(Variation variation) {
    return switch (variation) {
      case COMMON_CAUSE -> COMMON_CAUSE;
      case SPECIAL_CAUSE_IMPROVEMENT -> IMPROVEMENT;
      case SPECIAL_CAUSE_CONCERN -> CONCERN;
      case SPECIAL_CAUSE_NEUTRAL -> NEUTRAL;
    };
  }
}
