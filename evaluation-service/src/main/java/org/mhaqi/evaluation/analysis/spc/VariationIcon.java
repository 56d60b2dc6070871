package org.mhaqi.evaluation.analysis.spc;

/**
 * Making Data Count's variation icon of a series: what its last point says, and for a special cause
 * which way it points. "High" is a special cause pointing up: above the mean for a point outside a
 * limit, near one or in a run; rising for a trend, wherever the trend lies against the mean.
 */
public enum VariationIcon {
  COMMON_CAUSE("common-cause"),
  IMPROVEMENT_HIGH("improvement-high"),
  IMPROVEMENT_LOW("improvement-low"),
  CONCERN_HIGH("concern-high"),
  CONCERN_LOW("concern-low"),
  /** A special cause above the mean of a measure with no direction of improvement. */
  NEITHER_HIGH("neither-high"),
  NEITHER_LOW("neither-low");

  private final String wireName;

  VariationIcon(String wireName) {
    this.wireName = wireName;
  }

  /** How the API, the reports and the events spell it, e.g. {@code improvement-high}. */
  public String wireName() {
    return wireName;
  }

  /** Whether the special cause it shows points up; false for common cause. */
  public boolean high() {
    return this == IMPROVEMENT_HIGH || this == CONCERN_HIGH || this == NEITHER_HIGH;
  }

  /** The icon of a point: its verdict, and for a special cause its direction (+1 up, -1 down). */
  public static VariationIcon of(XmrPoint point) {
    boolean up = point.direction() == 1;
    return switch (point.variation()) {
      case COMMON_CAUSE -> COMMON_CAUSE;
      case SPECIAL_CAUSE_IMPROVEMENT -> up ? IMPROVEMENT_HIGH : IMPROVEMENT_LOW;
      case SPECIAL_CAUSE_CONCERN -> up ? CONCERN_HIGH : CONCERN_LOW;
      case SPECIAL_CAUSE_NEUTRAL -> up ? NEITHER_HIGH : NEITHER_LOW;
    };
  }
}
