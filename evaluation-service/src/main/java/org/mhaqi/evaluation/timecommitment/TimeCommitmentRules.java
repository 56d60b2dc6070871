package org.mhaqi.evaluation.timecommitment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.web.RejectedInputException.Problem;

/** What makes a weekly return acceptable, and how a service's returns compare with the FAQ. */
final class TimeCommitmentRules {

  private static final BigDecimal HOURS_IN_A_WEEK = new BigDecimal("168");

  /** How a team's average compares with the expectation. */
  enum Flag {
    NO_RETURNS,
    WELL_BELOW,
    AS_EXPECTED,
    WELL_ABOVE
  }

  /**
   * A service's time commitment over the weeks returned.
   *
   * @param memberWeeks the sum over the weeks of the members each return covers
   * @param averageHoursPerMemberPerWeek total hours over member-weeks, to 2 decimals; null without
   *     returns
   */
  record Summary(
      int weeksReturned,
      int memberWeeks,
      BigDecimal totalHours,
      BigDecimal averageHoursPerMemberPerWeek,
      Flag flag) {}

  private TimeCommitmentRules() {}

  /** The enrolment a week belongs to: one whose dates overlap the week, the latest if several. */
  static Optional<EnrolledService> enrollmentFor(
      List<EnrolledService> enrollments, LocalDate monday) {
    LocalDate sunday = monday.plusDays(6);
    return enrollments.stream()
        .filter(e -> !e.enrolledOn().isAfter(sunday))
        .filter(e -> e.endedOn() == null || !e.endedOn().isBefore(monday))
        .max(Comparator.comparing(EnrolledService::enrolledOn));
  }

  /** Every rule the return breaks (duplicates are checked against the table). */
  static List<Problem> check(
      LocalDate weekStarting,
      int teamMembers,
      BigDecimal qiHours,
      BigDecimal coachingHours,
      List<EnrolledService> enrollments,
      LocalDate today) {
    List<Problem> problems = new ArrayList<>();
    if (weekStarting.getDayOfWeek() != DayOfWeek.MONDAY) {
      problems.add(Problem.of("weekStarting", weekStarting + " is not a Monday"));
    } else if (weekStarting.isAfter(today)) {
      problems.add(Problem.of("weekStarting", "the week of " + weekStarting + " has not begun"));
    } else if (enrollmentFor(enrollments, weekStarting).isEmpty()) {
      problems.add(
          Problem.of(
              "weekStarting", "the week of " + weekStarting + " is outside every enrolment"));
    }
    if (teamMembers < 1) {
      problems.add(Problem.of("teamMembers", "at least one member's hours are returned"));
    }
    if (qiHours.signum() < 0) {
      problems.add(Problem.of("qiHours", "must not be negative"));
    }
    if (coachingHours.signum() < 0) {
      problems.add(Problem.of("coachingHours", "must not be negative"));
    }
    if (teamMembers >= 1
        && qiHours
                .add(coachingHours)
                .compareTo(HOURS_IN_A_WEEK.multiply(BigDecimal.valueOf(teamMembers)))
            > 0) {
      problems.add(
          Problem.of("qiHours", "more hours than " + teamMembers + " member(s) have in a week"));
    }
    return problems;
  }

  /** The service's average over the weeks returned and how it compares with the expectation. */
  static Summary summarise(List<WeeklyReturn> weeks, TimeCommitmentProperties expectation) {
    if (weeks.isEmpty()) {
      return new Summary(0, 0, BigDecimal.ZERO, null, Flag.NO_RETURNS);
    }
    int memberWeeks = weeks.stream().mapToInt(WeeklyReturn::teamMembers).sum();
    BigDecimal total =
        weeks.stream().map(WeeklyReturn::totalHours).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal average = total.divide(BigDecimal.valueOf(memberWeeks), 2, RoundingMode.HALF_UP);
    Flag flag;
    if (average.compareTo(expectation.wellBelowHoursPerWeek()) < 0) {
      flag = Flag.WELL_BELOW;
    } else if (average.compareTo(expectation.wellAboveHoursPerWeek()) > 0) {
      flag = Flag.WELL_ABOVE;
    } else {
      flag = Flag.AS_EXPECTED;
    }
    return new Summary(weeks.size(), memberWeeks, total, average, flag);
  }
}
