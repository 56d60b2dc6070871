package org.mhaqi.events.coaching;

/** Which enrolled teams a learning event invites (the learning network may be invited besides). */
public enum LearningEventAudience {
  /** Every team enrolled in the programme and not withdrawn. */
  ALL_TEAMS,
  /** The teams enrolled in one phase. */
  PHASE,
  /** The people of one coaching level in every team, and the coaches who deliver that level. */
  LEVEL
}
