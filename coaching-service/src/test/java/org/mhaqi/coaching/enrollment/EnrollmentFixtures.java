package org.mhaqi.coaching.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;

/** Enrolments as coaching knows them, for unit tests of other packages. */
public final class EnrollmentFixtures {

  private EnrollmentFixtures() {}

  public static ServiceEnrolled serviceEnrolled(
      UUID enrollmentId, LocalDate first, LocalDate last, Instant enrolledAt) {
    return new ServiceEnrolled(
        enrollmentId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        "RX4",
        ProviderType.NHS_TRUST,
        Region.NORTH_WEST,
        ServiceType.ADULT_ACUTE,
        UUID.randomUUID(),
        PhaseKind.WIDER_IMPLEMENTATION,
        first,
        last,
        false,
        enrolledAt);
  }

  public static Enrollment enrolled(LocalDate first, LocalDate last, Instant enrolledAt) {
    Enrollment enrollment = new Enrollment(UUID.randomUUID());
    enrollment.enrolled(serviceEnrolled(enrollment.getId(), first, last, enrolledAt));
    return enrollment;
  }

  /** An enrollment in the wider implementation phase with the given coaching window. */
  public static Enrollment enrolled(
      UUID id, UUID serviceId, UUID phaseId, LocalDate windowStartsOn, LocalDate windowEndsOn) {
    Enrollment enrollment = new Enrollment(id);
    enrollment.enrolled(
        new ServiceEnrolled(
            id,
            serviceId,
            UUID.randomUUID(),
            "RX4",
            ProviderType.NHS_TRUST,
            Region.NORTH_WEST,
            ServiceType.ADULT_ACUTE,
            phaseId,
            PhaseKind.WIDER_IMPLEMENTATION,
            windowStartsOn,
            windowEndsOn,
            false,
            Instant.parse("2024-08-01T09:00:00Z")));
    return enrollment;
  }
}
