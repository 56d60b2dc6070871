package org.mhaqi.support.it;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;

/** The ServiceEnrolled the consumer ITs send: only the ids and the ODS code vary between them. */
final class TestEnrolments {

  private TestEnrolments() {}

  /**
   * @param serviceId null for the poison a missing id makes
   * @param odsCode {@code ConsumerTestApplication.FAIL_AFTER_WRITING} for a handler that fails
   */
  static ServiceEnrolled enrolled(UUID enrollmentId, UUID serviceId, String odsCode) {
    return new ServiceEnrolled(
        enrollmentId,
        serviceId,
        UUID.randomUUID(),
        odsCode,
        ProviderType.NHS_TRUST,
        Region.LONDON,
        ServiceType.ADULT_ACUTE,
        UUID.randomUUID(),
        PhaseKind.WIDER_IMPLEMENTATION,
        LocalDate.of(2027, 1, 4),
        LocalDate.of(2027, 12, 17),
        false,
        Instant.now());
  }
}
