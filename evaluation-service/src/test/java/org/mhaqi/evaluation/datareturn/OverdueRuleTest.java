package org.mhaqi.evaluation.datareturn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.evaluation.datareturn.Enrolments.SERVICE;
import static org.mhaqi.evaluation.datareturn.Enrolments.enrolment;
import static org.mhaqi.evaluation.datareturn.Enrolments.running;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.datareturn.OverdueRule.Key;
import org.mhaqi.evaluation.datareturn.OverdueRule.Missing;
import org.mhaqi.evaluation.enrollment.EnrolledService;

class OverdueRuleTest {

  static final Period GRACE = Period.ofDays(20);
  static final List<String> ONE_MEASURE = List.of("RESTRICTIVE_INTERVENTIONS");

  @Test
  void aReturnIsDueOnItsMonthsLastDayPlusTheGracePeriod() {
    // October has 31 days: 31 October + 20 days = 20 November.
    assertThat(OverdueRule.dueOn(YearMonth.of(2024, 10), GRACE))
        .isEqualTo(LocalDate.of(2024, 11, 20));
    // February 2024 is a leap month: 29 February + 20 days = 20 March.
    assertThat(OverdueRule.dueOn(YearMonth.of(2024, 2), GRACE))
        .isEqualTo(LocalDate.of(2024, 3, 20));
  }

  @Test
  void aMissingReturnIsOverdueTheDayAfterItWasDueAndNotOnTheDay() {
    EnrolledService e = running(LocalDate.of(2024, 10, 7));

    assertThat(missing(List.of(e), Set.of(), Set.of(), LocalDate.of(2024, 11, 20))).isEmpty();
    assertThat(missing(List.of(e), Set.of(), Set.of(), LocalDate.of(2024, 11, 21)))
        .containsExactly(
            new Missing(
                e.enrollmentId(),
                SERVICE,
                "RESTRICTIVE_INTERVENTIONS",
                YearMonth.of(2024, 10),
                LocalDate.of(2024, 11, 20)));
  }

  @Test
  void everyMeasureOfEveryPastMonthFromTheMonthOfEnrolmentIsChased() {
    EnrolledService e = running(LocalDate.of(2024, 9, 30));

    List<Missing> found =
        OverdueRule.missing(
            List.of(e),
            List.of("A_MEASURE", "B_MEASURE"),
            Set.of(),
            Set.of(),
            LocalDate.of(2024, 12, 1),
            GRACE);

    // September due 20 October, October due 20 November: both overdue on 1 December; November
    // (due 20 December) is not yet.
    assertThat(found)
        .extracting(Missing::measureCode, Missing::month)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A_MEASURE", YearMonth.of(2024, 9)),
            org.assertj.core.groups.Tuple.tuple("B_MEASURE", YearMonth.of(2024, 9)),
            org.assertj.core.groups.Tuple.tuple("A_MEASURE", YearMonth.of(2024, 10)),
            org.assertj.core.groups.Tuple.tuple("B_MEASURE", YearMonth.of(2024, 10)));
  }

  @Test
  void submittedAndAlreadyReportedReturnsAreNotChased() {
    EnrolledService e = running(LocalDate.of(2024, 9, 2));
    Set<Key> submitted =
        Set.of(new Key(SERVICE, "RESTRICTIVE_INTERVENTIONS", YearMonth.of(2024, 9)));
    Set<Key> reported =
        Set.of(new Key(SERVICE, "RESTRICTIVE_INTERVENTIONS", YearMonth.of(2024, 10)));

    assertThat(missing(List.of(e), submitted, reported, LocalDate.of(2024, 12, 21)))
        .extracting(Missing::month)
        .containsExactly(YearMonth.of(2024, 11));
  }

  @Test
  void aCompletedEnrolmentIsChasedUpToTheMonthItEndedIn() {
    EnrolledService e =
        enrolment(
            LocalDate.of(2025, 1, 6), LocalDate.of(2025, 2, 14), EnrolledService.Status.COMPLETED);

    assertThat(missing(List.of(e), Set.of(), Set.of(), LocalDate.of(2025, 6, 1)))
        .extracting(Missing::month)
        .containsExactly(YearMonth.of(2025, 1), YearMonth.of(2025, 2));
  }

  @Test
  void aWithdrawnServiceIsNoLongerChased() {
    EnrolledService e =
        enrolment(
            LocalDate.of(2025, 1, 6), LocalDate.of(2025, 2, 14), EnrolledService.Status.WITHDRAWN);

    assertThat(missing(List.of(e), Set.of(), Set.of(), LocalDate.of(2025, 6, 1))).isEmpty();
  }

  @Test
  void theGracePeriodIsTheConfiguredOne() {
    EnrolledService e = running(LocalDate.of(2024, 10, 7));

    assertThat(
            OverdueRule.missing(
                List.of(e),
                ONE_MEASURE,
                Set.of(),
                Set.of(),
                LocalDate.of(2024, 11, 6),
                Period.ofDays(5)))
        .extracting(Missing::dueOn)
        .containsExactly(LocalDate.of(2024, 11, 5));
  }

  private static List<Missing> missing(
      List<EnrolledService> enrolments, Set<Key> submitted, Set<Key> reported, LocalDate today) {
    return OverdueRule.missing(enrolments, ONE_MEASURE, submitted, reported, today, GRACE);
  }
}
