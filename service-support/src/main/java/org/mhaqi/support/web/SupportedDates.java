package org.mhaqi.support.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/**
 * The dates the platform accepts, in any request parameter or body: the years 1900 to 2999. Far
 * beyond any programme, yet well inside what Java, PostgreSQL and calendar feeds handle, so a date
 * outside it is bad input (400), never an overflow deep inside (500).
 */
public final class SupportedDates {

  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
  public static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

  /** What a refusal says about the range. */
  public static final String RANGE = "between " + EARLIEST + " and " + LATEST;

  private SupportedDates() {}

  public static boolean contains(LocalDate date) {
    return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
  }

  /** Whether a date, date-time or instant (read in UTC) falls on a supported day. */
  public static boolean contains(Temporal value) {
    if (value instanceof LocalDate date) {
      return contains(date);
    }
    if (value instanceof LocalDateTime dateTime) {
      return contains(dateTime.toLocalDate());
    }
    if (value instanceof Instant instant) {
      // Compared as seconds: an instant years beyond LocalDate's range has no UTC date.
      long seconds = instant.getEpochSecond();
      return seconds >= EARLIEST.atStartOfDay(ZoneOffset.UTC).toEpochSecond()
          && seconds < LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }
    throw new IllegalArgumentException("Not a date, date-time or instant: " + value.getClass());
  }

  /** Returns the value if supported, else throws {@link DateOutOfRangeException}. */
  public static <T extends Temporal> T require(T value) {
    if (!contains(value)) {
      throw new DateOutOfRangeException(value);
    }
    return value;
  }

  /** A date outside the supported range; answered 400 naming the parameter or field. */
  public static final class DateOutOfRangeException extends IllegalArgumentException {

    DateOutOfRangeException(Temporal value) {
      super("'" + value + "' is outside the supported dates, " + RANGE);
    }
  }
}
