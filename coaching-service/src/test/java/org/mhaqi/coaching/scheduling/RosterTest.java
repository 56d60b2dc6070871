package org.mhaqi.coaching.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.scheduling.Coaches.coach;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.coaching.CoachingLevel;

/** Whether a coach can take a booking, and which free coach should. */
class RosterTest {

  private static final CoachingLevel SERVICE =
      CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY;
  private static final CoachingLevel EXECUTIVE = CoachingLevel.EXECUTIVE;
  // Thursday 17 October 2024; its week starts on Monday 14 October.
  private static final LocalDateTime THURSDAY_TEN = LocalDateTime.of(2024, 10, 17, 10, 0);
  private static final Booking HOUR = new Booking(THURSDAY_TEN, 60, false);

  private static UUID id(int n) {
    return new UUID(0, n);
  }

  private static Conflict.Kind conflict(Roster roster, UUID coach, CoachingLevel level, Booking b) {
    return roster.conflict(coach, level, b).map(Conflict::kind).orElse(null);
  }

  @Test
  void aCoachIsFreeOnlyWhenEveryRuleAllowsIt() {
    CoachProfile c =
        coach()
            .id(id(1))
            .delivering(SERVICE)
            .working(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
            .away(LocalDate.of(2024, 10, 18))
            .build();
    Roster roster = new Roster(List.of(c));

    assertThat(roster.conflict(c.id(), SERVICE, HOUR)).isEmpty();
    assertThat(roster.isFree(c.id(), SERVICE, HOUR)).isTrue();
    assertThat(conflict(roster, id(9), SERVICE, HOUR)).isEqualTo(Conflict.Kind.UNKNOWN_COACH);
    assertThat(roster.isFree(id(9), SERVICE, HOUR)).isFalse();
    assertThat(conflict(roster, c.id(), EXECUTIVE, HOUR))
        .isEqualTo(Conflict.Kind.LEVEL_NOT_DELIVERED);
    assertThat(conflict(roster, c.id(), SERVICE, new Booking(THURSDAY_TEN.minusDays(1), 60, false)))
        .isEqualTo(Conflict.Kind.NOT_A_WORKING_DAY);
    assertThat(conflict(roster, c.id(), SERVICE, new Booking(THURSDAY_TEN.plusDays(1), 60, false)))
        .isEqualTo(Conflict.Kind.AWAY);
  }

  @Test
  void aBookedCoachIsDoubleBookedAtThatTimeAndTheMessageSaysWhenAFullDayIsInTheWay() {
    CoachProfile c = coach().id(id(1)).build();
    Roster roster = new Roster(List.of(c));
    roster.book(c.id(), HOUR);

    Conflict hour = roster.conflict(c.id(), SERVICE, HOUR).orElseThrow();
    assertThat(hour.kind()).isEqualTo(Conflict.Kind.DOUBLE_BOOKED);
    assertThat(hour.message())
        .isEqualTo(
            "Coach "
                + c.id()
                + " already has a session at that time (a full improvement day takes the whole"
                + " day)");
    Conflict day =
        roster
            .conflict(c.id(), SERVICE, new Booking(THURSDAY_TEN.withHour(9), 480, true))
            .orElseThrow();
    assertThat(day.kind()).isEqualTo(Conflict.Kind.DOUBLE_BOOKED);
    assertThat(day.message()).contains("at that time on 2024-10-17 (a full improvement day");
    assertThat(roster.isFree(c.id(), SERVICE, new Booking(THURSDAY_TEN.plusHours(1), 60, false)))
        .isTrue();
  }

  @Test
  void weeklyCapacityCountsTheMinutesAlreadyBookedThatWeekAndAllowsFillingItExactly() {
    CoachProfile c = coach().id(id(1)).weeklyMinutes(120).build();
    Roster roster = new Roster(List.of(c));
    // Monday of the same week, and the Thursday before (another week, which does not count).
    roster.book(c.id(), new Booking(LocalDateTime.of(2024, 10, 14, 10, 0), 90, false));
    roster.book(c.id(), new Booking(LocalDateTime.of(2024, 10, 10, 10, 0), 120, false));

    assertThat(roster.isFree(c.id(), SERVICE, new Booking(THURSDAY_TEN, 30, false))).isTrue();
    Conflict over = roster.conflict(c.id(), SERVICE, new Booking(THURSDAY_TEN, 31, false)).get();
    assertThat(over.kind()).isEqualTo(Conflict.Kind.OVER_WEEKLY_CAPACITY);
    assertThat(over.message())
        .isEqualTo("Coach " + c.id() + " has 30 of 120 minutes left in the week of 2024-10-14");
    assertThat(roster.load(c.id())).isEqualTo(210);
  }

  @Test
  void bookingAnUnknownCoachChangesNothing() {
    Roster roster = new Roster(List.of(coach().id(id(1)).build()));

    roster.book(id(9), HOUR);

    assertThat(roster.load(id(9))).isZero();
  }

  @Test
  void aCoachWhoDeliversOnlyThisLevelIsPreferredToOneWhoDeliversBoth() {
    CoachProfile both = coach().id(id(1)).build();
    CoachProfile specialist = coach().id(id(2)).delivering(SERVICE).build();
    Roster roster = new Roster(List.of(both, specialist));

    assertThat(roster.leastLoadedFree(SERVICE, HOUR)).contains(specialist.id());
    assertThat(roster.leastLoadedFree(SERVICE, HOUR, true)).contains(specialist.id());
    // Only a coach of both levels can take executive sessions.
    assertThat(roster.leastLoadedFree(EXECUTIVE, HOUR)).contains(both.id());
  }

  @Test
  void whenTheSpecialistIsTakenAnyoneFreeTakesItUnlessOnlySpecialistsAreAsked() {
    CoachProfile both = coach().id(id(1)).build();
    CoachProfile specialist = coach().id(id(2)).delivering(SERVICE).build();
    Roster roster = new Roster(List.of(both, specialist));
    roster.book(specialist.id(), HOUR);

    assertThat(roster.leastLoadedFree(SERVICE, HOUR)).contains(both.id());
    assertThat(roster.leastLoadedFree(SERVICE, HOUR, true)).isEmpty();
    roster.book(both.id(), HOUR);
    assertThat(roster.leastLoadedFree(SERVICE, HOUR)).isEmpty();
  }

  @Test
  void amongEqualsTheCoachWithFewerMinutesBookedIsChosen() {
    CoachProfile busier = coach().id(id(1)).delivering(SERVICE).build();
    CoachProfile idler = coach().id(id(2)).delivering(SERVICE).build();
    Roster roster = new Roster(List.of(busier, idler));
    roster.book(busier.id(), new Booking(LocalDateTime.of(2024, 9, 3, 10, 0), 60, false));

    assertThat(roster.leastLoadedFree(SERVICE, HOUR)).contains(idler.id());
  }

  @Test
  void atEqualTotalsTheCoachWithFewerMinutesInThatWeekIsChosen() {
    CoachProfile busyThisWeek = coach().id(id(1)).delivering(SERVICE).build();
    CoachProfile busyLastWeek = coach().id(id(2)).delivering(SERVICE).build();
    Roster roster = new Roster(List.of(busyThisWeek, busyLastWeek));
    roster.book(busyThisWeek.id(), new Booking(THURSDAY_TEN.minusDays(3), 60, false));
    roster.book(busyLastWeek.id(), new Booking(THURSDAY_TEN.minusDays(7), 60, false));

    assertThat(roster.leastLoadedFree(SERVICE, HOUR)).contains(busyLastWeek.id());
  }

  @Test
  void atEqualLoadsTheLowerIdIsChosenSoPlansAreReproducible() {
    CoachProfile second = coach().id(id(2)).delivering(SERVICE).build();
    CoachProfile first = coach().id(id(1)).delivering(SERVICE).build();
    Roster roster = new Roster(List.of(second, first));

    assertThat(roster.leastLoadedFree(SERVICE, HOUR)).contains(first.id());
  }

  @Test
  void theWeekStartsOnMonday() {
    assertThat(Roster.weekOf(LocalDate.of(2024, 10, 14))).isEqualTo(LocalDate.of(2024, 10, 14));
    assertThat(Roster.weekOf(LocalDate.of(2024, 10, 20))).isEqualTo(LocalDate.of(2024, 10, 14));
  }
}
