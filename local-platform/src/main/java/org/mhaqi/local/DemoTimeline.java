package org.mhaqi.local;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * When the demo's two phases run, placed after the day the demo is loaded so that every enrolment
 * it makes is coached for its whole window (a service is never coached back-dated). The shape
 * follows the programme's FAQ: a pilot of about six months whose coaching starts a few weeks in,
 * then a wider implementation of about nine months whose coaching starts two months in. Phases run
 * Monday to Friday.
 */
public record DemoTimeline(Phase pilot, Phase wider) {

  /** One phase's dates; {@code coachingEndsOn} is its last day, as in the FAQ. */
  public record Phase(
      LocalDate startsOn, LocalDate endsOn, LocalDate coachingStartsOn, LocalDate coachingEndsOn) {}

  /** The pilot starts the Monday after {@code today}. */
  public static DemoTimeline startingAfter(LocalDate today) {
    LocalDate pilotStart = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    LocalDate pilotEnd = fridayBefore(pilotStart.plusWeeks(25));
    LocalDate widerStart = pilotEnd.plusDays(3);
    LocalDate widerEnd = fridayBefore(widerStart.plusWeeks(39));
    return new DemoTimeline(
        new Phase(pilotStart, pilotEnd, pilotStart.plusWeeks(3), pilotEnd),
        new Phase(widerStart, widerEnd, widerStart.plusWeeks(9), widerEnd));
  }

  private static LocalDate fridayBefore(LocalDate monday) {
    return monday.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
  }
}
