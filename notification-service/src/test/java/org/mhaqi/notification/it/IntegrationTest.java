package org.mhaqi.notification.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.events.enrollment.OrganisationRegistered;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceRegistered;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * What notification-service's integration tests share: a real SMTP server ({@link TestSmtp}), a
 * sender that looks every 200 ms and retries after half a second, and organisations and services
 * announced as enrollment-service does. Today is {@link #TODAY} by the service's clock: Monday 14
 * December 2026, the first day November's returns (due Sunday 20 December) are reminded of.
 */
@TestPropertySource(
    properties = {
      "mhaqi.test.today=" + IntegrationTest.TODAY,
      "mhaqi.notification.sender.interval=200ms",
      "mhaqi.notification.sender.first-retry=500ms",
      "mhaqi.notification.sender.longest-retry=1s",
      "mhaqi.notification.reminders.interval=500ms"
    })
abstract class IntegrationTest extends ServiceIntegrationTest {

  static final String TODAY = "2026-12-14";

  static final Duration WAIT = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", TestSmtp::port);
  }

  CloudEventProducer enrollmentService() {
    return producer("enrollment-service");
  }

  CloudEventProducer coachingService() {
    return producer("coaching-service");
  }

  /** A new organisation with one service, as enrollment-service announces them; the service id. */
  UUID registeredService(String odsCode, String serviceName) {
    UUID organisationId = UUID.randomUUID();
    UUID serviceId = UUID.randomUUID();
    enrollmentService()
        .send(
            new OrganisationRegistered(
                organisationId,
                odsCode,
                "Trust " + odsCode,
                ProviderType.NHS_TRUST,
                Region.LONDON,
                Instant.now()));
    awaitProcessed(
        enrollmentService()
            .send(
                new ServiceRegistered(
                    serviceId,
                    organisationId,
                    ServiceType.ADULT_ACUTE,
                    serviceName,
                    Instant.now())));
    return serviceId;
  }

  /** Adds a contact as the central team does; its id. */
  UUID contact(String json) {
    return UUID.fromString(postJson("/api/contacts", json).expect(201).id());
  }

  static String serviceContact(String email, UUID serviceId, Set<String> kinds) {
    return """
        {"name": "%s", "email": "%s", "scope": "SERVICE", "serviceId": "%s", "kinds": [%s]}
        """
        .formatted(email, email, serviceId, quoted(kinds));
  }

  static String organisationContact(String email, String odsCode, Set<String> kinds) {
    return """
        {"name": "%s", "email": "%s", "scope": "ORGANISATION", "odsCode": "%s", "kinds": [%s]}
        """
        .formatted(email, email, odsCode, quoted(kinds));
  }

  static String coachContact(String email, UUID coachId, Set<String> kinds) {
    return """
        {"name": "%s", "email": "%s", "scope": "COACH", "coachId": "%s", "kinds": [%s]}
        """
        .formatted(email, email, coachId, quoted(kinds));
  }

  private static String quoted(Set<String> kinds) {
    return String.join(", ", kinds.stream().map(k -> "\"" + k + "\"").toList());
  }

  static String uniqueOdsCode() {
    return "Q" + Integer.toString((int) (Math.random() * 46656), 36).toUpperCase();
  }
}
