package org.mhaqi.events.enrollment;

/** The programme's phases. */
public enum PhaseKind {
  PILOT,
  WIDER_IMPLEMENTATION
}
