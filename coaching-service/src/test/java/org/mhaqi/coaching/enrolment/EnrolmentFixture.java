package org.mhaqi.coaching.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;

/** Enrolments as coaching builds them from ServiceEnrolled, for unit tests of other packages. */
public final class EnrolmentFixture {

  private EnrolmentFixture() {}

  /** An enrolment in the wider implementation phase with the given coaching window. */
  public static Enrolment enrolled(
      UUID id, UUID serviceId, UUID phaseId, LocalDate windowStartsOn, LocalDate windowEndsOn) {
    Enrolment enrolment = new Enrolment(id);
    enrolment.enrolled(
        new ServiceEnrolled(
            id,
            serviceId,
            UUID.randomUUID(),
            "RX4",
            ProviderType.NHS_TRUST,
            Region.values()[0],
            ServiceType.values()[0],
            phaseId,
            PhaseKind.WIDER_IMPLEMENTATION,
            windowStartsOn,
            windowEndsOn,
            false,
            Instant.parse("2024-08-01T09:00:00Z")));
    return enrolment;
  }
}
