package org.mhaqi.enrollment.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.mhaqi.enrollment.organisation.ServiceProfile;
import org.mhaqi.enrollment.programme.Phase;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;

/** Small builders for the rules' unit tests. */
final class TestData {

  static final Instant NOW = Instant.parse("2024-07-15T09:00:00Z");

  private TestData() {}

  static Phase widerPhase(int capacity) {
    return new Phase(
        UUID.randomUUID(),
        UUID.randomUUID(),
        PhaseKind.WIDER_IMPLEMENTATION,
        "Wider implementation",
        LocalDate.of(2024, 7, 1),
        LocalDate.of(2025, 3, 31),
        capacity,
        LocalDate.of(2024, 9, 2),
        LocalDate.of(2025, 3, 31));
  }

  static ServiceProfile nhsService() {
    return service(ProviderType.NHS_FOUNDATION_TRUST);
  }

  static ServiceProfile service(ProviderType type) {
    return new ServiceProfile(
        UUID.randomUUID(), UUID.randomUUID(), "RX4", type, Region.NORTH_WEST, ServiceType.PICU);
  }

  static ExecutiveCommitment fullCommitment() {
    return new ExecutiveCommitment(UUID.randomUUID(), true, true, true, NOW, "sponsor");
  }

  static Enrollment interested() {
    return Enrollment.expressInterest(nhsService(), widerPhase(37), null, NOW, "staff", NOW);
  }

  static Enrollment committed() {
    Enrollment enrollment = interested();
    enrollment.confirmCommitment(fullCommitment());
    return enrollment;
  }
}
