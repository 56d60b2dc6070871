package org.mhaqi.coaching.workingdays;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.stream.Stream;

/** Tells working days from weekends and bank holidays. */
public final class WorkingDays {

  private final BankHolidays holidays;

  public WorkingDays(BankHolidays holidays) {
    this.holidays = holidays;
  }

  public boolean isWorkingDay(LocalDate date) {
    return nonWorkingReason(date).isEmpty();
  }

  /** Why the date is not a working day ("weekend", "bank holiday: Christmas Day"), if it is not. */
  public Optional<NonWorkingDay> nonWorkingReason(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
      return Optional.of(
          new NonWorkingDay(NonWorkingDay.Kind.WEEKEND, date + " is a " + name(day)));
    }
    return holidays
        .holiday(date)
        .map(
            title ->
                new NonWorkingDay(
                    NonWorkingDay.Kind.BANK_HOLIDAY,
                    date + " is a bank holiday in " + holidays.division() + ": " + title));
  }

  /** The working days from {@code first} to {@code last}, both included. */
  public Stream<LocalDate> between(LocalDate first, LocalDate last) {
    return first.datesUntil(last.plusDays(1)).filter(this::isWorkingDay);
  }

  /** Whether the bank holidays file lists the year at all. */
  public boolean covers(LocalDate date) {
    Year year = Year.from(date);
    return !year.isBefore(holidays.firstYear()) && !year.isAfter(holidays.lastYear());
  }

  private static String name(DayOfWeek day) {
    String name = day.name();
    return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  /** A date on which no session may be held. */
  public record NonWorkingDay(Kind kind, String reason) {

    /** Weekend or bank holiday. */
    public enum Kind {
      WEEKEND,
      BANK_HOLIDAY
    }
  }
}
