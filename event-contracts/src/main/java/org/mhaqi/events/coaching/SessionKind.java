package org.mhaqi.events.coaching;

/** The format of a coaching session. */
public enum SessionKind {
  /** A coaching session of about an hour (executive monthly or service weekly). */
  COACHING_SESSION,
  /** A full-day improvement session; it takes the coach's whole day. */
  IMPROVEMENT_DAY
}
