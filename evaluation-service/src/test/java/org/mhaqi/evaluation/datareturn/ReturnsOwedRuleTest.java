package org.mhaqi.evaluation.datareturn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.evaluation.datareturn.Enrolments.SERVICE;
import static org.mhaqi.evaluation.datareturn.Enrolments.enrolment;
import static org.mhaqi.evaluation.datareturn.Enrolments.running;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.datareturn.OverdueRule.Key;
import org.mhaqi.evaluation.datareturn.ReturnsOwedRule.Owed;
import org.mhaqi.evaluation.enrollment.EnrolledService;

class ReturnsOwedRuleTest {

  private static final Period GRACE = Period.ofDays(20);
  private static final List<String> TWO = List.of("A_MEASURE", "B_MEASURE");

  @Test
  void aMonthJustEndedIsDueUntilItsGracePeriodEndsThenOverdue() {
    EnrolledService e = running(LocalDate.of(2024, 10, 7));

    // October ended; due on 20 November.
    Owed onTheDueDay = only(e, Map.of(), LocalDate.of(2024, 11, 20));
    assertThat(onTheDueDay.due()).isEqualTo(2);
    assertThat(onTheDueDay.overdue()).isZero();
    assertThat(onTheDueDay.oldestOverdue()).isNull();

    Owed dayAfter = only(e, Map.of(), LocalDate.of(2024, 11, 21));
    assertThat(dayAfter.due()).isZero();
    assertThat(dayAfter.overdue()).isEqualTo(2);
    assertThat(dayAfter.oldestOverdue()).isEqualTo(YearMonth.of(2024, 10));
  }

  @Test
  void theMonthInProgressIsNotOwedYet() {
    Owed owed = only(running(LocalDate.of(2024, 10, 7)), Map.of(), LocalDate.of(2024, 10, 31));

    assertThat(owed.due()).isZero();
    assertThat(owed.overdue()).isZero();
    assertThat(owed.late()).isZero();
  }

  @Test
  void aReturnSentAfterItsDueDayCountsAsLateAndOneSentOnItNot() {
    EnrolledService e = running(LocalDate.of(2024, 10, 7));
    Map<Key, LocalDate> sent =
        Map.of(
            new Key(SERVICE, "A_MEASURE", YearMonth.of(2024, 10)), LocalDate.of(2024, 11, 20),
            new Key(SERVICE, "B_MEASURE", YearMonth.of(2024, 10)), LocalDate.of(2024, 11, 21));

    Owed owed = only(e, sent, LocalDate.of(2024, 11, 25));

    assertThat(owed.late()).isEqualTo(1);
    assertThat(owed.overdue()).isZero();
    assertThat(owed.due()).isZero();
  }

  @Test
  void theOldestOverdueMonthIsTheFirstMissingAndLaterMonthsAddUp() {
    EnrolledService e = running(LocalDate.of(2024, 9, 30));
    Map<Key, LocalDate> sent =
        Map.of(
            new Key(SERVICE, "A_MEASURE", YearMonth.of(2024, 9)), LocalDate.of(2024, 10, 1),
            new Key(SERVICE, "B_MEASURE", YearMonth.of(2024, 9)), LocalDate.of(2024, 10, 1));

    // September sent; October overdue (due 20 November); November due (due 20 December).
    Owed owed = only(e, sent, LocalDate.of(2024, 12, 5));

    assertThat(owed.overdue()).isEqualTo(2);
    assertThat(owed.due()).isEqualTo(2);
    assertThat(owed.oldestOverdue()).isEqualTo(YearMonth.of(2024, 10));
    assertThat(owed.odsCode()).isEqualTo("RX4");
    assertThat(owed.enrollmentId()).isEqualTo(e.enrollmentId());
    assertThat(owed.phaseId()).isEqualTo(e.phaseId());
  }

  @Test
  void onlyReturnsSentAfterTheirDueDayAreLate() {
    EnrolledService e = running(LocalDate.of(2024, 10, 7));
    Map<Key, LocalDate> bothEarly =
        Map.of(
            new Key(SERVICE, "A_MEASURE", YearMonth.of(2024, 10)), LocalDate.of(2024, 11, 2),
            new Key(SERVICE, "B_MEASURE", YearMonth.of(2024, 10)), LocalDate.of(2024, 11, 3));
    Map<Key, LocalDate> bothLate =
        Map.of(
            new Key(SERVICE, "A_MEASURE", YearMonth.of(2024, 10)), LocalDate.of(2024, 11, 28),
            new Key(SERVICE, "B_MEASURE", YearMonth.of(2024, 10)), LocalDate.of(2024, 12, 2));

    assertThat(only(e, bothEarly, LocalDate.of(2024, 12, 5)).late()).isZero();
    assertThat(only(e, bothLate, LocalDate.of(2024, 12, 5)).late()).isEqualTo(2);
  }

  @Test
  void withSeveralMonthsOverdueTheOldestIsTheFirstOfThemNotTheLatest() {
    EnrolledService e = running(LocalDate.of(2024, 9, 2));

    // 5 January: September, October and November overdue, December due.
    Owed owed = only(e, Map.of(), LocalDate.of(2025, 1, 5));

    assertThat(owed.overdue()).isEqualTo(6);
    assertThat(owed.due()).isEqualTo(2);
    assertThat(owed.late()).isZero();
    assertThat(owed.oldestOverdue()).isEqualTo(YearMonth.of(2024, 9));
    assertThat(owed.serviceId()).isEqualTo(SERVICE);
  }

  @Test
  void aCompletedEnrolmentOwesUpToItsLastMonthAndAWithdrawnOneIsNotChased() {
    EnrolledService completed =
        enrolment(
            LocalDate.of(2024, 9, 2), LocalDate.of(2024, 10, 15), EnrolledService.Status.COMPLETED);
    EnrolledService withdrawn =
        enrolment(
            LocalDate.of(2024, 9, 2), LocalDate.of(2024, 10, 15), EnrolledService.Status.WITHDRAWN);

    List<Owed> owed =
        ReturnsOwedRule.owed(
            List.of(completed, withdrawn), TWO, Map.of(), LocalDate.of(2025, 3, 1), GRACE);

    assertThat(owed).singleElement().extracting(Owed::overdue).isEqualTo(4);
  }

  @Test
  void anEnrolmentCompletedThisMonthOwesNothingForTheMonthStillRunning() {
    EnrolledService completed =
        enrolment(
            LocalDate.of(2024, 10, 7), LocalDate.of(2024, 12, 3), EnrolledService.Status.COMPLETED);

    // 5 December: October overdue (due 20 November), November due, December not owed yet.
    Owed owed = only(completed, Map.of(), LocalDate.of(2024, 12, 5));

    assertThat(owed.overdue()).isEqualTo(2);
    assertThat(owed.due()).isEqualTo(2);
  }

  private static Owed only(EnrolledService e, Map<Key, LocalDate> sent, LocalDate today) {
    List<Owed> owed = ReturnsOwedRule.owed(List.of(e), TWO, sent, today, GRACE);
    assertThat(owed).hasSize(1);
    return owed.get(0);
  }
}
