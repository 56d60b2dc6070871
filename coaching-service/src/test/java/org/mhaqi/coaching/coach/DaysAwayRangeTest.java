package org.mhaqi.coaching.coach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.http.HttpStatus;

/** The days a request for days away names: in order, at most a year, inside supported dates. */
class DaysAwayRangeTest {

  static final LocalDate DAY = LocalDate.of(2027, 3, 1);

  @Test
  void oneDayAndTheLongestStretchAreAccepted() {
    assertThat(Coaches.range(DAY, DAY)).containsExactly(DAY);
    assertThat(Coaches.range(DAY, DAY.plusDays(Coaches.MAX_DAYS_AWAY)))
        .hasSize(Coaches.MAX_DAYS_AWAY + 1);
  }

  @Test
  void aLongerStretchOrAnInvertedOneIsRefusedOnTo() {
    assertRefused(
        DAY, DAY.plusDays(Coaches.MAX_DAYS_AWAY + 1), HttpStatus.UNPROCESSABLE_CONTENT, "to");
    assertRefused(DAY, DAY.minusDays(1), HttpStatus.UNPROCESSABLE_CONTENT, "to");
  }

  @Test
  void yearsOutsideTheSupportedDatesAreBadRequests() {
    assertRefused(
        LocalDate.of(999_999_999, 1, 1),
        LocalDate.of(999_999_999, 1, 2),
        HttpStatus.BAD_REQUEST,
        "from");
    assertRefused(DAY, LocalDate.MAX, HttpStatus.BAD_REQUEST, "to");
    assertRefused(LocalDate.of(1899, 12, 31), DAY, HttpStatus.BAD_REQUEST, "from");
    assertRefused(
        LocalDate.of(2999, 12, 31), LocalDate.of(3000, 1, 1), HttpStatus.BAD_REQUEST, "to");
    assertThat(Coaches.range(LocalDate.of(1900, 1, 1), LocalDate.of(1900, 1, 1))).hasSize(1);
    assertThat(Coaches.range(LocalDate.of(2999, 12, 31), LocalDate.of(2999, 12, 31))).hasSize(1);
  }

  private static void assertRefused(LocalDate from, LocalDate to, HttpStatus status, String field) {
    assertThatThrownBy(() -> Coaches.range(from, to))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(status);
              assertThat(e.field()).isEqualTo(field);
            });
  }
}
