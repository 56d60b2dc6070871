package org.mhaqi.enrollment.enrollment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an enrolment stands. interested -> (declined | waitlisted | enrolled); waitlisted ->
 * enrolled when a place frees up; waitlisted or enrolled -> withdrawn; enrolled -> completed.
 */
public enum EnrollmentStatus {
  INTERESTED,
  DECLINED,
  WAITLISTED,
  ENROLLED,
  WITHDRAWN,
  COMPLETED;

  private Set<EnrollmentStatus> next;

  static {
    INTERESTED.next = EnumSet.of(DECLINED, WAITLISTED, ENROLLED);
    WAITLISTED.next = EnumSet.of(ENROLLED, WITHDRAWN);
    ENROLLED.next = EnumSet.of(WITHDRAWN, COMPLETED);
    DECLINED.next = EnumSet.noneOf(EnrollmentStatus.class);
    WITHDRAWN.next = EnumSet.noneOf(EnrollmentStatus.class);
    COMPLETED.next = EnumSet.noneOf(EnrollmentStatus.class);
  }

  public boolean canBecome(EnrollmentStatus target) {
    return next.contains(target);
  }

  /** Whether the service still takes part or waits to (its project team can change). */
  public boolean isOpen() {
    return !next.isEmpty();
  }
}
