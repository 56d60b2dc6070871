package org.mhaqi.evaluation.datareturn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.evaluation.datareturn.Enrolments.enrolment;
import static org.mhaqi.evaluation.datareturn.Enrolments.running;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.datareturn.ReturnRules.Kind;
import org.mhaqi.evaluation.datareturn.ReturnRules.Violation;
import org.mhaqi.evaluation.datareturn.ReturnSubmission.StratumCount;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.measure.Measure.Improvement;
import org.mhaqi.evaluation.measure.Measure.Stratification;
import org.mhaqi.evaluation.measure.Measure.Type;
import org.mhaqi.evaluation.measure.Measure.Unit;

class ReturnRulesTest {

  static final Measure RESTRAINT =
      new Measure(
          "RESTRICTIVE_INTERVENTIONS",
          "Restrictive interventions",
          "per 1,000 occupied bed days",
          Type.OUTCOME,
          Unit.RATE_PER_1000_OCCUPIED_BED_DAYS,
          Improvement.DECREASE,
          Stratification.ETHNIC_CATEGORY,
          "interventions",
          "occupied bed days");

  static final Measure LENGTH_OF_STAY =
      new Measure(
          "LENGTH_OF_STAY",
          "Mean length of stay",
          "days",
          Type.OUTCOME,
          Unit.MEAN_DAYS,
          Improvement.DECREASE,
          Stratification.ETHNIC_CATEGORY,
          "days in hospital",
          "discharges");

  static final Measure ASSAULTS =
      new Measure(
          "ASSAULTS_ON_STAFF",
          "Assaults on staff",
          "balancing",
          Type.BALANCING,
          Unit.RATE_PER_1000_OCCUPIED_BED_DAYS,
          Improvement.DECREASE,
          Stratification.NONE,
          "assaults",
          "occupied bed days");

  static final YearMonth NOW = YearMonth.of(2025, 1);
  static final YearMonth OCTOBER = YearMonth.of(2024, 10);
  static final List<EnrolledService> ENROLLED_IN_SEPTEMBER =
      List.of(running(LocalDate.of(2024, 9, 16)));

  static ReturnSubmission submission(Measure measure, YearMonth month, StratumCount... strata) {
    return new ReturnSubmission(measure.code(), month, false, null, List.of(strata), null);
  }

  static StratumCount stratum(String code, long numerator, long denominator) {
    return new StratumCount(code, numerator, denominator, null);
  }

  static List<Violation> check(ReturnSubmission s, Measure m) {
    return ReturnRules.check(s, Optional.ofNullable(m), ENROLLED_IN_SEPTEMBER, 0, NOW, 0);
  }

  @Test
  void aWellFormedFirstReturnInsideTheEnrolmentBreaksNoRule() {
    ReturnSubmission s =
        submission(RESTRAINT, OCTOBER, stratum("A", 12, 900), stratum("M", 9, 310));

    assertThat(check(s, RESTRAINT)).isEmpty();
  }

  @Test
  void aNumeratorEqualToItsDenominatorIsAcceptedAndOneAboveIsNot() {
    assertThat(check(submission(RESTRAINT, OCTOBER, stratum("A", 900, 900)), RESTRAINT)).isEmpty();

    assertThat(check(submission(RESTRAINT, OCTOBER, stratum("A", 901, 900)), RESTRAINT))
        .containsExactly(
            new Violation(Kind.INVALID, 0, "numerator", "901 is above the denominator 900"));
  }

  @Test
  void aMeanOfDaysMayHaveItsNumeratorAboveItsDenominator() {
    assertThat(check(submission(LENGTH_OF_STAY, OCTOBER, stratum("A", 940, 20)), LENGTH_OF_STAY))
        .isEmpty();
  }

  @Test
  void zeroCountsAreAcceptedAndNegativeOnesAreNot() {
    assertThat(check(submission(RESTRAINT, OCTOBER, stratum("A", 0, 0)), RESTRAINT)).isEmpty();

    assertThat(check(submission(LENGTH_OF_STAY, OCTOBER, stratum("A", -1, -1)), LENGTH_OF_STAY))
        .containsExactly(
            new Violation(Kind.INVALID, 0, "numerator", "must not be negative"),
            new Violation(Kind.INVALID, 0, "denominator", "must not be negative"));
  }

  @Test
  void aNegativeDenominatorBelowItsNumeratorIsNamedTwice() {
    assertThat(check(submission(RESTRAINT, OCTOBER, stratum("A", 0, -1)), RESTRAINT))
        .extracting(Violation::field)
        .containsExactly("denominator", "numerator");
  }

  @Test
  void anUnknownMeasureIsRefusedAndItsCountsStillChecked() {
    ReturnSubmission s =
        new ReturnSubmission(
            "NOT_A_MEASURE", OCTOBER, false, null, List.of(stratum("A", 5, 4)), null);

    assertThat(check(s, null))
        .containsExactly(
            new Violation(
                Kind.INVALID,
                null,
                "measureCode",
                "'NOT_A_MEASURE' is not a measure of the catalogue"),
            new Violation(Kind.INVALID, 0, "numerator", "5 is above the denominator 4"));
  }

  @Test
  void aStratumCodeTheMeasureDoesNotHaveIsRefusedNamingItsIndex() {
    List<Violation> violations =
        check(
            submission(RESTRAINT, OCTOBER, stratum("A", 1, 100), stratum("Q", 1, 100)), RESTRAINT);

    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).stratum()).isEqualTo(1);
    assertThat(violations.get(0).field()).isEqualTo("code");
    assertThat(violations.get(0).message())
        .startsWith("'Q' is not a stratum of RESTRICTIVE_INTERVENTIONS");
  }

  @Test
  void anUnstratifiedMeasureTakesOnlyTheWholeServiceStratum() {
    assertThat(check(submission(ASSAULTS, OCTOBER, stratum("ALL", 3, 900)), ASSAULTS)).isEmpty();
    assertThat(check(submission(ASSAULTS, OCTOBER, stratum("A", 3, 900)), ASSAULTS))
        .extracting(Violation::field)
        .containsExactly("code");
  }

  @Test
  void aStratumTwiceInOneReturnIsRefused() {
    assertThat(
            check(
                submission(RESTRAINT, OCTOBER, stratum("A", 1, 100), stratum("A", 2, 100)),
                RESTRAINT))
        .containsExactly(new Violation(Kind.INVALID, 1, "code", "stratum 'A' appears twice"));
  }

  @Test
  void aReturnWithoutStrataIsRefused() {
    assertThat(check(submission(RESTRAINT, OCTOBER), RESTRAINT))
        .containsExactly(
            new Violation(Kind.INVALID, null, "strata", "a return carries at least one stratum"));
  }

  @Test
  void theMonthBeforeNowIsTheLatestThatCanBeReturned() {
    assertThat(check(submission(RESTRAINT, NOW.minusMonths(1), stratum("A", 1, 100)), RESTRAINT))
        .isEmpty();
    assertThat(check(submission(RESTRAINT, NOW, stratum("A", 1, 100)), RESTRAINT))
        .containsExactly(
            new Violation(
                Kind.INVALID,
                null,
                "month",
                "2025-01 has not ended yet; a return covers a whole past month"));
  }

  @Test
  void theMonthOfEnrolmentIsInsideItAndTheMonthBeforeIsNot() {
    assertThat(check(submission(RESTRAINT, YearMonth.of(2024, 9), stratum("A", 1, 100)), RESTRAINT))
        .isEmpty();
    assertThat(check(submission(RESTRAINT, YearMonth.of(2024, 8), stratum("A", 1, 100)), RESTRAINT))
        .containsExactly(
            new Violation(
                Kind.INVALID,
                null,
                "month",
                "2024-08 lies outside every enrolment of the service (and the 0 baseline months"
                    + " before it)"));
  }

  @Test
  void theMonthAnEnrolmentEndedInIsInsideItAndTheMonthAfterIsNot() {
    List<EnrolledService> ended =
        List.of(
            enrolment(
                LocalDate.of(2024, 9, 16),
                LocalDate.of(2024, 11, 3),
                EnrolledService.Status.WITHDRAWN));
    ReturnSubmission november = submission(RESTRAINT, YearMonth.of(2024, 11), stratum("A", 1, 100));
    ReturnSubmission december = submission(RESTRAINT, YearMonth.of(2024, 12), stratum("A", 1, 100));

    assertThat(ReturnRules.check(november, Optional.of(RESTRAINT), ended, 0, NOW, 0)).isEmpty();
    assertThat(ReturnRules.check(december, Optional.of(RESTRAINT), ended, 0, NOW, 0))
        .extracting(Violation::field)
        .containsExactly("month");
  }

  @Test
  void aSecondReturnThatIsNotACorrectionIsADuplicate() {
    ReturnSubmission again = submission(RESTRAINT, OCTOBER, stratum("A", 1, 100));

    assertThat(ReturnRules.check(again, Optional.of(RESTRAINT), ENROLLED_IN_SEPTEMBER, 1, NOW, 0))
        .containsExactly(
            new Violation(
                Kind.DUPLICATE,
                null,
                "correction",
                "a return for RESTRICTIVE_INTERVENTIONS in 2024-10 already exists (version 1);"
                    + " send a correction to replace it"));
  }

  @Test
  void aCorrectionOfAnExistingReturnWithAReasonIsAccepted() {
    ReturnSubmission correction =
        new ReturnSubmission(
            RESTRAINT.code(),
            OCTOBER,
            true,
            "Two restraints were recorded twice",
            List.of(stratum("A", 10, 900)),
            null);

    assertThat(
            ReturnRules.check(correction, Optional.of(RESTRAINT), ENROLLED_IN_SEPTEMBER, 2, NOW, 0))
        .isEmpty();
  }

  @Test
  void aCorrectionNeedsAReasonAndAReturnToCorrect() {
    ReturnSubmission blank =
        new ReturnSubmission(
            RESTRAINT.code(), OCTOBER, true, " ", List.of(stratum("A", 1, 100)), null);
    ReturnSubmission none =
        new ReturnSubmission(
            RESTRAINT.code(), OCTOBER, true, null, List.of(stratum("A", 1, 100)), null);

    assertThat(ReturnRules.check(blank, Optional.of(RESTRAINT), ENROLLED_IN_SEPTEMBER, 0, NOW, 0))
        .containsExactly(
            new Violation(Kind.INVALID, null, "correctionReason", "a correction says why"),
            new Violation(
                Kind.INVALID,
                null,
                "correction",
                "there is no return for this month to correct; submit it"));
    assertThat(ReturnRules.check(none, Optional.of(RESTRAINT), ENROLLED_IN_SEPTEMBER, 1, NOW, 0))
        .extracting(Violation::field)
        .containsExactly("correctionReason");
  }

  @Test
  void theLatestOfOverlappingEnrolmentsTakesTheMonth() {
    EnrolledService pilot =
        enrolment(
            LocalDate.of(2024, 3, 1), LocalDate.of(2024, 9, 30), EnrolledService.Status.COMPLETED);
    EnrolledService wider = running(LocalDate.of(2024, 9, 2));

    assertThat(ReturnRules.enrollmentFor(List.of(pilot, wider), YearMonth.of(2024, 9)))
        .contains(wider);
    assertThat(ReturnRules.enrollmentFor(List.of(wider, pilot), YearMonth.of(2024, 9)))
        .contains(wider);
    assertThat(ReturnRules.enrollmentFor(List.of(pilot, wider), YearMonth.of(2024, 5)))
        .contains(pilot);
    assertThat(ReturnRules.enrollmentFor(List.of(pilot, wider), YearMonth.of(2024, 2))).isEmpty();
  }

  @Test
  void aBaselineReachesBackFromTheMonthOfEnrolment() {
    // Enrolled 2024-09-16: a three-month baseline holds 2024-06, 2024-07 and 2024-08, not 2024-05.
    ReturnSubmission june = submission(RESTRAINT, YearMonth.of(2024, 6), stratum("A", 1, 100));
    ReturnSubmission may = submission(RESTRAINT, YearMonth.of(2024, 5), stratum("A", 1, 100));

    assertThat(ReturnRules.check(june, Optional.of(RESTRAINT), ENROLLED_IN_SEPTEMBER, 0, NOW, 3))
        .isEmpty();
    assertThat(ReturnRules.check(may, Optional.of(RESTRAINT), ENROLLED_IN_SEPTEMBER, 0, NOW, 3))
        .containsExactly(
            new Violation(
                Kind.INVALID,
                null,
                "month",
                "2024-05 lies outside every enrolment of the service (and the 3 baseline months"
                    + " before it)"));
    assertThat(ENROLLED_IN_SEPTEMBER.get(0).covers(YearMonth.of(2024, 8))).isFalse();
    assertThat(ENROLLED_IN_SEPTEMBER.get(0).covers(YearMonth.of(2024, 8), 1)).isTrue();
  }

  @Test
  void aBaselineNeverOutlivesTheEnrolmentsEnd() {
    EnrolledService ended =
        enrolment(
            LocalDate.of(2024, 9, 16), LocalDate.of(2024, 11, 3), EnrolledService.Status.WITHDRAWN);

    assertThat(ended.covers(YearMonth.of(2024, 11), 12)).isTrue();
    assertThat(ended.covers(YearMonth.of(2024, 12), 12)).isFalse();
  }

  @Test
  void aMonthOfAnEnrolmentsOwnPeriodBeatsAnotherEnrolmentsBaseline() {
    EnrolledService pilot =
        enrolment(
            LocalDate.of(2024, 3, 1), LocalDate.of(2024, 9, 30), EnrolledService.Status.COMPLETED);
    EnrolledService wider = running(LocalDate.of(2024, 10, 7));

    // 2024-05 is the pilot's own month and in the wider enrolment's 12-month baseline.
    assertThat(ReturnRules.enrollmentFor(List.of(wider, pilot), YearMonth.of(2024, 5), 12))
        .contains(pilot);
    // 2024-01 is only in baselines (pilot's from 2023-03, wider's from 2023-10): the earliest
    // enrolment takes it.
    assertThat(ReturnRules.enrollmentFor(List.of(wider, pilot), YearMonth.of(2024, 1), 12))
        .contains(pilot);
    // 2023-05 is in the pilot's baseline only.
    assertThat(ReturnRules.enrollmentFor(List.of(wider, pilot), YearMonth.of(2023, 5), 12))
        .contains(pilot);
    assertThat(ReturnRules.enrollmentFor(List.of(wider, pilot), YearMonth.of(2023, 2), 12))
        .isEmpty();
  }
}
