package org.mhaqi.coaching.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.support.workingdays.WorkingDays;

/**
 * Scheduling invariants over random coach pools and random sets of enrolments. Each case is one
 * seed of {@link Random}: a failing case names its seed in the test's display name, and {@code
 * -Dproperty.seed=N} moves every case to seeds from N (a failure is replayed by running with its
 * seed and {@code -Dproperty.tries=1}).
 */
class PlannerPropertyTest {

  /** First seed; fixed so that CI runs the same cases every time unless told otherwise. */
  private static final long FIRST_SEED = Long.getLong("property.seed", 20240108L);

  private static LongStream seeds(int tries) {
    return LongStream.range(0, Integer.getInteger("property.tries", tries))
        .map(i -> FIRST_SEED + i);
  }

  static LongStream manySeeds() {
    return seeds(150);
  }

  static LongStream someSeeds() {
    return seeds(100);
  }

  private static final WorkingDays WORKING_DAYS = WorkingDays.englandAndWales();
  private static final LocalDate EARLIEST = LocalDate.of(2024, 1, 1);

  record Window(LocalDate first, LocalDate last) {}

  record Planned(Window window, PlannedSession session) {}

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("manySeeds")
  void coachesAreNeverDoubleBookedOverCapacityOrOffAndEverySessionIsOnAWorkingDayInItsWindow(
      long seed) {
    Random random = new Random(seed);
    List<CoachProfile> coaches = coachPool(random);
    List<Window> enrollments = enrollmentSet(random);
    Planner planner = new Planner(WORKING_DAYS);
    Roster roster = new Roster(coaches);
    List<Planned> all = new ArrayList<>();
    for (Window window : enrollments) {
      List<PlannedSession> plan =
          planner.plan(
              window.first(), window.last(), TestCadences.monthlyImprovementDays(), roster);
      assertThat(plan).hasSize(expectedSessions(window, plan));
      plan.forEach(s -> all.add(new Planned(window, s)));
      for (int i = 0; i < plan.size(); i++) {
        for (int j = i + 1; j < plan.size(); j++) {
          PlannedSession a = plan.get(i);
          PlannedSession b = plan.get(j);
          assertThat(a.level() == b.level() && overlap(a, b))
              .as("the team has two sessions of one level at once: %s and %s", a, b)
              .isFalse();
        }
      }
    }

    Map<UUID, CoachProfile> byId =
        coaches.stream().collect(Collectors.toMap(CoachProfile::id, c -> c));
    Map<UUID, List<PlannedSession>> byCoach = new HashMap<>();
    for (Planned planned : all) {
      PlannedSession s = planned.session();
      LocalDate day = s.startsAt().toLocalDate();
      assertThat(WORKING_DAYS.isWorkingDay(day)).as("%s on a working day", s).isTrue();
      assertThat(day).isBetween(planned.window().first(), planned.window().last());
      if (s.staffed()) {
        CoachProfile coach = byId.get(s.coachId());
        assertThat(coach.levels()).contains(s.level());
        assertThat(coach.workingDays()).contains(s.startsAt().getDayOfWeek());
        assertThat(coach.daysAway()).doesNotContain(day);
        byCoach.computeIfAbsent(s.coachId(), id -> new ArrayList<>()).add(s);
      }
    }
    for (var entry : byCoach.entrySet()) {
      List<PlannedSession> sessions = entry.getValue();
      for (int i = 0; i < sessions.size(); i++) {
        for (int j = i + 1; j < sessions.size(); j++) {
          assertThat(overlap(sessions.get(i), sessions.get(j)))
              .as(
                  "coach %s double-booked: %s and %s",
                  entry.getKey(), sessions.get(i), sessions.get(j))
              .isFalse();
        }
      }
      Map<LocalDate, Integer> weekly =
          sessions.stream()
              .collect(
                  Collectors.groupingBy(
                      s -> Roster.weekOf(s.startsAt().toLocalDate()),
                      Collectors.summingInt(PlannedSession::minutes)));
      int capacity = byId.get(entry.getKey()).weeklyCapacityMinutes();
      assertThat(weekly.values())
          .allSatisfy(minutes -> assertThat(minutes).isLessThanOrEqualTo(capacity));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("someSeeds")
  void everyRequestedSessionIsPlannedEitherStaffedOrUnstaffed(long seed) {
    Random random = new Random(seed);
    List<CoachProfile> coaches = coachPool(random);
    Window window = window(random);
    List<PlannedSession> plan =
        new Planner(WORKING_DAYS)
            .plan(
                window.first(),
                window.last(),
                TestCadences.monthlyImprovementDays(),
                new Roster(coaches));

    assertThat(plan).hasSize(expectedSessions(window, plan));
    boolean deliversService =
        coaches.stream()
            .anyMatch(
                c -> c.levels().contains(CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY));
    if (!deliversService) {
      assertThat(plan)
          .filteredOn(s -> s.level() == CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY)
          .noneMatch(PlannedSession::staffed);
    }
  }

  /**
   * Whether one person could not hold both, worked out here from the start times and lengths (not
   * with the planner's own clash rule, which this test must be able to catch out): on the same
   * date, an improvement day takes the whole day; otherwise the half-open intervals meet.
   */
  private static boolean overlap(PlannedSession a, PlannedSession b) {
    if (!a.startsAt().toLocalDate().equals(b.startsAt().toLocalDate())) {
      return false;
    }
    if (a.kind() == SessionKind.IMPROVEMENT_DAY || b.kind() == SessionKind.IMPROVEMENT_DAY) {
      return true;
    }
    int aStart = a.startsAt().toLocalTime().toSecondOfDay() / 60;
    int bStart = b.startsAt().toLocalTime().toSecondOfDay() / 60;
    return aStart < bStart + b.minutes() && bStart < aStart + a.minutes();
  }

  /**
   * Counted independently of the planner: per month with a working day in the window an executive
   * session and an improvement day; per week with a working day a weekly session, except the weeks
   * that hold the improvement day.
   */
  private static int expectedSessions(Window window, List<PlannedSession> plan) {
    Set<YearMonth> months = new HashSet<>();
    Set<LocalDate> weeks = new HashSet<>();
    WORKING_DAYS
        .between(window.first(), window.last())
        .forEach(
            d -> {
              months.add(YearMonth.from(d));
              weeks.add(d.with(DayOfWeek.MONDAY));
            });
    Set<LocalDate> weeksWithDay =
        plan.stream()
            .filter(s -> s.kind() == SessionKind.IMPROVEMENT_DAY)
            .map(s -> s.startsAt().toLocalDate().with(DayOfWeek.MONDAY))
            .collect(Collectors.toSet());
    weeks.removeAll(weeksWithDay);
    return months.size() * 2 + weeks.size();
  }

  /** 0 to 8 coaches, each with 1 or 2 levels, 1 to 5 weekdays, 1 to 40 hours, up to 40 days off. */
  static List<CoachProfile> coachPool(Random random) {
    List<DayOfWeek> weekdays =
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY);
    List<CoachProfile> coaches = new ArrayList<>();
    int count = random.nextInt(9);
    for (int c = 0; c < count; c++) {
      Set<CoachingLevel> levels = someOf(random, List.of(CoachingLevel.values()), 1, 2);
      Set<DayOfWeek> days = someOf(random, weekdays, 1, 5);
      int capacity = (1 + random.nextInt(40)) * 60;
      Set<LocalDate> away = new HashSet<>();
      int awayCount = random.nextInt(41);
      for (int d = 0; d < awayCount; d++) {
        away.add(EARLIEST.plusDays(random.nextInt(4 * 366 + 1)));
      }
      coaches.add(
          new CoachProfile(UUID.randomUUID(), levels, EnumSet.copyOf(days), capacity, away));
    }
    return coaches;
  }

  /** Between {@code min} and {@code max} distinct elements of {@code all}. */
  private static <T> Set<T> someOf(Random random, List<T> all, int min, int max) {
    List<T> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, random);
    int size = min + random.nextInt(max - min + 1);
    return new HashSet<>(shuffled.subList(0, Math.min(size, shuffled.size())));
  }

  /** 1 to 12 enrolment windows. */
  static List<Window> enrollmentSet(Random random) {
    List<Window> windows = new ArrayList<>();
    int count = 1 + random.nextInt(12);
    for (int i = 0; i < count; i++) {
      windows.add(window(random));
    }
    return windows;
  }

  /** A window starting within three years of 2024-01-01, 1 to 241 days long. */
  static Window window(Random random) {
    LocalDate start = EARLIEST.plusDays(random.nextInt(3 * 365 + 1));
    return new Window(start, start.plusDays(random.nextInt(241)));
  }
}
