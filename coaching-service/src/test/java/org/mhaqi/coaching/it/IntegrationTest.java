package org.mhaqi.coaching.it;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

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
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context every integration test shares: the whole service against a real PostgreSQL
 * database and the real embedded Kafka broker. Enrolments reach it as enrollment-service would send
 * them, through Kafka.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = RealInfrastructure.class)
abstract class IntegrationTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Duration WAIT = Duration.ofSeconds(30);

  private static CloudEventProducer producer;

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

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

  static LocalDate today() {
    return LocalDate.now(LONDON);
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
        .until(
            () ->
                mvc.perform(get("/api/enrollments/{id}/plan", enrollmentId))
                        .andReturn()
                        .getResponse()
                        .getStatus()
                    == 200);
    return plan(enrollmentId);
  }

  JsonNode plan(UUID enrollmentId) {
    return read(get("/api/enrollments/{id}/plan", enrollmentId));
  }

  JsonNode read(org.springframework.test.web.servlet.RequestBuilder request) {
    try {
      return json.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
