package org.mhaqi.evaluation.datareturn;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.evaluation.datareturn.OverdueRule.Key;
import org.mhaqi.evaluation.enrollment.EnrolledService;

/**
 * Where each enrolment stands with its monthly returns, for the central team: for every month it
 * owes returns for ({@link OverdueRule}'s months: from the month enrolled in to the month it ended,
 * or to the last month that has ended), and every measure, a return is
 *
 * <ul>
 *   <li><b>due</b> while the month has ended and its grace period has not (not sent yet),
 *   <li><b>overdue</b> once its grace period is over and it was not sent,
 *   <li><b>late</b> if it was sent after its grace period was over.
 * </ul>
 *
 * A withdrawn service is not chased, as in {@link OverdueRule}.
 */
final class ReturnsOwedRule {

  /**
   * One enrolment's returns.
   *
   * @param oldestOverdue the earliest month with a return overdue, or null
   */
  record Owed(
      UUID enrollmentId,
      UUID serviceId,
      UUID phaseId,
      String odsCode,
      int due,
      int overdue,
      int late,
      YearMonth oldestOverdue) {}

  private ReturnsOwedRule() {}

  /**
   * @param firstSent the day each return was first sent (London), by service, measure and month
   * @return one entry per enrolment still owing returns, in the order given
   */
  static List<Owed> owed(
      List<EnrolledService> enrollments,
      List<String> measureCodes,
      Map<Key, LocalDate> firstSent,
      LocalDate today,
      Period gracePeriod) {
    List<Owed> owed = new ArrayList<>();
    YearMonth lastEnded = YearMonth.from(today).minusMonths(1);
    for (EnrolledService e : enrollments) {
      if (e.status() == EnrolledService.Status.WITHDRAWN) {
        continue;
      }
      YearMonth last = e.endedOn() == null ? lastEnded : YearMonth.from(e.endedOn());
      if (last.isAfter(lastEnded)) {
        last = lastEnded;
      }
      int due = 0;
      int overdue = 0;
      int late = 0;
      YearMonth oldest = null;
      for (YearMonth month = YearMonth.from(e.enrolledOn());
          !month.isAfter(last);
          month = month.plusMonths(1)) {
        LocalDate dueOn = OverdueRule.dueOn(month, gracePeriod);
        for (String measure : measureCodes) {
          LocalDate sent = firstSent.get(new Key(e.serviceId(), measure, month));
          if (sent != null) {
            if (sent.isAfter(dueOn)) {
              late++;
            }
          } else if (today.isAfter(dueOn)) {
            overdue++;
            if (oldest == null) {
              oldest = month;
            }
          } else {
            due++;
          }
        }
      }
      owed.add(
          new Owed(
              e.enrollmentId(),
              e.serviceId(),
              e.phaseId(),
              e.odsCode(),
              due,
              overdue,
              late,
              oldest));
    }
    return owed;
  }
}
