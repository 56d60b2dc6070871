package org.mhaqi.evaluation.datareturn;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.evaluation.enrollment.EnrolledService;

/**
 * Which monthly returns are overdue: for every enrolment still owing returns (enrolled, or
 * completed; a withdrawn service is no longer chased), every measure and every month from the month
 * it was enrolled in to the month it ended (or to now), a return is due on the month's last day
 * plus the grace period and overdue the day after, unless one was submitted or it was already
 * reported.
 */
final class OverdueRule {

  /** One return found missing. */
  record Missing(
      UUID enrollmentId, UUID serviceId, String measureCode, YearMonth month, LocalDate dueOn) {}

  /** A service's return for a measure and month, whichever enrolment it belongs to. */
  record Key(UUID serviceId, String measureCode, YearMonth month) {}

  private OverdueRule() {}

  /** The last day a return for the month is due on. */
  static LocalDate dueOn(YearMonth month, Period gracePeriod) {
    return month.atEndOfMonth().plus(gracePeriod);
  }

  /**
   * @param submitted the returns that exist (any version)
   * @param reported the missing returns already announced, by enrollment's service, measure, month
   */
  static List<Missing> missing(
      List<EnrolledService> enrollments,
      List<String> measureCodes,
      Set<Key> submitted,
      Set<Key> reported,
      LocalDate today,
      Period gracePeriod) {
    List<Missing> missing = new ArrayList<>();
    for (EnrolledService e : enrollments) {
      if (e.status() == EnrolledService.Status.WITHDRAWN) {
        continue;
      }
      YearMonth last = YearMonth.from(e.endedOn() == null ? today : e.endedOn());
      for (YearMonth month = YearMonth.from(e.enrolledOn());
          !month.isAfter(last);
          month = month.plusMonths(1)) {
        LocalDate due = dueOn(month, gracePeriod);
        if (!today.isAfter(due)) {
          break;
        }
        for (String measure : measureCodes) {
          Key key = new Key(e.serviceId(), measure, month);
          if (!submitted.contains(key) && !reported.contains(key)) {
            missing.add(new Missing(e.enrollmentId(), e.serviceId(), measure, month, due));
          }
        }
      }
    }
    return missing;
  }
}
