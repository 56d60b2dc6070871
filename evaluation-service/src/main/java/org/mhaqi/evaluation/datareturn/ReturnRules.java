package org.mhaqi.evaluation.datareturn;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mhaqi.evaluation.datareturn.ReturnSubmission.StratumCount;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.measure.Measure;

/**
 * What makes a monthly return acceptable: a known measure, known and distinct strata, counts that
 * are not negative and numerators not above their denominators (where the unit says so), a month
 * that has ended and lies inside one of the service's enrollments or their baselines, and one
 * return per service, measure and month unless it is a correction of the existing one.
 */
final class ReturnRules {

  /** How bad a violation is: content that can never be accepted, or a clash with a return. */
  enum Kind {
    INVALID,
    DUPLICATE
  }

  /**
   * One broken rule.
   *
   * @param stratum index of the offending stratum in the submission, or null for the whole return
   * @param field the offending field of the return or of the stratum
   */
  record Violation(Kind kind, Integer stratum, String field, String message) {}

  private ReturnRules() {}

  /** The enrolment of the service a return for this month belongs to, the latest if several. */
  static Optional<EnrolledService> enrollmentFor(
      List<EnrolledService> enrollments, YearMonth month) {
    return enrollmentFor(enrollments, month, 0);
  }

  /**
   * The enrolment a return for this month belongs to: one whose own period holds the month (the
   * latest if several), else one whose baseline holds it (the earliest: the month comes before it
   * and after any earlier enrolment's end).
   */
  static Optional<EnrolledService> enrollmentFor(
      List<EnrolledService> enrollments, YearMonth month, int baselineMonths) {
    Optional<EnrolledService> own =
        enrollments.stream()
            .filter(e -> e.covers(month))
            .max(Comparator.comparing(EnrolledService::enrolledOn));
    if (own.isPresent()) {
      return own;
    }
    return enrollments.stream()
        .filter(e -> e.covers(month, baselineMonths))
        .min(Comparator.comparing(EnrolledService::enrolledOn));
  }

  /**
   * Every rule the submission breaks; empty when it can be stored.
   *
   * @param measure the catalogue's measure of that code, if there is one
   * @param enrollments every enrolment of the service
   * @param latestVersion the latest stored version for the service, measure and month; 0 if none
   * @param currentMonth the month it is now: a return covers a month that has ended
   * @param baselineMonths how many months before an enrolment a return may cover
   */
  static List<Violation> check(
      ReturnSubmission submission,
      Optional<Measure> measure,
      List<EnrolledService> enrollments,
      int latestVersion,
      YearMonth currentMonth,
      int baselineMonths) {
    List<Violation> violations = new ArrayList<>();
    if (measure.isEmpty()) {
      violations.add(
          invalid(
              "measureCode",
              "'" + submission.measureCode() + "' is not a measure of the catalogue"));
    }
    checkMonth(submission.month(), enrollments, currentMonth, baselineMonths, violations);
    checkStrata(submission.strata(), measure, violations);
    checkVersion(submission, latestVersion, violations);
    return violations;
  }

  private static void checkMonth(
      YearMonth month,
      List<EnrolledService> enrollments,
      YearMonth currentMonth,
      int baselineMonths,
      List<Violation> violations) {
    if (!month.isBefore(currentMonth)) {
      violations.add(
          invalid("month", month + " has not ended yet; a return covers a whole past month"));
    } else if (enrollmentFor(enrollments, month, baselineMonths).isEmpty()) {
      violations.add(
          invalid(
              "month",
              month
                  + " lies outside every enrolment of the service (and the "
                  + baselineMonths
                  + " baseline months before it)"));
    }
  }

  private static void checkStrata(
      List<StratumCount> strata, Optional<Measure> measure, List<Violation> violations) {
    if (strata.isEmpty()) {
      violations.add(invalid("strata", "a return carries at least one stratum"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < strata.size(); i++) {
      StratumCount s = strata.get(i);
      if (measure.isPresent() && !measure.get().acceptsStratum(s.code())) {
        violations.add(
            invalid(
                i,
                "code",
                "'"
                    + s.code()
                    + "' is not a stratum of "
                    + measure.get().code()
                    + "; expected one of "
                    + measure.get().stratumCodes()));
      } else if (!seen.add(s.code())) {
        violations.add(invalid(i, "code", "stratum '" + s.code() + "' appears twice"));
      }
      if (s.numerator() < 0) {
        violations.add(invalid(i, "numerator", "must not be negative"));
      }
      if (s.denominator() < 0) {
        violations.add(invalid(i, "denominator", "must not be negative"));
      }
      boolean bounded = measure.map(m -> m.unit().numeratorAtMostDenominator()).orElse(true);
      if (bounded && s.numerator() > s.denominator()) {
        violations.add(
            invalid(
                i, "numerator", s.numerator() + " is above the denominator " + s.denominator()));
      }
    }
  }

  private static void checkVersion(
      ReturnSubmission submission, int latestVersion, List<Violation> violations) {
    if (submission.correction()) {
      if (submission.correctionReason() == null || submission.correctionReason().isBlank()) {
        violations.add(invalid("correctionReason", "a correction says why"));
      }
      if (latestVersion == 0) {
        violations.add(
            invalid("correction", "there is no return for this month to correct; submit it"));
      }
    } else if (latestVersion > 0) {
      violations.add(
          new Violation(
              Kind.DUPLICATE,
              null,
              "correction",
              "a return for "
                  + submission.measureCode()
                  + " in "
                  + submission.month()
                  + " already exists (version "
                  + latestVersion
                  + "); send a correction to replace it"));
    }
  }

  private static Violation invalid(String field, String message) {
    return new Violation(Kind.INVALID, null, field, message);
  }

  private static Violation invalid(int stratum, String field, String message) {
    return new Violation(Kind.INVALID, stratum, field, message);
  }
}
