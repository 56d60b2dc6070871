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

  private ChartColours() {}

  static String of(Variation variation) {
    return switch (variation) {
      case COMMON_CAUSE -> COMMON_CAUSE;
      case SPECIAL_CAUSE_IMPROVEMENT -> IMPROVEMENT;
      case SPECIAL_CAUSE_CONCERN -> CONCERN;
      case SPECIAL_CAUSE_NEUTRAL -> NEUTRAL;
    };
  }
}
