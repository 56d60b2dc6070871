package org.mhaqi.coaching.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.events.coaching.CoachingLevel;

/**
 * The coaches and the time they have already given, for one planning run: answers whether a coach
 * can take a session (level, working pattern, days away, no double booking, weekly capacity) and
 * records the bookings made. Not thread-safe; build one per transaction.
 */
public final class Roster {

  private final Map<UUID, CoachProfile> coaches = new LinkedHashMap<>();
  private final Map<UUID, DayCalendar> calendars = new HashMap<>();
  private final Map<UUID, Map<LocalDate, Integer>> weeklyMinutes = new HashMap<>();
  private final Map<UUID, Long> totalMinutes = new HashMap<>();
  private final Map<CoachingLevel, List<CoachProfile>> byLevel = new EnumMap<>(CoachingLevel.class);

  public Roster(Collection<CoachProfile> coaches) {
    for (CoachProfile coach : coaches) {
      this.coaches.put(coach.id(), coach);
      calendars.put(coach.id(), new DayCalendar());
      weeklyMinutes.put(coach.id(), new HashMap<>());
      totalMinutes.put(coach.id(), 0L);
    }
    for (CoachingLevel level : CoachingLevel.values()) {
      byLevel.put(
          level,
          this.coaches.values().stream()
              .filter(c -> c.levels().contains(level))
              .sorted(Comparator.comparing(CoachProfile::id))
              .toList());
    }
  }

  /** Why the coach cannot take the booking, or empty when it can. */
  public Optional<Conflict> conflict(UUID coachId, CoachingLevel level, Booking booking) {
    CoachProfile coach = coaches.get(coachId);
    if (coach == null) {
      return Optional.of(
          new Conflict(Conflict.Kind.UNKNOWN_COACH, "Coach " + coachId + " is not available"));
    }
    if (!coach.levels().contains(level)) {
      return Optional.of(
          new Conflict(
              Conflict.Kind.LEVEL_NOT_DELIVERED,
              "Coach " + coachId + " does not deliver " + level + " coaching"));
    }
    LocalDate date = booking.startsAt().toLocalDate();
    if (!coach.workingDays().contains(date.getDayOfWeek())) {
      return Optional.of(
          new Conflict(
              Conflict.Kind.NOT_A_WORKING_DAY,
              "Coach " + coachId + " does not work on " + date.getDayOfWeek()));
    }
    if (coach.daysAway().contains(date)) {
      return Optional.of(
          new Conflict(Conflict.Kind.AWAY, "Coach " + coachId + " is away on " + date));
    }
    if (!calendars.get(coachId).fits(booking)) {
      return Optional.of(
          new Conflict(
              Conflict.Kind.DOUBLE_BOOKED,
              "Coach "
                  + coachId
                  + " already has a session at that time"
                  + (booking.fullDay() ? " on " + date : "")
                  + " (a full improvement day takes the whole day)"));
    }
    int week = weeklyMinutes.get(coachId).getOrDefault(weekOf(date), 0);
    if (week + booking.minutes() > coach.weeklyCapacityMinutes()) {
      return Optional.of(
          new Conflict(
              Conflict.Kind.OVER_WEEKLY_CAPACITY,
              "Coach "
                  + coachId
                  + " has "
                  + (coach.weeklyCapacityMinutes() - week)
                  + " of "
                  + coach.weeklyCapacityMinutes()
                  + " minutes left in the week of "
                  + weekOf(date)));
    }
    return Optional.empty();
  }

  /** Whether the coach can take the booking. */
  public boolean isFree(UUID coachId, CoachingLevel level, Booking booking) {
    return conflict(coachId, level, booking).isEmpty();
  }

  /** Records time the coach has given; existing sessions are loaded through this too. */
  public void book(UUID coachId, Booking booking) {
    DayCalendar calendar = calendars.get(coachId);
    if (calendar == null) {
      return;
    }
    calendar.add(booking);
    weeklyMinutes
        .get(coachId)
        .merge(weekOf(booking.startsAt().toLocalDate()), booking.minutes(), Integer::sum);
    totalMinutes.merge(coachId, (long) booking.minutes(), Long::sum);
  }

  /**
   * The coach who should take the booking among those free for it: coaches who deliver only this
   * level first (so that coaches of both levels stay free for what only they can cover), then the
   * fewest minutes booked, then the fewest in that week, then by id so that plans are reproducible.
   */
  public Optional<UUID> leastLoadedFree(CoachingLevel level, Booking booking) {
    return leastLoadedFree(level, booking, false);
  }

  /**
   * As {@link #leastLoadedFree(CoachingLevel, Booking)}, optionally among the coaches who deliver
   * only this level.
   */
  public Optional<UUID> leastLoadedFree(
      CoachingLevel level, Booking booking, boolean specialistsOnly) {
    LocalDate week = weekOf(booking.startsAt().toLocalDate());
    Comparator<CoachProfile> preference =
        Comparator.<CoachProfile>comparingInt(c -> c.levels().size())
            .thenComparingLong(c -> totalMinutes.get(c.id()))
            .thenComparingInt(c -> weeklyMinutes.get(c.id()).getOrDefault(week, 0))
            .thenComparing(CoachProfile::id);
    CoachProfile best = null;
    for (CoachProfile coach : byLevel.get(level)) {
      if (specialistsOnly && coach.levels().size() > 1) {
        continue;
      }
      if ((best == null || preference.compare(coach, best) < 0)
          && isFree(coach.id(), level, booking)) {
        best = coach;
      }
    }
    return Optional.ofNullable(best).map(CoachProfile::id);
  }

  /** Minutes booked for the coach in this roster. */
  public long load(UUID coachId) {
    return totalMinutes.getOrDefault(coachId, 0L);
  }

  static LocalDate weekOf(LocalDate date) {
    return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
