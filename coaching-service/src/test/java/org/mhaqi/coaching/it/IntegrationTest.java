package org.mhaqi.coaching.it;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What coaching-service's integration tests share beyond the platform's {@link
 * ServiceIntegrationTest}: its clock pinned to {@link #TODAY} so that working days, bank holidays
 * and "the past" are the same whatever day the tests run, and enrolments, teams and plans as
 * enrollment-service would send and coaching would make them, through Kafka.
 */
@TestPropertySource(properties = "mhaqi.test.today=" + IntegrationTest.TODAY)
abstract class IntegrationTest extends ServiceIntegrationTest {

  /** The day the service's clock shows: a Monday, with bank holiday data years either side. */
  static final String TODAY = "2026-06-01";

  static final Duration WAIT = Duration.ofSeconds(30);

  CloudEventProducer enrollmentService() {
    return producer("enrollment-service");
  }

  /** Now by the service's clock. */
  Instant currentInstant() {
    return clock.instant();
  }

  /** An enrolment as enrollment-service announces it, enrolled a fortnight before the window. */
  static ServiceEnrolled enrolled(UUID enrollmentId, LocalDate first, LocalDate last) {
    return enrolled(
        enrollmentId, first, last, first.minusWeeks(2).atStartOfDay(LONDON).toInstant());
  }

  /** An enrolment made at the given time, for instance part-way through the window. */
  static ServiceEnrolled enrolled(
      UUID enrollmentId, LocalDate first, LocalDate last, Instant enrolledAt) {
    return new ServiceEnrolled(
        enrollmentId,
        UUID.randomUUID(),
        UUID.randomUUID(),
        "RX4",
        ProviderType.NHS_TRUST,
        Region.NORTH_EAST_AND_YORKSHIRE,
        ServiceType.ADULT_ACUTE,
        UUID.randomUUID(),
        PhaseKind.WIDER_IMPLEMENTATION,
        first,
        last,
        enrolledAt.isAfter(first.atStartOfDay(LONDON).toInstant()),
        enrolledAt);
  }

  /** A team of an executive sponsor, a service lead, two frontline staff and a partner. */
  static ProjectTeamUpdated team(UUID enrollmentId, UUID serviceId) {
    return new ProjectTeamUpdated(
        enrollmentId,
        serviceId,
        List.of(
            new ProjectTeamUpdated.Member(UUID.randomUUID(), TeamRole.EXECUTIVE_SPONSOR),
            new ProjectTeamUpdated.Member(UUID.randomUUID(), TeamRole.SERVICE_LEAD),
            new ProjectTeamUpdated.Member(UUID.randomUUID(), TeamRole.FRONTLINE_STAFF),
            new ProjectTeamUpdated.Member(UUID.randomUUID(), TeamRole.FRONTLINE_STAFF),
            new ProjectTeamUpdated.Member(UUID.randomUUID(), TeamRole.LIVED_EXPERIENCE_PARTNER)),
        Instant.now(),
        null);
  }

  /** Waits until the enrolment's plan is there and returns it. */
  JsonNode awaitPlan(UUID enrollmentId) {
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(() -> get("/api/enrollments/{id}/plan", enrollmentId).status() == 200);
    return plan(enrollmentId);
  }

  JsonNode plan(UUID enrollmentId) {
    return read("/api/enrollments/{id}/plan", enrollmentId);
  }
}
