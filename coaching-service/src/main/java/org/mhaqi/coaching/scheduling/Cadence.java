package org.mhaqi.coaching.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often and when sessions of each level are held. The defaults fit the programme FAQ's time
 * commitment (about 2 hours a week on average for project team members, coaching included):
 * executive coaching about an hour a month; service leadership and frontline-delivery coaching an
 * hour a week, blended with three full-day (8-hour) improvement sessions, at the start, in the
 * middle and at the end of the window, each taking the place of that week's weekly session. Over 26
 * weeks that is (3 x 8 + 23 x 1) / 26 = 1.8 hours a week (coaching-service/README.md).
 *
 * @param executive executive coaching, monthly
 * @param weekly the weekly hour of service leadership and frontline-delivery coaching
 * @param improvementDay the monthly full-day improvement session of the same level
 */
public record Cadence(
    @DefaultValue Executive executive,
    @DefaultValue Weekly weekly,
    @DefaultValue ImprovementDay improvementDay) {

  /** The FAQ's cadences. */
  public static Cadence defaults() {
    return new Cadence(Executive.defaults(), Weekly.defaults(), ImprovementDay.defaults());
  }

  /**
   * Executive coaching: one session a month, preferably in the {@code weekOfMonth}-th week on the
   * first preferred weekday, otherwise the nearest other working day of the same month.
   *
   * @param enabled whether executive sessions are planned at all
   * @param duration the length of a session
   * @param weekOfMonth the preferred week of the month
   * @param weekdays preferred weekdays, most preferred first
   * @param startTimes start times to try on a day, most preferred first ("HH:mm", Europe/London)
   */
  public record Executive(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("60m") Duration duration,
      @DefaultValue("2") int weekOfMonth,
      @DefaultValue({"TUESDAY", "THURSDAY", "WEDNESDAY", "MONDAY", "FRIDAY"})
          List<DayOfWeek> weekdays,
      @DefaultValue({"10:00", "11:30", "14:00", "15:30"}) List<String> startTimes) {

    public Executive {
      validate(duration, weekOfMonth, weekdays, startTimes, "executive");
    }

    static Executive defaults() {
      return new Executive(
          true,
          Duration.ofMinutes(60),
          2,
          List.of(
              DayOfWeek.TUESDAY,
              DayOfWeek.THURSDAY,
              DayOfWeek.WEDNESDAY,
              DayOfWeek.MONDAY,
              DayOfWeek.FRIDAY),
          List.of("10:00", "11:30", "14:00", "15:30"));
    }

    public List<LocalTime> times() {
      return parse(startTimes);
    }
  }

  /**
   * The weekly session: one a week on the first preferred weekday that has a free coach, in weeks
   * without an improvement day.
   *
   * @param enabled whether weekly sessions are planned at all
   * @param duration the length of a session
   * @param weekdays preferred weekdays, most preferred first
   * @param startTimes start times to try on a day, most preferred first ("HH:mm", Europe/London)
   */
  public record Weekly(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("60m") Duration duration,
      @DefaultValue({"WEDNESDAY", "TUESDAY", "THURSDAY", "MONDAY", "FRIDAY"})
          List<DayOfWeek> weekdays,
      @DefaultValue({"10:00", "11:30", "13:00", "14:30", "16:00"}) List<String> startTimes) {

    public Weekly {
      validate(duration, 1, weekdays, startTimes, "weekly");
    }

    static Weekly defaults() {
      return new Weekly(
          true,
          Duration.ofMinutes(60),
          List.of(
              DayOfWeek.WEDNESDAY,
              DayOfWeek.TUESDAY,
              DayOfWeek.THURSDAY,
              DayOfWeek.MONDAY,
              DayOfWeek.FRIDAY),
          List.of("10:00", "11:30", "13:00", "14:30", "16:00"));
    }

    public List<LocalTime> times() {
      return parse(startTimes);
    }
  }

  /**
   * The full-day improvement session. It blocks the coach's whole day.
   *
   * @param enabled whether improvement days are planned at all
   * @param duration the length of the day's session
   * @param weekdays preferred weekdays, most preferred first
   * @param startTime when the day's session starts ("HH:mm", Europe/London)
   * @param weekOfMonth with monthly placement, the preferred week of the month
   * @param replacesWeeklySession whether the week holding it has no weekly session
   * @param placement when in the window improvement days are held
   */
  public record ImprovementDay(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("480m") Duration duration,
      @DefaultValue("3") int weekOfMonth,
      @DefaultValue({"THURSDAY", "WEDNESDAY", "TUESDAY", "MONDAY", "FRIDAY"})
          List<DayOfWeek> weekdays,
      @DefaultValue("09:00") String startTime,
      @DefaultValue("true") boolean replacesWeeklySession,
      @DefaultValue("START_MIDDLE_END") Placement placement) {

    /** When in the window improvement days are held. */
    public enum Placement {
      /**
       * Three: in the first, the middle and the last third of the window, as near as a free coach
       * allows to its first day, its midpoint and its last day, on the preferred weekdays.
       */
      START_MIDDLE_END,
      /**
       * One a month, preferably in the {@code weekOfMonth}-th week on the first preferred weekday,
       * otherwise on the nearest working day of the month with a free coach.
       */
      MONTHLY
    }

    public ImprovementDay {
      placement = placement == null ? Placement.START_MIDDLE_END : placement;
      validate(duration, weekOfMonth, weekdays, List.of(startTime), "improvement-day");
    }

    static ImprovementDay defaults() {
      return new ImprovementDay(
          true,
          Duration.ofMinutes(480),
          3,
          List.of(
              DayOfWeek.THURSDAY,
              DayOfWeek.WEDNESDAY,
              DayOfWeek.TUESDAY,
              DayOfWeek.MONDAY,
              DayOfWeek.FRIDAY),
          "09:00",
          true,
          Placement.START_MIDDLE_END);
    }

    public LocalTime time() {
      return LocalTime.parse(startTime);
    }
  }

  private static void validate(
      Duration duration,
      int weekOfMonth,
      List<DayOfWeek> weekdays,
      List<String> startTimes,
      String what) {
    if (duration == null || duration.toMinutes() <= 0 || duration.toMinutes() > 600) {
      throw new IllegalArgumentException(what + ": duration must be between 1 and 600 minutes");
    }
    if (weekOfMonth < 1 || weekOfMonth > 5) {
      throw new IllegalArgumentException(what + ": week-of-month must be between 1 and 5");
    }
    if (weekdays == null
        || weekdays.isEmpty()
        || weekdays.contains(DayOfWeek.SATURDAY)
        || weekdays.contains(DayOfWeek.SUNDAY)) {
      throw new IllegalArgumentException(
          what + ": weekdays must be Monday to Friday, at least one");
    }
    if (startTimes == null || startTimes.isEmpty()) {
      throw new IllegalArgumentException(what + ": at least one start time is needed");
    }
    for (LocalTime time : parse(startTimes)) {
      if (time.plus(duration).isBefore(time)) {
        throw new IllegalArgumentException(what + ": a session must end on the day it starts");
      }
    }
  }

  private static List<LocalTime> parse(List<String> times) {
    try {
      return times.stream().map(String::strip).map(LocalTime::parse).toList();
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("Start times are HH:mm, e.g. 10:00: " + times, e);
    }
  }
}
