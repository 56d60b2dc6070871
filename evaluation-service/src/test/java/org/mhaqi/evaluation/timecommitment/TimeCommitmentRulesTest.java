package org.mhaqi.evaluation.timecommitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.timecommitment.TimeCommitmentRules.Flag;
import org.mhaqi.evaluation.timecommitment.TimeCommitmentRules.Summary;
import org.mhaqi.evaluation.web.RejectedInputException.Problem;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;

class TimeCommitmentRulesTest {

  static final TimeCommitmentProperties FAQ = new TimeCommitmentProperties(null, null, null);
  static final LocalDate MONDAY = LocalDate.of(2024, 10, 7);
  static final LocalDate TODAY = LocalDate.of(2024, 12, 2);
  static final EnrolledService ENROLLED = enrolment(LocalDate.of(2024, 9, 16), null);

  static EnrolledService enrolment(LocalDate enrolledOn, LocalDate endedOn) {
    return new EnrolledService(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        "RX4",
        ProviderType.NHS_TRUST,
        Region.LONDON,
        ServiceType.PICU,
        UUID.randomUUID(),
        PhaseKind.WIDER_IMPLEMENTATION,
        LocalDate.of(2024, 9, 2),
        LocalDate.of(2025, 3, 31),
        enrolledOn,
        endedOn,
        endedOn == null ? EnrolledService.Status.ENROLLED : EnrolledService.Status.COMPLETED);
  }

  static List<Problem> check(LocalDate week, int members, String qi, String coaching) {
    return TimeCommitmentRules.check(
        week, members, new BigDecimal(qi), new BigDecimal(coaching), List.of(ENROLLED), TODAY);
  }

  static WeeklyReturn week(int members, String qi, String coaching) {
    return new WeeklyReturn(
        UUID.randomUUID(),
        UUID.randomUUID(),
        MONDAY,
        members,
        new BigDecimal(qi),
        new BigDecimal(coaching));
  }

  @Test
  void theFaqsTwoHoursAreTheDefaultsWithHalfAndDoubleAsBounds() {
    assertThat(FAQ.expectedHoursPerWeek()).isEqualByComparingTo("2");
    assertThat(FAQ.wellBelowHoursPerWeek()).isEqualByComparingTo("1");
    assertThat(FAQ.wellAboveHoursPerWeek()).isEqualByComparingTo("4");
  }

  @Test
  void configuredValuesAreKept() {
    TimeCommitmentProperties p =
        new TimeCommitmentProperties(
            new BigDecimal("3"), new BigDecimal("1.5"), new BigDecimal("6"));

    assertThat(p.expectedHoursPerWeek()).isEqualByComparingTo("3");
    assertThat(p.wellBelowHoursPerWeek()).isEqualByComparingTo("1.5");
    assertThat(p.wellAboveHoursPerWeek()).isEqualByComparingTo("6");
  }

  @Test
  void boundsThatCrossAreRefusedAndEqualBoundsAreNot() {
    BigDecimal two = new BigDecimal("2");
    assertThat(new TimeCommitmentProperties(two, two, two).wellAboveHoursPerWeek()).isEqualTo(two);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new TimeCommitmentProperties(two, new BigDecimal("3"), two))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aWeekOfPlausibleHoursInsideTheEnrolmentBreaksNoRule() {
    assertThat(check(MONDAY, 5, "6.5", "5")).isEmpty();
    assertThat(check(TODAY, 1, "0", "0")).as("the week that began today").isEmpty();
  }

  @Test
  void aWeekStartsOnAMondayThatHasComeAndLiesInsideAnEnrolment() {
    assertThat(check(MONDAY.plusDays(1), 5, "1", "1"))
        .containsExactly(Problem.of("weekStarting", "2024-10-08 is not a Monday"));
    assertThat(check(TODAY.plusWeeks(1), 5, "1", "1"))
        .containsExactly(Problem.of("weekStarting", "the week of 2024-12-09 has not begun"));
    assertThat(check(LocalDate.of(2024, 9, 2), 5, "1", "1"))
        .containsExactly(
            Problem.of("weekStarting", "the week of 2024-09-02 is outside every enrolment"));
  }

  @Test
  void theWeekAnEnrolmentStartsOrEndsInBelongsToIt() {
    EnrolledService e = enrolment(LocalDate.of(2024, 9, 22), LocalDate.of(2024, 10, 7));

    assertThat(TimeCommitmentRules.enrollmentFor(List.of(e), LocalDate.of(2024, 9, 16)))
        .contains(e);
    assertThat(TimeCommitmentRules.enrollmentFor(List.of(e), LocalDate.of(2024, 10, 7)))
        .contains(e);
    assertThat(TimeCommitmentRules.enrollmentFor(List.of(e), LocalDate.of(2024, 9, 9))).isEmpty();
    assertThat(TimeCommitmentRules.enrollmentFor(List.of(e), LocalDate.of(2024, 10, 14))).isEmpty();
  }

  @Test
  void countsAndHoursAreNotNegativeAndFitInTheMembersWeek() {
    assertThat(check(MONDAY, 0, "1", "1"))
        .containsExactly(Problem.of("teamMembers", "at least one member's hours are returned"));
    assertThat(check(MONDAY, 2, "-1", "-0.5"))
        .containsExactly(
            Problem.of("qiHours", "must not be negative"),
            Problem.of("coachingHours", "must not be negative"));
    assertThat(check(MONDAY, 2, "300", "36")).isEmpty();
    assertThat(check(MONDAY, 1, "160", "8.01"))
        .containsExactly(Problem.of("qiHours", "more hours than 1 member(s) have in a week"));
    assertThat(check(MONDAY, 2, "300", "36.01"))
        .containsExactly(Problem.of("qiHours", "more hours than 2 member(s) have in a week"));
  }

  @Test
  void theAverageIsTotalHoursOverMemberWeeks() {
    // (6 + 4) + (3 + 1) = 14 hours over 5 + 2 = 7 member-weeks: 2.00 hours a member a week.
    Summary s = TimeCommitmentRules.summarise(List.of(week(5, "6", "4"), week(2, "3", "1")), FAQ);

    assertThat(s)
        .isEqualTo(
            new Summary(2, 7, new BigDecimal("14"), new BigDecimal("2.00"), Flag.AS_EXPECTED));
  }

  @Test
  void theBoundsThemselvesAreAsExpectedAndBeyondThemIsFlagged() {
    // 3 hours over 3 member-weeks: 1.00, on the lower bound.
    assertThat(flag(3, "2", "1")).isEqualTo(Flag.AS_EXPECTED);
    // 2.97 / 3 = 0.99: below.
    assertThat(flag(3, "1.97", "1")).isEqualTo(Flag.WELL_BELOW);
    // 12 / 3 = 4.00, on the upper bound.
    assertThat(flag(3, "10", "2")).isEqualTo(Flag.AS_EXPECTED);
    // 12.03 / 3 = 4.01: above.
    assertThat(flag(3, "10.03", "2")).isEqualTo(Flag.WELL_ABOVE);
  }

  @Test
  void aServiceWithoutReturnsHasNoAverage() {
    assertThat(TimeCommitmentRules.summarise(List.of(), FAQ))
        .isEqualTo(new Summary(0, 0, BigDecimal.ZERO, null, Flag.NO_RETURNS));
  }

  private static Flag flag(int members, String qi, String coaching) {
    return TimeCommitmentRules.summarise(List.of(week(members, qi, coaching)), FAQ).flag();
  }
}
