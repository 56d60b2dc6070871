package org.mhaqi.console.coaches;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.coaches.CoachLoad.Coach;
import org.mhaqi.console.coaches.CoachLoad.DayAway;
import org.mhaqi.console.coaches.CoachLoad.Row;
import org.mhaqi.console.coaches.CoachLoad.Session;
import org.mhaqi.console.coaches.CoachLoad.Week;

class CoachLoadTest {

  // Wednesday 9 December 2026: its week runs Monday 7 to Sunday 13 December.
  private static final Week WEEK = Week.of(LocalDate.of(2026, 12, 9));

  private static Coach coach(List<DayAway> away) {
    return new Coach(
        UUID.randomUUID(),
        "Coach Carter",
        List.of("FOUNDATION", "INTERMEDIATE"),
        List.of("MONDAY", "WEDNESDAY"),
        15 * 60,
        away,
        null);
  }

  private static Session at(int day, int minutes, String status) {
    return new Session(UUID.randomUUID(), LocalDateTime.of(2026, 12, day, 10, 0), minutes, status);
  }

  @Test
  void aWeekRunsFromMondayToSunday() {
    assertThat(WEEK.monday()).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(WEEK.sunday()).isEqualTo(LocalDate.of(2026, 12, 13));
    assertThat(WEEK.next().monday()).isEqualTo(LocalDate.of(2026, 12, 14));
    assertThat(WEEK.contains(LocalDate.of(2026, 12, 13))).isTrue();
    assertThat(WEEK.contains(LocalDate.of(2026, 12, 14))).isFalse();
    assertThat(WEEK.contains(LocalDate.of(2026, 12, 6))).isFalse();
  }

  @Test
  void loadCountsEachWeeksSessionsButNotCancelledOnes() {
    Row row =
        CoachLoad.row(
            coach(List.of()),
            List.of(
                at(7, 90, "SCHEDULED"),
                at(9, 60, "COMPLETED"),
                at(10, 480, "CANCELLED"),
                at(14, 480, "SCHEDULED")),
            WEEK,
            null);

    assertThat(row.thisWeek()).isEqualTo("2.5 of 15 hours");
    assertThat(row.nextWeek()).isEqualTo("8 of 15 hours");
    assertThat(row.overThisWeek()).isFalse();
    assertThat(row.levels()).isEqualTo("Foundation, Intermediate");
    assertThat(row.workingDays()).isEqualTo("Mon, Wed");
  }

  @Test
  void aCoachOverTheirHoursIsFlaggedAndOneWhoseSessionsCannotBeReadIsNotKnown() {
    Row over =
        CoachLoad.row(
            coach(List.of()),
            List.of(at(7, 480, "SCHEDULED"), at(9, 480, "SCHEDULED")),
            WEEK,
            null);
    assertThat(over.overThisWeek()).isTrue();

    Row unknown = CoachLoad.row(coach(List.of()), null, WEEK, "The sessions could not be read.");
    assertThat(unknown.thisWeek()).isEqualTo("Not known");
    assertThat(unknown.overThisWeek()).isFalse();
    assertThat(unknown.unavailable()).isEqualTo("The sessions could not be read.");
  }

  @Test
  void daysAwayFromThisWeekOnAreJoinedIntoRuns() {
    List<String> away =
        CoachLoad.daysAway(
            List.of(
                new DayAway(LocalDate.of(2026, 12, 1), null),
                new DayAway(LocalDate.of(2027, 1, 6), null),
                new DayAway(LocalDate.of(2027, 1, 4), null),
                new DayAway(LocalDate.of(2027, 1, 5), null),
                new DayAway(LocalDate.of(2027, 2, 1), null)),
            WEEK.monday());

    assertThat(away).containsExactly("4 January 2027 to 6 January 2027", "1 February 2027");
  }

  @Test
  void anErasedCoachIsNotNamed() {
    Coach erased =
        new Coach(
            UUID.randomUUID(),
            "[erased]",
            List.of(),
            List.of(),
            60,
            List.of(),
            java.time.Instant.parse("2026-12-01T00:00:00Z"));

    assertThat(CoachLoad.row(erased, List.of(), WEEK, null).name()).isEqualTo("Erased coach");
  }
}
