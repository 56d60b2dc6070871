package org.mhaqi.evaluation.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import org.mhaqi.evaluation.enrollment.EnrolledService.Status;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;

/**
 * How an enrolment ended. Kept apart from the enrolment so that an end seen first is not lost; of
 * two ends (a redelivery, or an impossible withdrawal after completion) the earlier stands, so the
 * outcome does not depend on the order they arrive in.
 */
public record EnrollmentEnd(Status status, Instant endedAt) {

  /** Programme dates are days in England. */
  static final ZoneId ENGLAND = ZoneId.of("Europe/London");

  private static final Comparator<EnrollmentEnd> EARLIEST_FIRST =
      Comparator.comparing(EnrollmentEnd::endedAt).thenComparing(EnrollmentEnd::status);

  public EnrollmentEnd {
    if (status == null || status == Status.ENROLLED) {
      throw new IllegalArgumentException("An enrolment ends withdrawn or completed, not " + status);
    }
    if (endedAt == null) {
      throw new IllegalArgumentException("endedAt is required");
    }
  }

  public static EnrollmentEnd of(EnrollmentWithdrawn e) {
    return new EnrollmentEnd(Status.WITHDRAWN, e.withdrawnAt());
  }

  public static EnrollmentEnd of(EnrollmentCompleted e) {
    return new EnrollmentEnd(Status.COMPLETED, e.completedAt());
  }

  /** The earlier of the two ends; the same whichever is {@code this}. */
  public EnrollmentEnd merge(EnrollmentEnd other) {
    return other == null || EARLIEST_FIRST.compare(this, other) <= 0 ? this : other;
  }

  /** The last day of the enrolment, in England. */
  public LocalDate endedOn() {
    return LocalDate.ofInstant(endedAt, ENGLAND);
  }
}
