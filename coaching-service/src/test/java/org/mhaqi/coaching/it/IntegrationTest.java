package org.mhaqi.coaching.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context every integration test shares: the whole service against a real PostgreSQL
 * database and the real embedded Kafka broker, with its clock pinned to {@link #TODAY} so that
 * working days, bank holidays and "the past" are the same whatever day the tests run. Enrolments
 * reach it as enrollment-service would send them, through Kafka.
 */
@ServiceIntegrationTest(properties = "mhaqi.test.today=" + IntegrationTest.TODAY)
abstract class IntegrationTest {

  /** The day the service's clock shows: a Monday, with bank holiday data years either side. */
  static final String TODAY = "2026-06-01";

  static final ZoneId LONDON = ServiceIntegrationTest.LONDON;
  static final Duration WAIT = Duration.ofSeconds(30);

  private static CloudEventProducer producer;

  @Autowired Api api;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @AfterAll
  static void closeProducer() {
    if (producer != null) {
      producer.close();
      producer = null;
    }
  }

  CloudEventProducer enrollmentService() {
    if (producer == null) {
      producer = new CloudEventProducer(bootstrapServers, json, "enrollment-service");
    }
    return producer;
  }

  /** Today in London by the service's clock. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(LONDON));
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

  Api.Response get(String path, Object... variables) {
    return api.get(expand(path, variables));
  }

  /** The JSON body of a GET, whatever its status. */
  JsonNode read(String path, Object... variables) {
    return get(path, variables).body();
  }

  /** POSTs the body as JSON, as the programme team's tools do. */
  Api.Response postJson(String path, Object body, Object... variables) {
    return api.post(expand(path, variables), json.writeValueAsString(body));
  }

  Api.Response post(String path, Object... variables) {
    return api.post(expand(path, variables));
  }

  /** The path with its {@code {variables}} filled in and encoded. */
  static String expand(String path, Object... variables) {
    // Variables strictly encoded: a '+' in one stays a plus, never a space.
    DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory();
    uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
    return uris.expand(path, variables).toString();
  }

  /** Waits until the consumer has processed (or skipped) the event with this id. */
  void awaitProcessed(UUID eventId) {
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                jdbc.sql("select count(*) from processed_event where event_id = ?")
                        .param(eventId)
                        .query(Long.class)
                        .single()
                    > 0);
  }

  /** Events this service has recorded for an enrolment (the outbox keeps them a week). */
  long outboxEvents(UUID enrollmentId) {
    return jdbc.sql("select count(*) from outbox_event where message_key = ?")
        .param(enrollmentId.toString())
        .query(Long.class)
        .single();
  }
}
