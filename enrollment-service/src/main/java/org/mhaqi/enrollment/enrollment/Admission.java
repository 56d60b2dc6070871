package org.mhaqi.enrollment.enrollment;

/**
 * The capacity rule. A phase's places are taken by its enrolled services and by those that
 * completed it: a completed service used its place, so completion frees none. A committed service
 * is enrolled only when a place is free and nobody who applied before it waits; otherwise it joins
 * the waitlist in order of application, so a newcomer never overtakes those waiting. Whenever a
 * place is free while services wait, the first waiting ones are promoted.
 */
public sealed interface Admission {

  /** Take a place. */
  record Enrol() implements Admission {}

  /** Wait, at this 1-based position. */
  record Waitlist(int position) implements Admission {}

  /**
   * @param capacity the phase's capacity in services
   * @param taken places taken: services enrolled in the phase or that completed it
   * @param waitingAhead waitlisted services that applied earlier than this one
   */
  static Admission decide(int capacity, long taken, long waitingAhead) {
    requireValid(capacity, taken, waitingAhead);
    return taken < capacity && waitingAhead == 0
        ? new Enrol()
        : new Waitlist(Math.toIntExact(waitingAhead + 1));
  }

  /**
   * How many waiting services to promote now: as many as there are free places, at most all who
   * wait.
   *
   * @param capacity the phase's capacity in services
   * @param taken places taken: services enrolled in the phase or that completed it
   * @param waiting services on the waitlist
   */
  static int promotions(int capacity, long taken, long waiting) {
    requireValid(capacity, taken, waiting);
    long free = Math.max(0, capacity - taken);
    return Math.toIntExact(Math.min(free, waiting));
  }

  private static void requireValid(int capacity, long taken, long waiting) {
    if (capacity < 1 || taken < 0 || waiting < 0) {
      throw new IllegalArgumentException(
          "capacity " + capacity + ", taken " + taken + ", waiting " + waiting);
    }
  }
}
