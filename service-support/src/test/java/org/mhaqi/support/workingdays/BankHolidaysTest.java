package org.mhaqi.support.workingdays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading GOV.UK's bank holidays document, and why a day is not a working day. */
class BankHolidaysTest {

  private static BankHolidays read(String json) {
    return BankHolidays.read(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
        "england-and-wales",
        JsonMapper.builder().build());
  }

  @Test
  void aHolidayIsTitledWithItsNotesWhenThereAreAny() {
    BankHolidays holidays =
        read(
            """
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "Boxing Day", "date": "2026-12-28", "notes": "Substitute day"},
              {"title": "Christmas Day", "date": "2026-12-25", "notes": ""},
              {"date": "2027-01-01"}
            ]}}
            """);

    assertThat(holidays.holiday(LocalDate.of(2026, 12, 28)))
        .contains("Boxing Day (Substitute day)");
    assertThat(holidays.holiday(LocalDate.of(2026, 12, 25))).contains("Christmas Day");
    assertThat(holidays.holiday(LocalDate.of(2027, 1, 1))).contains("Bank holiday");
    assertThat(holidays.holiday(LocalDate.of(2026, 12, 24))).isEmpty();
    assertThat(holidays.division()).isEqualTo("england-and-wales");
    assertThat(holidays.firstYear()).isEqualTo(Year.of(2026));
    assertThat(holidays.lastYear()).isEqualTo(Year.of(2027));
    assertThat(holidays.all())
        .containsOnlyKeys(
            LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 1));
  }

  @Test
  void aHolidayWithoutADateOrADivisionWithoutHolidaysIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                read(
                    """
                    {"england-and-wales": {"events": [{"title": "Christmas Day"}]}}
                    """))
        .withMessage("A bank holiday of england-and-wales has no date");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BankHolidays("scotland", Map.of()))
        .withMessage("No bank holidays for division scotland");
  }

  @Test
  void theReasonNamesTheWeekdayOrTheHolidayAndItsDivision() {
    WorkingDays workingDays = WorkingDays.englandAndWales();

    assertThat(workingDays.nonWorkingReason(LocalDate.of(2024, 10, 19)))
        .contains(
            new WorkingDays.NonWorkingDay(
                WorkingDays.NonWorkingDay.Kind.WEEKEND, "2024-10-19 is a Saturday"));
    assertThat(workingDays.nonWorkingReason(LocalDate.of(2024, 10, 20)).orElseThrow().reason())
        .isEqualTo("2024-10-20 is a Sunday");
    assertThat(workingDays.nonWorkingReason(LocalDate.of(2024, 12, 25)).orElseThrow().reason())
        .isEqualTo("2024-12-25 is a bank holiday in england-and-wales: Christmas Day");
    assertThat(workingDays.nonWorkingReason(LocalDate.of(2024, 10, 21))).isEmpty();
  }
}
