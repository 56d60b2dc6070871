package org.mhaqi.coaching.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.support.workingdays.WorkingDays;

/**
 * Turns an enrolment's coaching window into a plan of sessions on both levels and staffs it from a
 * roster.
 *
 * <p>Order of work: the monthly improvement days first (they need a coach's whole day), then the
 * weekly sessions of the weeks without an improvement day, then the monthly executive sessions.
 * Each session takes the first of its candidate slots, in order of preference, where the team has
 * no other session of that level and a coach is free: first the coach who already takes this team's
 * sessions of that level (continuity), then, within the preferred week, the least-loaded coach who
 * delivers only that level (so coaches of both levels stay free for what only they can cover), then
 * the least-loaded coach at all. When no coach is free at any candidate slot the session keeps its
 * preferred slot unstaffed. A coach is never booked twice at once, never over weekly capacity,
 * never on a day off or away; sessions fall on working days inside the window.
 */
public final class Planner {

  private final WorkingDays workingDays;

  public Planner(WorkingDays workingDays) {
    this.workingDays = workingDays;
  }

  /**
   * Plans the window {@code first..last} (both included) with the cadence, booking coaches in the
   * roster as it goes.
   *
   * @return the sessions in chronological order
   */
  public List<PlannedSession> plan(
      LocalDate first, LocalDate last, Cadence cadence, Roster roster) {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("The coaching window ends before it starts");
    }
    Run run = new Run(roster);
    Set<LocalDate> weeksWithImprovementDay = new HashSet<>();
    if (cadence.improvementDay().enabled()) {
      for (SessionRequest request : improvementDays(first, last, cadence.improvementDay())) {
        PlannedSession session = run.staff(request);
        weeksWithImprovementDay.add(Roster.weekOf(session.startsAt().toLocalDate()));
      }
    }
    if (cadence.weekly().enabled()) {
      boolean skipWeeksWithDay = cadence.improvementDay().replacesWeeklySession();
      for (SessionRequest request :
          weeklySessions(
              first,
              last,
              cadence.weekly(),
              skipWeeksWithDay ? weeksWithImprovementDay : Set.of())) {
        run.staff(request);
      }
    }
    if (cadence.executive().enabled()) {
      for (SessionRequest request : executiveSessions(first, last, cadence.executive())) {
        run.staff(request);
      }
    }
    return run.sessions.stream().sorted(Comparator.comparing(PlannedSession::startsAt)).toList();
  }

  List<SessionRequest> improvementDays(
      LocalDate first, LocalDate last, Cadence.ImprovementDay cadence) {
    if (cadence.placement() == Cadence.ImprovementDay.Placement.START_MIDDLE_END) {
      return startMiddleEnd(first, last, cadence);
    }
    return monthly(
        first,
        last,
        CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
        SessionKind.IMPROVEMENT_DAY,
        cadence.duration(),
        cadence.weekdays(),
        cadence.weekOfMonth(),
        List.of(cadence.time()));
  }

  /**
   * Three improvement days: the window is cut in thirds, and each third offers its working days
   * nearest its anchor first (the window's first day, its midpoint, its last day). A window too
   * short for a working day in a third gets fewer.
   */
  List<SessionRequest> startMiddleEnd(
      LocalDate first, LocalDate last, Cadence.ImprovementDay cadence) {
    long days = ChronoUnit.DAYS.between(first, last) + 1;
    LocalDate middleFrom = first.plusDays(days / 3);
    LocalDate endFrom = first.plusDays(2 * days / 3);
    LocalDate midpoint = first.plusDays((days - 1) / 2);
    List<SessionRequest> requests = new ArrayList<>();
    addThird(requests, first, middleFrom.minusDays(1), first, cadence);
    addThird(requests, middleFrom, endFrom.minusDays(1), midpoint, cadence);
    addThird(requests, endFrom, last, last, cadence);
    return requests;
  }

  private void addThird(
      List<SessionRequest> requests,
      LocalDate from,
      LocalDate to,
      LocalDate anchor,
      Cadence.ImprovementDay cadence) {
    if (to.isBefore(from)) {
      return;
    }
    List<LocalDate> days = workingDays.between(from, to).toList();
    if (days.isEmpty()) {
      return;
    }
    requests.add(
        new SessionRequest(
            CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
            SessionKind.IMPROVEMENT_DAY,
            (int) cadence.duration().toMinutes(),
            slots(order(days, anchor, cadence.weekdays()), List.of(cadence.time()))));
  }

  List<SessionRequest> weeklySessions(
      LocalDate first, LocalDate last, Cadence.Weekly cadence, Set<LocalDate> weeksToSkip) {
    List<SessionRequest> requests = new ArrayList<>();
    for (LocalDate monday = Roster.weekOf(first);
        !monday.isAfter(last);
        monday = monday.plusWeeks(1)) {
      if (weeksToSkip.contains(monday)) {
        continue;
      }
      LocalDate from = monday.isBefore(first) ? first : monday;
      LocalDate sunday = monday.plusDays(6);
      LocalDate to = sunday.isAfter(last) ? last : sunday;
      List<LocalDate> days = workingDays.between(from, to).toList();
      if (days.isEmpty()) {
        continue;
      }
      requests.add(
          new SessionRequest(
              CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY,
              SessionKind.COACHING_SESSION,
              (int) cadence.duration().toMinutes(),
              slots(order(days, monday, cadence.weekdays()), cadence.times())));
    }
    return requests;
  }

  List<SessionRequest> executiveSessions(
      LocalDate first, LocalDate last, Cadence.Executive cadence) {
    return monthly(
        first,
        last,
        CoachingLevel.EXECUTIVE,
        SessionKind.COACHING_SESSION,
        cadence.duration(),
        cadence.weekdays(),
        cadence.weekOfMonth(),
        cadence.times());
  }

  /**
   * One session a month, preferably on the n-th of the first preferred weekday, otherwise on the
   * other working days of the month in order of preference.
   */
  private List<SessionRequest> monthly(
      LocalDate first,
      LocalDate last,
      CoachingLevel level,
      SessionKind kind,
      Duration duration,
      List<DayOfWeek> weekdays,
      int weekOfMonth,
      List<LocalTime> times) {
    List<SessionRequest> requests = new ArrayList<>();
    for (YearMonth month : months(first, last)) {
      List<LocalDate> days = workingDaysOf(month, first, last);
      if (days.isEmpty()) {
        continue;
      }
      LocalDate anchor = nthWeekday(month, weekdays.get(0), weekOfMonth);
      requests.add(
          new SessionRequest(
              level,
              kind,
              (int) duration.toMinutes(),
              slots(order(days, anchor, weekdays), times)));
    }
    return requests;
  }

  private List<LocalDate> workingDaysOf(YearMonth month, LocalDate first, LocalDate last) {
    LocalDate from = month.atDay(1).isBefore(first) ? first : month.atDay(1);
    LocalDate to = month.atEndOfMonth().isAfter(last) ? last : month.atEndOfMonth();
    return workingDays.between(from, to).toList();
  }

  private static List<YearMonth> months(LocalDate first, LocalDate last) {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(first);
        !m.isAfter(YearMonth.from(last));
        m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }

  /** The n-th given weekday of the month, or its last one when the month has fewer. */
  static LocalDate nthWeekday(YearMonth month, DayOfWeek day, int n) {
    LocalDate date = month.atDay(1).with(TemporalAdjusters.firstInMonth(day)).plusWeeks(n - 1L);
    return YearMonth.from(date).equals(month)
        ? date
        : month.atDay(1).with(TemporalAdjusters.lastInMonth(day));
  }

  /**
   * Candidate days in order of preference: the anchor's week first, then weeks ever further from
   * it; within a week the preferred weekdays in their order, then the other weekdays.
   */
  static List<LocalDate> order(List<LocalDate> days, LocalDate anchor, List<DayOfWeek> preferred) {
    LocalDate anchorWeek = Roster.weekOf(anchor);
    return days.stream()
        .sorted(
            Comparator.<LocalDate>comparingLong(
                    d -> Math.abs(ChronoUnit.WEEKS.between(anchorWeek, Roster.weekOf(d))))
                .thenComparingInt(d -> rank(preferred, d.getDayOfWeek()))
                .thenComparing(d -> d))
        .toList();
  }

  private static int rank(List<DayOfWeek> preferred, DayOfWeek day) {
    int index = preferred.indexOf(day);
    return index >= 0 ? index : preferred.size() + day.getValue();
  }

  private static List<LocalDateTime> slots(List<LocalDate> days, List<LocalTime> times) {
    List<LocalDateTime> slots = new ArrayList<>();
    for (LocalDate day : days) {
      for (LocalTime time : times) {
        slots.add(day.atTime(time));
      }
    }
    return slots;
  }

  /** One plan's state while it is being staffed. */
  private static final class Run {

    private final Roster roster;
    private final Map<CoachingLevel, DayCalendar> team = new EnumMap<>(CoachingLevel.class);
    private final Map<CoachingLevel, UUID> continuity = new EnumMap<>(CoachingLevel.class);
    private final List<PlannedSession> sessions = new ArrayList<>();

    Run(Roster roster) {
      this.roster = roster;
    }

    PlannedSession staff(SessionRequest request) {
      PlannedSession session =
          withCoach(request, continuity.get(request.level()))
              .or(() -> withLeastLoaded(request))
              .orElseGet(() -> unstaffed(request));
      team(session.level()).add(session.booking());
      if (session.staffed()) {
        roster.book(session.coachId(), session.booking());
        continuity.put(session.level(), session.coachId());
      }
      sessions.add(session);
      return session;
    }

    private Optional<PlannedSession> withCoach(SessionRequest request, UUID coach) {
      if (coach == null) {
        return Optional.empty();
      }
      for (LocalDateTime slot : request.candidates()) {
        Booking booking = request.at(slot);
        if (team(request.level()).fits(booking) && roster.isFree(coach, request.level(), booking)) {
          return Optional.of(session(request, slot, coach));
        }
      }
      return Optional.empty();
    }

    /**
     * First the coaches who deliver only this level, within the preferred week; then anyone, over
     * all candidates. Coaches of both levels stay free for what only they can cover.
     */
    private Optional<PlannedSession> withLeastLoaded(SessionRequest request) {
      LocalDate preferredWeek = Roster.weekOf(request.candidates().get(0).toLocalDate());
      return withLeastLoaded(request, true, preferredWeek)
          .or(() -> withLeastLoaded(request, false, null));
    }

    private Optional<PlannedSession> withLeastLoaded(
        SessionRequest request, boolean specialistsOnly, LocalDate onlyWeek) {
      for (LocalDateTime slot : request.candidates()) {
        if (onlyWeek != null && !Roster.weekOf(slot.toLocalDate()).equals(onlyWeek)) {
          continue;
        }
        Booking booking = request.at(slot);
        if (!team(request.level()).fits(booking)) {
          continue;
        }
        Optional<UUID> coach = roster.leastLoadedFree(request.level(), booking, specialistsOnly);
        if (coach.isPresent()) {
          return Optional.of(session(request, slot, coach.get()));
        }
      }
      return Optional.empty();
    }

    /**
     * The team's own calendar per level: executive sessions involve executives, the other level
     * service leaders and ward teams, so only sessions of one level must not overlap.
     */
    private DayCalendar team(CoachingLevel level) {
      return team.computeIfAbsent(level, l -> new DayCalendar());
    }

    private PlannedSession unstaffed(SessionRequest request) {
      LocalDateTime slot =
          request.candidates().stream()
              .filter(candidate -> team(request.level()).fits(request.at(candidate)))
              .findFirst()
              .orElse(request.candidates().get(0));
      return session(request, slot, null);
    }

    private static PlannedSession session(SessionRequest request, LocalDateTime slot, UUID coach) {
      return new PlannedSession(request.level(), request.kind(), slot, request.minutes(), coach);
    }
  }
}
