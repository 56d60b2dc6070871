package org.mhaqi.coaching.plan;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import org.mhaqi.events.coaching.CoachingLevel;

/**
 * A plan's booked coaching of the project team, in hours per week on average over the weeks it is
 * coached, beside the programme's expectation (the FAQ: about 2 hours a week, coaching included).
 * Executive coaching is the executive sponsor's, not the team's, and is left out.
 */
public record TimeCommitment(double bookedHoursPerWeek, double expectedHoursPerWeek) {

  /** Whether the plan asks more of the team than the programme says. */
  public boolean exceedsExpectation() {
    return bookedHoursPerWeek > expectedHoursPerWeek;
  }

  static TimeCommitment of(CoachingPlan plan, double expectedHoursPerWeek) {
    return of(plan, teamMinutes(plan.getSessions()), expectedHoursPerWeek);
  }

  /**
   * The plan's commitment from the team's minutes booked, counted elsewhere ({@link SessionTally}).
   */
  static TimeCommitment of(CoachingPlan plan, long teamMinutesBooked, double expectedHoursPerWeek) {
    return new TimeCommitment(
        hoursPerWeek(teamMinutesBooked, plan.getCoachedFrom(), plan.getWindowEndsOn()),
        expectedHoursPerWeek);
  }

  /**
   * Minutes of the team's coaching (service leadership and frontline delivery) not cancelled. The
   * grouped query of {@link SessionRepository#tallies} counts the same.
   */
  static long teamMinutes(Collection<CoachingSession> sessions) {
    return sessions.stream()
        .filter(s -> s.getLevel() == CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY)
        .filter(s -> s.getStatus() != SessionStatus.CANCELLED)
        .mapToLong(CoachingSession::getDurationMinutes)
        .sum();
  }

  /**
   * Minutes booked from {@code first} to {@code last} (both included) as hours per week, to two
   * decimals; none when the range is empty.
   */
  static double hoursPerWeek(long minutes, LocalDate first, LocalDate last) {
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    if (days <= 0) {
      return 0;
    }
    return Math.round(minutes * 7 * 100.0 / (60.0 * days)) / 100.0;
  }
}
