package org.mhaqi.events.coaching;

/** How a programme-wide learning event is held. */
public enum LearningEventFormat {
  /** Online, for an hour or a few. */
  WEBINAR,
  /** A day together in one place. */
  IN_PERSON_DAY
}
