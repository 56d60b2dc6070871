package org.mhaqi.evaluation.enrollment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;

/**
 * One enrolment of a service in a phase, as evaluation knows it from enrollment.events.
 *
 * @param providerType null for events written before the field was added
 * @param endedOn the day the enrolment was withdrawn or completed; null while it runs
 */
public record EnrolledService(
    UUID enrollmentId,
    UUID serviceId,
    UUID organisationId,
    String odsCode,
    ProviderType providerType,
    Region region,
    ServiceType serviceType,
    UUID phaseId,
    PhaseKind phaseKind,
    LocalDate coachingStartsOn,
    LocalDate coachingEndsOn,
    LocalDate enrolledOn,
    LocalDate endedOn,
    Status status) {

  /** Where the enrolment stands. */
  public enum Status {
    ENROLLED,
    WITHDRAWN,
    COMPLETED
  }

  /**
   * Whether a monthly return for {@code month} belongs to this enrolment's own period: from the
   * month it was enrolled in to the month it ended (or without end while it runs).
   */
  public boolean covers(YearMonth month) {
    return covers(month, 0);
  }

  /**
   * Whether a monthly return for {@code month} belongs to this enrolment once its baseline is
   * counted: SPC judges a change against the months before it, so a service may also return the
   * {@code baselineMonths} months before the month it was enrolled in, up to the month the
   * enrolment ended.
   */
  public boolean covers(YearMonth month, int baselineMonths) {
    YearMonth first = YearMonth.from(enrolledOn).minusMonths(baselineMonths);
    boolean started = !month.isBefore(first);
    boolean notEnded = endedOn == null || !month.isAfter(YearMonth.from(endedOn));
    return started && notEnded;
  }
}
