package org.mhaqi.events.coaching;

/** The programme's two coaching levels, run at the same time over a phase's coaching window. */
public enum CoachingLevel {
  /** About an hour a month, for executives and senior operational leaders. */
  EXECUTIVE,
  /**
   * Weekly hour-long sessions blended with full-day improvement sessions, for service leaders and
   * inpatient teams.
   */
  SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY
}
