package org.mhaqi.events.evaluation;

/** Which way a special cause points, given the measure's direction of improvement. */
public enum SignalVariation {
  SPECIAL_CAUSE_IMPROVEMENT,
  SPECIAL_CAUSE_CONCERN,
  /** The measure has no direction of improvement. */
  SPECIAL_CAUSE_NEUTRAL
}
