package org.mhaqi.coaching.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.coaching.enrollment.EnrollmentFixtures;
import org.mhaqi.coaching.scheduling.PlannedSession;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionCancellationReason;
import org.mhaqi.events.coaching.SessionKind;

/** Hours a plan books for the project team per week, beside the FAQ's 2 hours. */
class TimeCommitmentTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  @Test
  void theDefaultBlendOverSixMonthsIsUnderTwoHoursAWeek() {
    // 26 weeks: 3 improvement days of 8 hours and 23 weekly hours = 47 hours = 1.81 a week.
    LocalDate first = LocalDate.of(2026, 1, 5);
    LocalDate last = first.plusWeeks(26).minusDays(1);
    assertThat(TimeCommitment.hoursPerWeek(3 * 480 + 23 * 60, first, last)).isEqualTo(1.81);
  }

  @Test
  void theMonthlyImprovementDayOfOldWasOverIt() {
    // 26 weeks, 6 improvement days and 20 weekly hours = 68 hours = 2.62 a week.
    LocalDate first = LocalDate.of(2026, 1, 5);
    LocalDate last = first.plusWeeks(26).minusDays(1);
    assertThat(TimeCommitment.hoursPerWeek(6 * 480 + 20 * 60, first, last)).isEqualTo(2.62);
  }

  @Test
  void aWeekIsSevenDaysBothEndsIncludedAndAnEmptyRangeBooksNothing() {
    LocalDate monday = LocalDate.of(2026, 1, 5);
    assertThat(TimeCommitment.hoursPerWeek(120, monday, monday.plusDays(6))).isEqualTo(2.0);
    assertThat(TimeCommitment.hoursPerWeek(120, monday, monday.plusDays(13))).isEqualTo(1.0);
    assertThat(TimeCommitment.hoursPerWeek(60, monday, monday)).isEqualTo(7.0);
    assertThat(TimeCommitment.hoursPerWeek(60, monday, monday.minusDays(1))).isZero();
    assertThat(TimeCommitment.hoursPerWeek(0, monday, monday.plusDays(6))).isZero();
    // 100 minutes over 3 days: 3.888... hours a week, to two decimals.
    assertThat(TimeCommitment.hoursPerWeek(100, monday, monday.plusDays(2))).isEqualTo(3.89);
  }

  @Test
  void onlyTheTeamsLiveSessionsCountFromTheFirstDayOfCoaching() {
    LocalDate first = LocalDate.of(2026, 1, 5);
    LocalDate last = first.plusDays(13);
    LocalDate coachedFrom = first.plusDays(7);
    CoachingPlan plan =
        CoachingPlan.create(
            EnrollmentFixtures.enrolled(first, last, Instant.parse("2026-01-07T09:00:00Z")),
            LONDON,
            List.of(
                session(CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY, 13, 120),
                session(CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY, 14, 60),
                session(CoachingLevel.EXECUTIVE, 15, 60)),
            coachedFrom,
            Instant.parse("2026-01-07T09:00:00Z"));
    plan.cancel(
        plan.getSessions().get(1),
        SessionCancellationReason.OTHER,
        "not needed",
        "test",
        Instant.now());

    TimeCommitment commitment = TimeCommitment.of(plan, 2.0);

    assertThat(plan.getCoachedFrom()).isEqualTo(coachedFrom);
    assertThat(commitment.bookedHoursPerWeek()).isEqualTo(2.0);
    assertThat(commitment.expectedHoursPerWeek()).isEqualTo(2.0);
    assertThat(commitment.exceedsExpectation()).isFalse();
    assertThat(TimeCommitment.of(plan, 1.99).exceedsExpectation()).isTrue();
  }

  private static PlannedSession session(CoachingLevel level, int dayOfJanuary, int minutes) {
    return new PlannedSession(
        level,
        SessionKind.COACHING_SESSION,
        LocalDateTime.of(2026, 1, dayOfJanuary, 10, 0),
        minutes,
        UUID.randomUUID());
  }
}
