package org.mhaqi.console.coaches;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mhaqi.console.layout.Words;

/** A coach's record and sessions as the coaches page shows them: load in hours, days away. */
final class CoachLoad {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private CoachLoad() {}

  /** A coach as coaching-service answers it. */
  record Coach(
      UUID id,
      String name,
      List<String> levels,
      List<String> workingDays,
      int weeklyCapacityMinutes,
      List<DayAway> daysAway,
      java.time.Instant erasedAt) {
    Coach {
      levels = levels == null ? List.of() : List.copyOf(levels);
      workingDays = workingDays == null ? List.of() : List.copyOf(workingDays);
      daysAway = daysAway == null ? List.of() : List.copyOf(daysAway);
    }
  }

  record DayAway(LocalDate day, String reason) {}

  /** A session as coaching-service answers it (what the load counts). */
  record Session(UUID id, java.time.LocalDateTime startsAt, int durationMinutes, String status) {}

  /** One week: Monday of it and the Sunday that ends it. */
  record Week(LocalDate monday, LocalDate sunday) {
    static Week of(LocalDate day) {
      LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      return new Week(monday, monday.plusDays(6));
    }

    Week next() {
      return new Week(monday.plusWeeks(1), sunday.plusWeeks(1));
    }

    boolean contains(LocalDate day) {
      return !day.isBefore(monday) && !day.isAfter(sunday);
    }
  }

  /** A coach as a row of the page. */
  record Row(
      UUID id,
      String name,
      String levels,
      String workingDays,
      String thisWeek,
      String nextWeek,
      boolean overThisWeek,
      List<String> daysAway,
      String unavailable) {}

  /**
   * @param sessions the coach's sessions in this week and next, or null if they could not be read
   */
  static Row row(Coach coach, List<Session> sessions, Week thisWeek, String unavailable) {
    int capacity = coach.weeklyCapacityMinutes();
    long now = sessions == null ? -1 : minutes(sessions, thisWeek);
    long next = sessions == null ? -1 : minutes(sessions, thisWeek.next());
    return new Row(
        coach.id(),
        coach.erasedAt() != null ? "Erased coach" : coach.name(),
        String.join(", ", coach.levels().stream().map(Words::plain).toList()),
        String.join(
            ", ", coach.workingDays().stream().map(d -> Words.plain(d).substring(0, 3)).toList()),
        load(now, capacity),
        load(next, capacity),
        now > capacity,
        daysAway(coach.daysAway(), thisWeek.monday()),
        unavailable);
  }

  /** Minutes of scheduled and completed sessions in the week (cancelled ones take no time). */
  static long minutes(List<Session> sessions, Week week) {
    return sessions.stream()
        .filter(s -> !"CANCELLED".equals(s.status()))
        .filter(s -> s.startsAt() != null && week.contains(s.startsAt().toLocalDate()))
        .mapToLong(Session::durationMinutes)
        .sum();
  }

  static String load(long minutes, int capacityMinutes) {
    if (minutes < 0) {
      return "Not known";
    }
    return hours(minutes) + " of " + hours(capacityMinutes) + " hours";
  }

  private static String hours(long minutes) {
    return minutes % 60 == 0
        ? String.valueOf(minutes / 60)
        : String.format(Locale.UK, "%.1f", minutes / 60.0);
  }

  /** Days away from today on, runs of consecutive days joined: "3 to 5 March 2027". */
  static List<String> daysAway(List<DayAway> days, LocalDate from) {
    List<LocalDate> ahead =
        days.stream().map(DayAway::day).filter(d -> !d.isBefore(from)).sorted().toList();
    List<String> runs = new ArrayList<>();
    int i = 0;
    while (i < ahead.size()) {
      int j = i;
      while (j + 1 < ahead.size() && ahead.get(j + 1).equals(ahead.get(j).plusDays(1))) {
        j++;
      }
      runs.add(
          i == j
              ? DAY.format(ahead.get(i))
              : DAY.format(ahead.get(i)) + " to " + DAY.format(ahead.get(j)));
      i = j + 1;
    }
    return runs;
  }
}
