package org.mhaqi.support.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

class WorkingDaysTest {

  private final WorkingDays workingDays = WorkingDays.englandAndWales();

  static Stream<LocalDate> englandAndWalesBankHolidays() {
    return Stream.of(
            "2024-01-01",
            "2024-03-29",
            "2024-04-01",
            "2024-05-06",
            "2024-05-27",
            "2024-08-26",
            "2024-12-25",
            "2024-12-26",
            "2025-01-01",
            "2025-04-18",
            "2025-04-21",
            "2025-05-05",
            "2025-05-26",
            "2025-08-25",
            "2025-12-25",
            "2025-12-26",
            "2026-01-01",
            "2026-04-03",
            "2026-04-06",
            "2026-05-04",
            "2026-05-25",
            "2026-08-31",
            "2026-12-25",
            "2026-12-28",
            "2027-01-01",
            "2027-03-26",
            "2027-03-29",
            "2027-05-03",
            "2027-05-31",
            "2027-08-30",
            "2027-12-27",
            "2027-12-28")
        .map(LocalDate::parse);
  }

  @ParameterizedTest
  @MethodSource("englandAndWalesBankHolidays")
  void everyEnglandAndWalesBankHolidayOf2024To2027IsNotAWorkingDay(LocalDate holiday) {
    assertThat(workingDays.isWorkingDay(holiday)).isFalse();
    assertThat(workingDays.nonWorkingReason(holiday))
        .hasValueSatisfying(
            reason ->
                assertThat(reason.kind()).isEqualTo(WorkingDays.NonWorkingDay.Kind.BANK_HOLIDAY));
  }

  @Test
  void christmasAndNewYearOfTheWiderPhaseAreNotWorkingDays() {
    assertThat(workingDays.nonWorkingReason(LocalDate.of(2024, 12, 25)).orElseThrow().reason())
        .contains("Christmas Day");
    assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 12, 26))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 1, 1))).isFalse();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 12, 27))).isTrue();
  }

  @Test
  void onlyTheEnglandAndWalesDivisionCounts() {
    // 2 January is a bank holiday in Scotland only; 12 July 2024 in Northern Ireland only.
    assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 1, 2))).isTrue();
    assertThat(workingDays.isWorkingDay(LocalDate.of(2024, 7, 12))).isTrue();
  }

  @Test
  void weekendsAreNeverWorkingDays() {
    LocalDate.of(2024, 1, 1)
        .datesUntil(LocalDate.of(2028, 1, 1))
        .filter(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY)
        .forEach(d -> assertThat(workingDays.isWorkingDay(d)).as(d.toString()).isFalse());
  }

  @Test
  void theShippedFileCovers2024To2027WithEightHolidaysAYear() {
    assertThat(workingDays.covers(LocalDate.of(2024, 1, 1))).isTrue();
    assertThat(workingDays.covers(LocalDate.of(2027, 12, 31))).isTrue();
    assertThat(workingDays.covers(LocalDate.of(2028, 1, 3))).isFalse();
    List<LocalDate> nonWorkingWeekdays =
        LocalDate.of(2024, 1, 1)
            .datesUntil(LocalDate.of(2028, 1, 1))
            .filter(d -> d.getDayOfWeek().getValue() <= 5)
            .filter(d -> !workingDays.isWorkingDay(d))
            .toList();
    assertThat(nonWorkingWeekdays)
        .containsExactlyElementsOf(englandAndWalesBankHolidays().toList());
  }

  @Test
  void aFileWithoutTheDivisionIsRefused() {
    var json =
        new ByteArrayInputStream(
            "{\"scotland\":{\"division\":\"scotland\",\"events\":[]}}"
                .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(
            () -> BankHolidays.read(json, "england-and-wales", JsonMapper.builder().build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("england-and-wales");
  }

  @Test
  void countingWorkingDaysSkipsWeekendsAndBankHolidays() {
    // Thursday 24 December 2026; Christmas Day Friday, Boxing Day's substitute Monday 28th.
    LocalDate christmasEve = LocalDate.of(2026, 12, 24);
    assertThat(workingDays.plus(christmasEve, 0)).isEqualTo(christmasEve);
    assertThat(workingDays.plus(christmasEve, 1)).isEqualTo("2026-12-29");
    assertThat(workingDays.plus(christmasEve, 3)).isEqualTo("2026-12-31");
    assertThat(workingDays.plus(christmasEve, 4)).isEqualTo("2027-01-04");
    assertThat(workingDays.minus(LocalDate.of(2027, 1, 4), 4)).isEqualTo(christmasEve);
    assertThat(workingDays.minus(LocalDate.of(2027, 1, 4), 0)).isEqualTo("2027-01-04");
    // From a holiday itself: counting starts at the day after (or before).
    assertThat(workingDays.plus(LocalDate.of(2026, 12, 25), 1)).isEqualTo("2026-12-29");
    assertThat(workingDays.minus(LocalDate.of(2026, 12, 28), 1)).isEqualTo(christmasEve);
  }

  @Test
  void thePreviousWorkingDayIsNeverTheDayItself() {
    assertThat(workingDays.previous(LocalDate.of(2026, 12, 29))).isEqualTo("2026-12-24");
    assertThat(workingDays.previous(LocalDate.of(2026, 12, 8))).isEqualTo("2026-12-07");
    assertThat(workingDays.previous(LocalDate.of(2026, 12, 7))).isEqualTo("2026-12-04");
  }

  @Test
  void aNegativeCountIsRefused() {
    assertThatThrownBy(() -> workingDays.plus(LocalDate.of(2026, 12, 7), -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> workingDays.minus(LocalDate.of(2026, 12, 7), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFileIsReadFromWhereTheServiceIsToldAndItsWorkingDaysListed() {
    WorkingDays read =
        WorkingDays.read(
            new ClassPathResource("bank-holidays.json"),
            "england-and-wales",
            JsonMapper.builder().build());
    assertThat(read.holidays().division()).isEqualTo("england-and-wales");
    assertThat(read.between(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 29)))
        .containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 29));
  }

  @Test
  void aMissingFileIsRefusedNamingIt() {
    assertThatThrownBy(
            () ->
                WorkingDays.read(
                    new ClassPathResource("no-such-bank-holidays.json"),
                    "england-and-wales",
                    JsonMapper.builder().build()))
        .isInstanceOf(java.io.UncheckedIOException.class)
        .hasMessageContaining("no-such-bank-holidays.json");
  }
}
