package org.mhaqi.coaching.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.scheduling.Coaches.coach;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.support.workingdays.WorkingDays;

/** Which slot and which coach the planner picks when it has a choice. */
class PlannerPreferenceTest {

  private static final CoachingLevel SERVICE =
      CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY;
  private static final LocalDate OCTOBER_1 = LocalDate.of(2024, 10, 1);
  private static final LocalDate OCTOBER_31 = LocalDate.of(2024, 10, 31);
  // The third Thursday of October 2024: the improvement day's preferred date.
  private static final LocalDate THIRD_THURSDAY = LocalDate.of(2024, 10, 17);

  private final Planner planner = new Planner(WorkingDays.englandAndWales());

  /** Only the monthly improvement day, so that nothing else competes for the coaches. */
  private static Cadence improvementDaysOnly() {
    Cadence defaults = TestCadences.monthlyImprovementDays();
    return new Cadence(
        new Cadence.Executive(
            false, Duration.ofMinutes(60), 2, List.of(DayOfWeek.TUESDAY), List.of("10:00")),
        new Cadence.Weekly(
            false, Duration.ofMinutes(60), List.of(DayOfWeek.WEDNESDAY), List.of("10:00")),
        defaults.improvementDay());
  }

  private static PlannedSession only(List<PlannedSession> plan) {
    assertThat(plan).hasSize(1);
    return plan.get(0);
  }

  @Test
  void aTeamNeverHasTwoSessionsOfOneLevelAtOnceEvenWithoutCoaches() {
    // The weekly session prefers Thursday and the improvement day does not replace it, so both
    // want Thursday 17 October; the team can only be in one of them.
    Cadence cadence =
        new Cadence(
            new Cadence.Executive(
                false, Duration.ofMinutes(60), 2, List.of(DayOfWeek.TUESDAY), List.of("10:00")),
            new Cadence.Weekly(
                true, Duration.ofMinutes(60), List.of(DayOfWeek.THURSDAY), List.of("10:00")),
            new Cadence.ImprovementDay(
                true,
                Duration.ofMinutes(480),
                3,
                List.of(DayOfWeek.THURSDAY),
                "09:00",
                false,
                Cadence.ImprovementDay.Placement.MONTHLY));

    List<PlannedSession> plan =
        planner.plan(
            THIRD_THURSDAY.minusDays(3),
            THIRD_THURSDAY.plusDays(1),
            cadence,
            new Roster(List.of()));

    assertThat(plan).hasSize(2).noneMatch(PlannedSession::staffed);
    PlannedSession day =
        plan.stream()
            .filter(s -> s.kind() == SessionKind.IMPROVEMENT_DAY)
            .findFirst()
            .orElseThrow();
    PlannedSession weekly =
        plan.stream()
            .filter(s -> s.kind() == SessionKind.COACHING_SESSION)
            .findFirst()
            .orElseThrow();
    assertThat(day.startsAt()).isEqualTo(THIRD_THURSDAY.atTime(9, 0));
    // Next in preference after Thursday: the other weekdays in order, Monday first.
    assertThat(weekly.startsAt()).isEqualTo(LocalDateTime.of(2024, 10, 14, 10, 0));
  }

  @Test
  void aTeamNeverHasTwoSessionsOfOneLevelAtOnceWithDifferentCoaches() {
    Cadence cadence =
        new Cadence(
            new Cadence.Executive(
                false, Duration.ofMinutes(60), 2, List.of(DayOfWeek.TUESDAY), List.of("10:00")),
            new Cadence.Weekly(
                true, Duration.ofMinutes(60), List.of(DayOfWeek.THURSDAY), List.of("10:00")),
            new Cadence.ImprovementDay(
                true,
                Duration.ofMinutes(480),
                3,
                List.of(DayOfWeek.THURSDAY),
                "09:00",
                false,
                Cadence.ImprovementDay.Placement.MONTHLY));
    // The improvement day's coach cannot take the weekly hour (capacity), another coach can.
    CoachProfile dayCoach =
        coach().id(new UUID(0, 1)).delivering(SERVICE).weeklyMinutes(480).build();
    CoachProfile hourCoach = coach().id(new UUID(0, 2)).delivering(SERVICE).build();

    List<PlannedSession> plan =
        planner.plan(
            THIRD_THURSDAY.minusDays(3),
            THIRD_THURSDAY.plusDays(1),
            cadence,
            new Roster(List.of(dayCoach, hourCoach)));

    assertThat(plan).hasSize(2).allMatch(PlannedSession::staffed);
    PlannedSession weekly =
        plan.stream()
            .filter(s -> s.kind() == SessionKind.COACHING_SESSION)
            .findFirst()
            .orElseThrow();
    assertThat(weekly.coachId()).isEqualTo(hourCoach.id());
    assertThat(weekly.startsAt().toLocalDate()).isNotEqualTo(THIRD_THURSDAY);
  }

  @Test
  void aCoachWhoDeliversOnlyThisLevelTakesItBeforeOneWhoDeliversBoth() {
    CoachProfile both = coach().id(new UUID(0, 1)).build();
    CoachProfile specialist = coach().id(new UUID(0, 2)).delivering(SERVICE).build();

    PlannedSession day =
        only(
            planner.plan(
                OCTOBER_1,
                OCTOBER_31,
                improvementDaysOnly(),
                new Roster(List.of(both, specialist))));

    assertThat(day.startsAt()).isEqualTo(THIRD_THURSDAY.atTime(9, 0));
    assertThat(day.coachId()).isEqualTo(specialist.id());
  }

  @Test
  void inThePreferredWeekACoachOfBothLevelsComesBeforeMovingTheSpecialistToAnotherWeek() {
    CoachProfile both = coach().id(new UUID(0, 1)).build();
    CoachProfile specialistAway =
        coach()
            .id(new UUID(0, 2))
            .delivering(SERVICE)
            .away(
                LocalDate.of(2024, 10, 14),
                LocalDate.of(2024, 10, 15),
                LocalDate.of(2024, 10, 16),
                THIRD_THURSDAY,
                LocalDate.of(2024, 10, 18))
            .build();

    PlannedSession day =
        only(
            planner.plan(
                OCTOBER_1,
                OCTOBER_31,
                improvementDaysOnly(),
                new Roster(List.of(both, specialistAway))));

    assertThat(day.startsAt()).isEqualTo(THIRD_THURSDAY.atTime(9, 0));
    assertThat(day.coachId()).isEqualTo(both.id());
  }

  @Test
  void whenNobodyIsFreeInThePreferredWeekTheNearestOtherWeekIsUsed() {
    CoachProfile away =
        coach()
            .id(new UUID(0, 1))
            .delivering(SERVICE)
            .away(
                LocalDate.of(2024, 10, 14),
                LocalDate.of(2024, 10, 15),
                LocalDate.of(2024, 10, 16),
                THIRD_THURSDAY,
                LocalDate.of(2024, 10, 18))
            .build();

    PlannedSession day =
        only(planner.plan(OCTOBER_1, OCTOBER_31, improvementDaysOnly(), new Roster(List.of(away))));

    // Weeks one away from the anchor's come next, earliest first, on the preferred Thursday.
    assertThat(day.startsAt()).isEqualTo(LocalDateTime.of(2024, 10, 10, 9, 0));
    assertThat(day.coachId()).isEqualTo(away.id());
  }

  @Test
  void candidateDaysGoByWeekThenPreferredWeekdayThenTheOtherWeekdaysInOrder() {
    List<LocalDate> fortnight =
        WorkingDays.englandAndWales()
            .between(LocalDate.of(2024, 10, 7), LocalDate.of(2024, 10, 18))
            .toList();

    List<LocalDate> order =
        Planner.order(
            fortnight, LocalDate.of(2024, 10, 16), List.of(DayOfWeek.THURSDAY, DayOfWeek.TUESDAY));

    assertThat(order)
        .containsExactly(
            LocalDate.of(2024, 10, 17),
            LocalDate.of(2024, 10, 15),
            LocalDate.of(2024, 10, 14),
            LocalDate.of(2024, 10, 16),
            LocalDate.of(2024, 10, 18),
            LocalDate.of(2024, 10, 10),
            LocalDate.of(2024, 10, 8),
            LocalDate.of(2024, 10, 7),
            LocalDate.of(2024, 10, 9),
            LocalDate.of(2024, 10, 11));
  }

  @Test
  void theNthWeekdayFallsBackToTheLastOneWhenTheMonthHasFewer() {
    YearMonth october = YearMonth.of(2024, 10);

    assertThat(Planner.nthWeekday(october, DayOfWeek.TUESDAY, 1))
        .isEqualTo(LocalDate.of(2024, 10, 1));
    assertThat(Planner.nthWeekday(october, DayOfWeek.TUESDAY, 5))
        .isEqualTo(LocalDate.of(2024, 10, 29));
    assertThat(Planner.nthWeekday(october, DayOfWeek.MONDAY, 5))
        .isEqualTo(LocalDate.of(2024, 10, 28));
  }

  @Test
  void anImprovementDayBooksTheWholeDayAndACoachingSessionOnlyItsHours() {
    LocalDateTime nine = THIRD_THURSDAY.atTime(9, 0);
    PlannedSession day = new PlannedSession(SERVICE, SessionKind.IMPROVEMENT_DAY, nine, 480, null);
    PlannedSession hour = new PlannedSession(SERVICE, SessionKind.COACHING_SESSION, nine, 60, null);

    assertThat(day.booking()).isEqualTo(new Booking(nine, 480, true));
    assertThat(hour.booking()).isEqualTo(new Booking(nine, 60, false));
    assertThat(
            new SessionRequest(SERVICE, SessionKind.IMPROVEMENT_DAY, 480, List.of(nine))
                .at(nine)
                .fullDay())
        .isTrue();
    assertThat(
            new SessionRequest(SERVICE, SessionKind.COACHING_SESSION, 60, List.of(nine))
                .at(nine)
                .fullDay())
        .isFalse();
  }
}
