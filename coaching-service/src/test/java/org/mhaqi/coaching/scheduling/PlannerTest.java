package org.mhaqi.coaching.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.scheduling.Coaches.coach;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.support.workingdays.WorkingDays;

class PlannerTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final LocalDate WINDOW_START = LocalDate.of(2024, 9, 1);
  private static final LocalDate WINDOW_END = LocalDate.of(2025, 3, 31);

  private final WorkingDays workingDays = WorkingDays.englandAndWales();
  private final Planner planner = new Planner(workingDays);

  private List<PlannedSession> widerPhasePlan(CoachProfile... coaches) {
    return planner.plan(
        WINDOW_START,
        WINDOW_END,
        TestCadences.monthlyImprovementDays(),
        new Roster(List.of(coaches)));
  }

  @Test
  void christmasAndNewYearNeverHoldSessions() {
    List<PlannedSession> plan = widerPhasePlan(coach().build(), coach().build());

    Set<LocalDate> days =
        plan.stream().map(s -> s.startsAt().toLocalDate()).collect(Collectors.toSet());
    assertThat(days)
        .doesNotContain(
            LocalDate.of(2024, 12, 25), LocalDate.of(2024, 12, 26), LocalDate.of(2025, 1, 1));
    assertThat(plan)
        .allSatisfy(s -> assertThat(workingDays.isWorkingDay(s.startsAt().toLocalDate())).isTrue());
    // The Christmas week still has its weekly session, on a working day.
    assertThat(plan)
        .anySatisfy(
            s -> {
              assertThat(s.startsAt().toLocalDate())
                  .isBetween(LocalDate.of(2024, 12, 23), LocalDate.of(2024, 12, 27));
              assertThat(s.kind()).isEqualTo(SessionKind.COACHING_SESSION);
            });
  }

  @Test
  void everySessionIsInsideTheWindow() {
    List<PlannedSession> plan = widerPhasePlan(coach().build());

    assertThat(plan)
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.startsAt().toLocalDate()).isBetween(WINDOW_START, WINDOW_END);
              assertThat(s.startsAt().plusMinutes(s.minutes()).toLocalDate())
                  .isEqualTo(s.startsAt().toLocalDate());
            });
  }

  @Test
  void tenOClockSessionsStayAtTenLondonTimeAcrossTheClockChanges() {
    List<PlannedSession> plan = widerPhasePlan(coach().build());

    for (LocalDate changeDay : List.of(LocalDate.of(2024, 10, 27), LocalDate.of(2025, 3, 30))) {
      PlannedSession before = weeklyIn(plan, changeDay.minusDays(6));
      PlannedSession after = weeklyIn(plan, changeDay.plusDays(1));
      ZonedDateTime beforeInLondon = before.startsAt().atZone(LONDON);
      ZonedDateTime afterInLondon = after.startsAt().atZone(LONDON);

      assertThat(beforeInLondon.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
      assertThat(afterInLondon.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
      // The same wall-clock time is a different instant either side of the change.
      assertThat(beforeInLondon.getOffset()).isNotEqualTo(afterInLondon.getOffset());
    }
    assertThat(weeklyIn(plan, LocalDate.of(2024, 10, 21)).startsAt().atZone(LONDON).getOffset())
        .isEqualTo(ZoneOffset.ofHours(1));
    assertThat(weeklyIn(plan, LocalDate.of(2024, 10, 28)).startsAt().atZone(LONDON).getOffset())
        .isEqualTo(ZoneOffset.UTC);
  }

  private static PlannedSession weeklyIn(List<PlannedSession> plan, LocalDate dayInWeek) {
    LocalDate monday = Roster.weekOf(dayInWeek);
    return plan.stream()
        .filter(s -> s.kind() == SessionKind.COACHING_SESSION)
        .filter(s -> s.level() == CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY)
        .filter(s -> Roster.weekOf(s.startsAt().toLocalDate()).equals(monday))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void defaultsReproduceTheFaqMonthlyExecutiveWeeklyHourAndMonthlyFullDay() {
    List<PlannedSession> plan = widerPhasePlan(coach().build());

    var executive = plan.stream().filter(s -> s.level() == CoachingLevel.EXECUTIVE).toList();
    var days = plan.stream().filter(s -> s.kind() == SessionKind.IMPROVEMENT_DAY).toList();
    var weekly =
        plan.stream()
            .filter(s -> s.level() == CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY)
            .filter(s -> s.kind() == SessionKind.COACHING_SESSION)
            .toList();
    assertThat(executive).hasSize(7).allSatisfy(s -> assertThat(s.minutes()).isEqualTo(60));
    assertThat(days).hasSize(7).allSatisfy(s -> assertThat(s.minutes()).isEqualTo(480));
    // 32 weeks touch the window; the first (Mon 26 Aug - Sun 1 Sep) has no working day inside it,
    // and 7 weeks hold the improvement day instead.
    assertThat(weekly).hasSize(31 - 7).allSatisfy(s -> assertThat(s.minutes()).isEqualTo(60));
    Set<LocalDate> weeksWithDay =
        days.stream()
            .map(s -> Roster.weekOf(s.startsAt().toLocalDate()))
            .collect(Collectors.toSet());
    assertThat(weekly)
        .noneMatch(s -> weeksWithDay.contains(Roster.weekOf(s.startsAt().toLocalDate())));
    // Preferred slots when the coach is free: second Tuesday 10:00, Wednesday 10:00, third
    // Thursday 09:00.
    assertThat(executive.get(1).startsAt()).isEqualTo(LocalDateTime.of(2024, 10, 8, 10, 0));
    assertThat(days.get(1).startsAt()).isEqualTo(LocalDateTime.of(2024, 10, 17, 9, 0));
    assertThat(weekly)
        .filteredOn(s -> s.startsAt().toLocalDate().isBefore(LocalDate.of(2024, 10, 1)))
        .extracting(PlannedSession::startsAt)
        .contains(LocalDateTime.of(2024, 9, 4, 10, 0), LocalDateTime.of(2024, 9, 11, 10, 0));
  }

  @Test
  void aTeamKeepsItsCoachAndTheNextTeamGoesToTheLeastLoadedCoach() {
    CoachProfile first = coach().id(new UUID(0, 1)).build();
    CoachProfile second = coach().id(new UUID(0, 2)).build();
    Roster roster = new Roster(List.of(first, second));

    List<PlannedSession> one =
        planner.plan(WINDOW_START, WINDOW_END, TestCadences.monthlyImprovementDays(), roster);
    List<PlannedSession> two =
        planner.plan(WINDOW_START, WINDOW_END, TestCadences.monthlyImprovementDays(), roster);

    // Continuity per level: one coach takes all of a team's sessions of a level.
    UUID oneService = onlyCoach(one, CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY);
    UUID oneExecutive = onlyCoach(one, CoachingLevel.EXECUTIVE);
    UUID twoService = onlyCoach(two, CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY);
    // Load is spread: a level starts with the least-loaded coach.
    assertThat(oneExecutive).isNotEqualTo(oneService);
    assertThat(twoService).isNotEqualTo(oneService);
    assertThat(roster.load(first.id()) + roster.load(second.id()))
        .isEqualTo(2 * (7 * 60 + 7 * 480 + 24 * 60));
    assertThat(Math.abs(roster.load(first.id()) - roster.load(second.id())))
        .isLessThanOrEqualTo(7 * 60);
  }

  private static UUID onlyCoach(List<PlannedSession> plan, CoachingLevel level) {
    Set<UUID> coaches =
        plan.stream()
            .filter(s -> s.level() == level)
            .map(PlannedSession::coachId)
            .collect(Collectors.toSet());
    assertThat(coaches).hasSize(1).doesNotContainNull();
    return coaches.iterator().next();
  }

  @Test
  void aFullImprovementDayBlocksTheCoachsWholeDay() {
    CoachProfile only = coach().build();
    Roster roster = new Roster(List.of(only));
    // The coach's improvement day with another team on Thursday 17 October 2024.
    roster.book(only.id(), new Booking(LocalDateTime.of(2024, 10, 17, 9, 0), 480, true));

    assertThat(
            roster.isFree(
                only.id(),
                CoachingLevel.EXECUTIVE,
                new Booking(LocalDateTime.of(2024, 10, 17, 17, 30), 60, false)))
        .isFalse();
    List<PlannedSession> plan =
        planner.plan(
            LocalDate.of(2024, 10, 14),
            LocalDate.of(2024, 10, 18),
            TestCadences.monthlyImprovementDays(),
            roster);
    assertThat(plan).noneMatch(s -> s.startsAt().toLocalDate().equals(LocalDate.of(2024, 10, 17)));
  }

  @Test
  void withoutCoachesEverySessionIsPlannedAtItsPreferredSlotAndReportedUnstaffed() {
    List<PlannedSession> plan = widerPhasePlan();

    assertThat(plan).hasSize(38).noneMatch(PlannedSession::staffed);
    assertThat(plan)
        .filteredOn(s -> s.level() == CoachingLevel.EXECUTIVE)
        .first()
        .extracting(PlannedSession::startsAt)
        .isEqualTo(LocalDateTime.of(2024, 9, 10, 10, 0));
  }

  @Test
  void aCoachIsNeverBookedOverWeeklyCapacityOrOnDaysOffOrAway() {
    LocalDate away = LocalDate.of(2024, 9, 17);
    CoachProfile partTime =
        coach()
            .working(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)
            .weeklyMinutes(60)
            .away(away)
            .build();

    List<PlannedSession> plan = widerPhasePlan(partTime);

    var staffed = plan.stream().filter(PlannedSession::staffed).toList();
    assertThat(staffed).isNotEmpty();
    assertThat(staffed)
        .allSatisfy(
            s -> {
              assertThat(s.startsAt().getDayOfWeek()).isIn(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY);
              assertThat(s.startsAt().toLocalDate()).isNotEqualTo(away);
              assertThat(s.kind()).isEqualTo(SessionKind.COACHING_SESSION);
            });
    assertThat(
            staffed.stream()
                .collect(
                    Collectors.groupingBy(
                        s -> Roster.weekOf(s.startsAt().toLocalDate()), Collectors.counting())))
        .allSatisfy((week, count) -> assertThat(count).isEqualTo(1L));
    // A full day needs 480 minutes in the week: more than this coach has.
    assertThat(plan)
        .filteredOn(s -> s.kind() == SessionKind.IMPROVEMENT_DAY)
        .hasSize(7)
        .noneMatch(PlannedSession::staffed);
  }

  @Test
  void theExecutiveLevelIsStaffedOnlyByCoachesWhoDeliverIt() {
    CoachProfile service =
        coach().delivering(CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY).build();

    List<PlannedSession> plan = widerPhasePlan(service);

    assertThat(plan)
        .filteredOn(s -> s.level() == CoachingLevel.EXECUTIVE)
        .hasSize(7)
        .noneMatch(PlannedSession::staffed);
    assertThat(plan)
        .filteredOn(s -> s.level() != CoachingLevel.EXECUTIVE)
        .allMatch(PlannedSession::staffed);
  }
}
