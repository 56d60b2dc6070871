package org.mhaqi.coaching.workingdays;

import java.time.LocalDate;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.http.HttpStatus;

/**
 * The dates coaching works with: years 2000 to 2099. A programme runs for a few years; a date far
 * outside this range is a typing error, and left through it would overflow date arithmetic into an
 * internal error instead of naming the field.
 */
public final class SupportedDates {

  public static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
  public static final LocalDate LAST = LocalDate.of(2099, 12, 31);

  private SupportedDates() {}

  /**
   * The date itself when it is null or in range.
   *
   * @throws RuleViolationException 400 {@code date-out-of-range} naming the field otherwise
   */
  public static LocalDate require(LocalDate date, String field) {
    if (date != null && (date.isBefore(FIRST) || date.isAfter(LAST))) {
      throw new RuleViolationException(
          HttpStatus.BAD_REQUEST,
          "date-out-of-range",
          field,
          field + " " + date + " is outside the supported dates " + FIRST + " to " + LAST);
    }
    return date;
  }
}
