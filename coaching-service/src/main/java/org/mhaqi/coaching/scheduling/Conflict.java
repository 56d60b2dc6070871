package org.mhaqi.coaching.scheduling;

/**
 * Why a coach cannot take a session at a time.
 *
 * @param kind the rule it breaks
 * @param message the rule in words
 */
public record Conflict(Kind kind, String message) {

  /** The rules a coach's booking must keep. */
  public enum Kind {
    UNKNOWN_COACH,
    LEVEL_NOT_DELIVERED,
    NOT_A_WORKING_DAY,
    AWAY,
    DOUBLE_BOOKED,
    OVER_WEEKLY_CAPACITY
  }
}
