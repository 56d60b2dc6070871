package org.mhaqi.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import org.junit.jupiter.api.Test;

class SupportedDatesTest {

  @Test
  void theYears1900To2999AreSupportedToTheDay() {
    assertThat(SupportedDates.contains(LocalDate.of(1900, 1, 1))).isTrue();
    assertThat(SupportedDates.contains(LocalDate.of(1899, 12, 31))).isFalse();
    assertThat(SupportedDates.contains(LocalDate.of(2999, 12, 31))).isTrue();
    assertThat(SupportedDates.contains(LocalDate.of(3000, 1, 1))).isFalse();
    assertThat(SupportedDates.contains(LocalDate.MAX)).isFalse();
    assertThat(SupportedDates.contains(LocalDate.MIN)).isFalse();
  }

  @Test
  void dateTimesCountByTheirDay() {
    assertThat(SupportedDates.contains(LocalDateTime.of(1900, 1, 1, 0, 0))).isTrue();
    assertThat(SupportedDates.contains(LocalDateTime.of(1899, 12, 31, 23, 59, 59))).isFalse();
    assertThat(SupportedDates.contains(LocalDateTime.of(LocalDate.of(2999, 12, 31), LocalTime.MAX)))
        .isTrue();
    assertThat(SupportedDates.contains(LocalDateTime.of(3000, 1, 1, 0, 0))).isFalse();
  }

  @Test
  void instantsCountByTheirDayInUtc() {
    assertThat(SupportedDates.contains(Instant.parse("1900-01-01T00:00:00Z"))).isTrue();
    assertThat(SupportedDates.contains(Instant.parse("1899-12-31T23:59:59Z"))).isFalse();
    assertThat(SupportedDates.contains(Instant.parse("2999-12-31T23:59:59Z"))).isTrue();
    assertThat(SupportedDates.contains(Instant.parse("3000-01-01T00:00:00Z"))).isFalse();
    assertThat(SupportedDates.contains(Instant.MAX)).isFalse();
    assertThat(SupportedDates.contains(Instant.MIN)).isFalse();
  }

  @Test
  void requireReturnsASupportedDateAndRefusesOthersNamingTheRange() {
    LocalDate date = LocalDate.of(2024, 9, 2);
    assertThat(SupportedDates.require(date)).isSameAs(date);
    assertThatThrownBy(() -> SupportedDates.require(LocalDate.MAX))
        .isInstanceOf(SupportedDates.DateOutOfRangeException.class)
        .hasMessageContaining("+999999999-12-31")
        .hasMessageContaining("between 1900-01-01 and 2999-12-31");
  }

  @Test
  void onlyDatesDateTimesAndInstantsAreJudged() {
    assertThatThrownBy(() -> SupportedDates.contains(Year.of(2024)))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(SupportedDates.DateOutOfRangeException.class);
  }

  @Test
  void parametersAreReadAsIsoAndRangeChecked() {
    DateParameterFormatters.Iso<LocalDate> dates =
        new DateParameterFormatters.Iso<>(LocalDate::parse);
    assertThat(dates.parse(" 2024-09-02 ", null)).isEqualTo(LocalDate.of(2024, 9, 2));
    assertThat(dates.print(LocalDate.of(2024, 9, 2), null)).isEqualTo("2024-09-02");
    assertThatThrownBy(() -> dates.parse("+999999999-12-31", null))
        .isInstanceOf(SupportedDates.DateOutOfRangeException.class);
  }
}
