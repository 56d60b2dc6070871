package org.mhaqi.evaluation.enrollment;

import java.time.LocalDate;
import org.mhaqi.evaluation.enrollment.EnrolledService.Status;
import org.mhaqi.events.enrollment.ServiceEnrolled;

/** Turns what enrollment.events said of an enrolment into evaluation's view of it. */
public final class EnrollmentFacts {

  private EnrollmentFacts() {}

  /**
   * The enrolment as evaluation sees it.
   *
   * @param end how it ended, when that is known; null while it runs
   * @throws IllegalArgumentException when the event lacks what the view requires
   */
  public static EnrolledService enrolledService(ServiceEnrolled e, EnrollmentEnd end) {
    require(e.enrollmentId(), "enrollmentId");
    require(e.serviceId(), "serviceId");
    require(e.organisationId(), "organisationId");
    require(e.odsCode(), "odsCode");
    require(e.region(), "region");
    require(e.serviceType(), "serviceType");
    require(e.phaseId(), "phaseId");
    require(e.phaseKind(), "phaseKind");
    require(e.coachingStartsOn(), "coachingStartsOn");
    require(e.coachingEndsOn(), "coachingEndsOn");
    require(e.enrolledAt(), "enrolledAt");
    if (e.coachingEndsOn().isBefore(e.coachingStartsOn())) {
      throw new IllegalArgumentException(
          "coachingEndsOn " + e.coachingEndsOn() + " is before " + e.coachingStartsOn());
    }
    return new EnrolledService(
        e.enrollmentId(),
        e.serviceId(),
        e.organisationId(),
        e.odsCode(),
        e.providerType(),
        e.region(),
        e.serviceType(),
        e.phaseId(),
        e.phaseKind(),
        e.coachingStartsOn(),
        e.coachingEndsOn(),
        LocalDate.ofInstant(e.enrolledAt(), EnrollmentEnd.ENGLAND),
        end == null ? null : end.endedOn(),
        end == null ? Status.ENROLLED : end.status());
  }

  private static void require(Object value, String name) {
    if (value == null) {
      throw new IllegalArgumentException(name + " is required");
    }
  }
}
