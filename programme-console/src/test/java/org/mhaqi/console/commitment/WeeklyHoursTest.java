package org.mhaqi.console.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.api.FieldError;

class WeeklyHoursTest {

  @Test
  void aWeekBecomesEvaluationsBody() {
    WeeklyHours.Checked checked =
        WeeklyHours.check(
            Map.of("week", "2026-11-30", "members", "6", "qi-hours", "7.5", "coaching-hours", "0"));

    assertThat(checked.errors()).isEmpty();
    assertThat(checked.body())
        .containsEntry("weekStarting", "2026-11-30")
        .containsEntry("teamMembers", 6)
        .containsEntry("qiHours", new BigDecimal("7.5"))
        .containsEntry("coachingHours", BigDecimal.ZERO);
  }

  @Test
  void eachFieldToPutRightIsNamed() {
    assertThat(
            WeeklyHours.check(
                    Map.of(
                        "week",
                        "2026-12-01",
                        "members",
                        "0",
                        "qi-hours",
                        "-1",
                        "coaching-hours",
                        "lots"))
                .errors())
        .containsExactly(
            new FieldError(
                "week", null, "The week must start on a Monday (2026-12-01 is a Tuesday)"),
            new FieldError("members", null, "The hours must cover at least 1 member"),
            new FieldError(
                "qi-hours",
                null,
                "QI work hours must be 0 or more, with at most 2 decimal places, like 7.5"),
            new FieldError(
                "coaching-hours",
                null,
                "Coaching hours must be a number of hours, like 7.5 (not 'lots')"));
    assertThat(WeeklyHours.check(Map.of()).errors())
        .extracting(FieldError::field)
        .containsExactly("week", "members", "qi-hours", "coaching-hours");
    assertThat(WeeklyHours.field("weekStarting").id()).isEqualTo("week");
    assertThat(WeeklyHours.field("teamMembers").id()).isEqualTo("members");
  }

  @Test
  void theReportSaysTheAverageAgainstTheExpectation() {
    WeeklyHours.Report below =
        new WeeklyHours.Report(
            3, new BigDecimal("0.50"), new BigDecimal("2.00"), "WELL_BELOW", List.of());

    assertThat(WeeklyHours.verdict(below))
        .isEqualTo(
            "On average 0.5 hours a week per team member over 3 weeks; the programme asks about"
                + " 2. That is well below what the programme asks.");
    assertThat(WeeklyHours.tagColour("WELL_BELOW")).isEqualTo("nhsuk-tag--orange");
    assertThat(WeeklyHours.tagColour("AS_EXPECTED")).isEqualTo("nhsuk-tag--green");
    assertThat(
            WeeklyHours.verdict(
                new WeeklyHours.Report(0, null, new BigDecimal("2"), "NO_RETURNS", List.of())))
        .isEqualTo("No weeks returned yet.");
    assertThat(
            WeeklyHours.verdict(
                new WeeklyHours.Report(
                    1, new BigDecimal("2.1"), new BigDecimal("2"), "AS_EXPECTED", List.of())))
        .endsWith("over 1 week; the programme asks about 2. That is as the programme expects.");
  }
}
