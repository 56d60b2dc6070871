package org.mhaqi.coaching.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.http.HttpStatus;

class SupportedDatesTest {

  @Test
  void theFirstAndLastSupportedDaysAndNullPass() {
    assertThat(SupportedDates.require(LocalDate.of(2000, 1, 1), "from"))
        .isEqualTo(LocalDate.of(2000, 1, 1));
    assertThat(SupportedDates.require(LocalDate.of(2099, 12, 31), "to"))
        .isEqualTo(LocalDate.of(2099, 12, 31));
    assertThat(SupportedDates.require(null, "to")).isNull();
  }

  @Test
  void theDayBeforeAndTheDayAfterAreBadRequestsNamingTheField() {
    assertRefused(LocalDate.of(1999, 12, 31), "from");
    assertRefused(LocalDate.of(2100, 1, 1), "to");
    assertRefused(LocalDate.MAX, "to");
    assertRefused(LocalDate.MIN, "from");
  }

  private static void assertRefused(LocalDate date, String field) {
    assertThatThrownBy(() -> SupportedDates.require(date, field))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(e.code()).isEqualTo("date-out-of-range");
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).contains(date.toString());
            });
  }
}
