package org.mhaqi.support.workingdays;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/** Tells working days from weekends and bank holidays. */
public final class WorkingDays {

  private final BankHolidays holidays;

  public WorkingDays(BankHolidays holidays) {
    this.holidays = holidays;
  }

  /**
   * England and Wales by the GOV.UK file service-support ships ({@code
   * classpath:bank-holidays.json}, 2024 to 2027): the services' default, and the tests' calendar.
   */
  public static WorkingDays englandAndWales() {
    return new WorkingDays(
        BankHolidays.read(
            WorkingDays.class.getResourceAsStream("/bank-holidays.json"),
            "england-and-wales",
            JsonMapper.builder().build()));
  }

  /**
   * The working days of a division by a bank holidays file in GOV.UK's format, e.g. {@code
   * classpath:bank-holidays.json} or a fresh download of GOV.UK's file.
   */
  public static WorkingDays read(Resource file, String division, JsonMapper json) {
    try {
      return new WorkingDays(BankHolidays.read(file.getInputStream(), division, json));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the bank holidays file " + file, e);
    }
  }

  /** The bank holidays this calendar knows. */
  public BankHolidays holidays() {
    return holidays;
  }

  /** The last working day before {@code date}. */
  public LocalDate previous(LocalDate date) {
    LocalDate day = date.minusDays(1);
    while (!isWorkingDay(day)) {
      day = day.minusDays(1);
    }
    return day;
  }

  /** The working day {@code count} working days after {@code date} (count 0: date itself). */
  public LocalDate plus(LocalDate date, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    LocalDate day = date;
    for (int left = count; left > 0; ) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /** The working day {@code count} working days before {@code date} (count 0: date itself). */
  public LocalDate minus(LocalDate date, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    LocalDate day = date;
    for (int left = count; left > 0; ) {
      day = day.minusDays(1);
      if (isWorkingDay(day)) {
        left--;
      }
    }
    return day;
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
