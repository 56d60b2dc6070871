package org.mhaqi.coaching.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.scheduling.Coaches.coach;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.support.workingdays.WorkingDays;

/**
 * The default blend: three improvement days (start, middle, end) and the weekly hour in the other
 * weeks, which keeps the team's coaching under the FAQ's 2 hours a week.
 */
class ImprovementDayPlacementTest {

  private final Planner planner = new Planner(WorkingDays.englandAndWales());

  /** Monday 5 January 2026 to Sunday 5 July 2026: 26 weeks, Easter and two May bank holidays. */
  static final LocalDate FIRST = LocalDate.of(2026, 1, 5);

  static final LocalDate LAST = LocalDate.of(2026, 7, 5);

  private List<PlannedSession> plan(LocalDate first, LocalDate last, Cadence cadence) {
    return planner.plan(first, last, cadence, new Roster(List.of(coach().build())));
  }

  private static List<LocalDate> improvementDays(List<PlannedSession> plan) {
    return plan.stream()
        .filter(s -> s.kind() == SessionKind.IMPROVEMENT_DAY)
        .map(s -> s.startsAt().toLocalDate())
        .toList();
  }

  @Test
  void theDefaultHoldsThreeImprovementDaysAtTheStartTheMiddleAndTheEnd() {
    List<LocalDate> days = improvementDays(plan(FIRST, LAST, Cadence.defaults()));

    // Thursdays preferred: the first week's, the midpoint's week (Sunday 5 April, Easter: the
    // week before it, 30 March to 2 April, holds Thursday 2 April), and the last week's.
    assertThat(days)
        .containsExactly(
            LocalDate.of(2026, 1, 8), LocalDate.of(2026, 4, 2), LocalDate.of(2026, 7, 2));
    assertThat(days).allSatisfy(d -> assertThat(d.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY));
  }

  @Test
  void theBlendBooksTheTeamUnderTwoHoursAWeekAndTheMonthlyDayOver() {
    double blend = teamHoursPerWeek(plan(FIRST, LAST, Cadence.defaults()));
    double monthly = teamHoursPerWeek(plan(FIRST, LAST, TestCadences.monthlyImprovementDays()));

    // 3 days x 8 h + 23 weekly hours = 47 h over 26 weeks.
    assertThat(blend).isEqualTo(47.0 / 26, org.assertj.core.data.Offset.offset(0.001));
    assertThat(blend).isLessThan(2.0);
    // A day in each of the 7 months the window touches, and the weekly hour in the 19 other weeks.
    assertThat(monthly).isEqualTo((7 * 8 + 19) / 26.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(monthly).isGreaterThan(2.0);
  }

  @Test
  void theWiderPhasesWindowHoldsTheSessionsTheReadmeCounts() {
    // 1 September 2024 to 31 March 2025: 31 weeks, 212 days.
    List<PlannedSession> plan =
        plan(LocalDate.of(2024, 9, 1), LocalDate.of(2025, 3, 31), Cadence.defaults());

    assertThat(plan).filteredOn(s -> s.level() == CoachingLevel.EXECUTIVE).hasSize(7);
    assertThat(improvementDays(plan)).hasSize(3);
    assertThat(plan)
        .filteredOn(s -> s.level() == CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY)
        .filteredOn(s -> s.kind() == SessionKind.COACHING_SESSION)
        .hasSize(28);
  }

  @Test
  void theWeeksHoldingAnImprovementDayHaveNoWeeklyHour() {
    List<PlannedSession> plan = plan(FIRST, LAST, Cadence.defaults());
    List<LocalDate> weeksWithDay = improvementDays(plan).stream().map(Roster::weekOf).toList();

    assertThat(plan)
        .filteredOn(s -> s.kind() == SessionKind.COACHING_SESSION)
        .filteredOn(s -> s.level() == CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY)
        .hasSize(23)
        .allSatisfy(
            s ->
                assertThat(weeksWithDay).doesNotContain(Roster.weekOf(s.startsAt().toLocalDate())));
  }

  @Test
  void shortWindowsGetAsManyDaysAsTheirThirdsHoldWorkingDays() {
    LocalDate tuesday = LocalDate.of(2026, 3, 3);
    Cadence.ImprovementDay cadence = Cadence.defaults().improvementDay();

    assertThat(planner.startMiddleEnd(tuesday, tuesday, cadence)).hasSize(1);
    assertThat(planner.startMiddleEnd(tuesday, tuesday.plusDays(1), cadence)).hasSize(2);
    assertThat(planner.startMiddleEnd(tuesday, tuesday.plusDays(2), cadence)).hasSize(3);
    // Saturday to Monday: only the last third has a working day.
    LocalDate saturday = LocalDate.of(2026, 3, 7);
    assertThat(planner.startMiddleEnd(saturday, saturday.plusDays(2), cadence))
        .singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(SessionKind.IMPROVEMENT_DAY));
  }

  @Test
  void eachThirdOffersOnlyItsOwnDaysNearestItsAnchorFirst() {
    // 9 days from Monday 2 March: thirds 2-4, 5-7 and 8-10 March; anchors 2, 6 and 10 March.
    LocalDate monday = LocalDate.of(2026, 3, 2);
    List<SessionRequest> thirds =
        planner.startMiddleEnd(monday, monday.plusDays(8), Cadence.defaults().improvementDay());

    assertThat(thirds).hasSize(3);
    assertThat(firstChoice(thirds.get(0))).isEqualTo(LocalDate.of(2026, 3, 4));
    assertThat(days(thirds.get(0)))
        .containsOnly(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4));
    assertThat(days(thirds.get(1)))
        .containsOnly(LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 6));
    assertThat(firstChoice(thirds.get(1))).isEqualTo(LocalDate.of(2026, 3, 5));
    assertThat(days(thirds.get(2)))
        .containsOnly(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 10));
    assertThat(firstChoice(thirds.get(2))).isEqualTo(LocalDate.of(2026, 3, 10));
  }

  private static LocalDate firstChoice(SessionRequest request) {
    return request.candidates().get(0).toLocalDate();
  }

  private static List<LocalDate> days(SessionRequest request) {
    return request.candidates().stream().map(s -> s.toLocalDate()).distinct().toList();
  }

  private static double teamHoursPerWeek(List<PlannedSession> plan) {
    int minutes =
        plan.stream()
            .filter(s -> s.level() == CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY)
            .mapToInt(PlannedSession::minutes)
            .sum();
    return minutes / 60.0 / 26;
  }
}
