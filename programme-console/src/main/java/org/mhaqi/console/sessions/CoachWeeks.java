package org.mhaqi.console.sessions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mhaqi.console.layout.Words;

/**
 * A coach's sessions of this week and next week (Monday to Sunday, as the coach's diary runs), each
 * as a row in the programme's words; and, before them, the sessions of the last {@value
 * #WEEKS_BACK} weeks that were never recorded (delivered last Friday, recorded on Monday).
 */
record CoachWeeks(
    LocalDate from, LocalDate to, List<Row> toRecord, List<Row> thisWeek, List<Row> nextWeek) {

  /** How far back unrecorded sessions are still offered for recording. */
  static final int WEEKS_BACK = 4;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

  /**
   * One session as a row of the coach's list.
   *
   * @param open whether attendance, rescheduling or cancelling can still be recorded
   */
  record Row(UUID id, String when, String what, String status, String tagColour, boolean open) {}

  /** The Monday of this week. */
  static LocalDate monday(LocalDate today) {
    return today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  /** The first day the coach's page asks coaching for. */
  static LocalDate earliest(LocalDate today) {
    return monday(today).minusWeeks(WEEKS_BACK);
  }

  static CoachWeeks of(List<CoachingSession> sessions, LocalDate today) {
    LocalDate monday = monday(today);
    LocalDate nextMonday = monday.plusWeeks(1);
    LocalDate end = nextMonday.plusWeeks(1);
    List<CoachingSession> inOrder =
        sessions.stream().sorted(Comparator.comparing(CoachingSession::startsAt)).toList();
    return new CoachWeeks(
        monday,
        end.minusDays(1),
        rows(inOrder.stream().filter(CoachingSession::scheduled).toList(), earliest(today), monday),
        rows(inOrder, monday, nextMonday),
        rows(inOrder, nextMonday, end));
  }

  private static List<Row> rows(List<CoachingSession> sessions, LocalDate from, LocalDate before) {
    return sessions.stream()
        .filter(
            s ->
                !s.startsAt().toLocalDate().isBefore(from)
                    && s.startsAt().toLocalDate().isBefore(before))
        .map(
            s ->
                new Row(
                    s.id(),
                    when(s.startsAt(), s.endsAt()),
                    what(s),
                    status(s),
                    tagColour(s),
                    s.scheduled()))
        .toList();
  }

  /** "Tuesday 15 December 2026, 10:00 to 11:00". */
  static String when(LocalDateTime start, LocalDateTime end) {
    String times = TIME.format(start) + (end == null ? "" : " to " + TIME.format(end));
    return DAY.format(start) + ", " + times;
  }

  /** "Improvement day, service leadership and frontline delivery". */
  static String what(CoachingSession s) {
    String kind = "IMPROVEMENT_DAY".equals(s.kind()) ? "Improvement day" : "Coaching session";
    return kind + ", " + Words.plain(s.level()).toLowerCase(Locale.UK);
  }

  static String status(CoachingSession s) {
    return switch (s.status()) {
      case "COMPLETED" -> "Completed";
      case "CANCELLED" -> "Cancelled";
      default -> s.staffed() ? "Scheduled" : "No coach yet";
    };
  }

  static String tagColour(CoachingSession s) {
    return switch (s.status()) {
      case "COMPLETED" -> "nhsuk-tag--green";
      case "CANCELLED" -> "nhsuk-tag--grey";
      default -> s.staffed() ? "nhsuk-tag--blue" : "nhsuk-tag--orange";
    };
  }
}
