package org.mhaqi.evaluation.datareturn;

import java.time.LocalDate;
import java.util.UUID;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;

/** Enrolments for rule tests. */
final class Enrolments {

  static final UUID SERVICE = UUID.fromString("8b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d5e");

  private Enrolments() {}

  static EnrolledService enrolment(
      LocalDate enrolledOn, LocalDate endedOn, EnrolledService.Status status) {
    return new EnrolledService(
        UUID.randomUUID(),
        SERVICE,
        UUID.randomUUID(),
        "RX4",
        ProviderType.NHS_TRUST,
        Region.LONDON,
        ServiceType.ADULT_ACUTE,
        UUID.randomUUID(),
        PhaseKind.WIDER_IMPLEMENTATION,
        LocalDate.of(2024, 9, 2),
        LocalDate.of(2025, 3, 31),
        enrolledOn,
        endedOn,
        status);
  }

  static EnrolledService running(LocalDate enrolledOn) {
    return enrolment(enrolledOn, null, EnrolledService.Status.ENROLLED);
  }
}
