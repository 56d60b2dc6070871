package org.mhaqi.enrollment.enrollment;

/**
 * The capacity rule: a committed service is enrolled while the phase has a place and waitlisted
 * otherwise, behind every waitlisted service that applied before it.
 */
public sealed interface Admission {

  /** Take a place. */
  record Enrol() implements Admission {}

  /** Wait, at this 1-based position. */
  record Waitlist(int position) implements Admission {}

  /**
   * @param capacity the phase's capacity in services
   * @param enrolled services enrolled in the phase now
   * @param waitlistedAhead waitlisted services that applied earlier than this one
   */
  static Admission decide(int capacity, long enrolled, long waitlistedAhead) {
    if (capacity < 1 || enrolled < 0 || waitlistedAhead < 0) {
      throw new IllegalArgumentException(
          "capacity " + capacity + ", enrolled " + enrolled + ", ahead " + waitlistedAhead);
    }
    return enrolled < capacity ? new Enrol() : new Waitlist(Math.toIntExact(waitlistedAhead + 1));
  }
}
