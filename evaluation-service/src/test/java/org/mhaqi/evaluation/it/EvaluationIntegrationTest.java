package org.mhaqi.evaluation.it;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrolledServiceRows;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.DefaultUriBuilderFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context evaluation-service's integration tests share: the whole service against
 * real PostgreSQL and Kafka, called over HTTP ({@link Api}), with its clock pinned to a fixed day
 * so that month arithmetic gives the same answers whatever day the tests run. Events reach it as
 * enrollment-service and coaching-service send them, through Kafka; enrolments a test only needs as
 * a fact are written straight into evaluation's view of them ({@link EnrolledServiceRows}). The
 * overdue check stays off: tests that need it run it themselves.
 */
@ServiceIntegrationTest(
    properties = {
      "mhaqi.evaluation.data-returns.overdue-check.enabled=false",
      "mhaqi.test.today=" + EvaluationIntegrationTest.TODAY
    })
abstract class EvaluationIntegrationTest {

  /** The day the service's clock shows: a Monday in the middle of its month. */
  static final String TODAY = "2026-11-16";

  static final Duration WAIT = Duration.ofSeconds(60);

  private static CloudEventProducer enrollmentService;
  private static CloudEventProducer coachingService;

  @Autowired Api api;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired NamedParameterJdbcTemplate named;
  @Autowired Clock clock;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @AfterAll
  static void closeProducers() {
    if (enrollmentService != null) {
      enrollmentService.close();
      enrollmentService = null;
    }
    if (coachingService != null) {
      coachingService.close();
      coachingService = null;
    }
  }

  /** Today in London by the service's clock. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(ServiceIntegrationTest.LONDON));
  }

  YearMonth thisMonth() {
    return YearMonth.from(today());
  }

  /** A service enrolled on the first day of the month {@code monthsAgo} before this one. */
  EnrolledService enrol(int monthsAgo) {
    return enrol(monthsAgo, "RX4");
  }

  /** A service of the organisation with this ODS code, enrolled {@code monthsAgo} months ago. */
  EnrolledService enrol(int monthsAgo, String odsCode) {
    LocalDate enrolledOn = thisMonth().minusMonths(monthsAgo).atDay(1);
    EnrolledService e =
        new EnrolledService(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            odsCode,
            ProviderType.NHS_TRUST,
            Region.NORTH_WEST,
            ServiceType.ADULT_ACUTE,
            UUID.randomUUID(),
            PhaseKind.WIDER_IMPLEMENTATION,
            enrolledOn,
            enrolledOn.plusMonths(6),
            enrolledOn,
            null,
            EnrolledService.Status.ENROLLED);
    save(e);
    return e;
  }

  /** Writes the enrolment into evaluation's view as its ServiceEnrolled would have. */
  void save(EnrolledService e) {
    new EnrolledServiceRows(named).save(e);
  }

  /** POSTs JSON (an object, or a string taken as it is) to a path with {@code {variables}}. */
  Api.Response postJson(String path, Object body, Object... variables) {
    return api.post(
        expand(path, variables), body instanceof String s ? s : json.writeValueAsString(body));
  }

  Api.Response postCsv(String path, String csv, Object... variables) {
    return api.post(expand(path, variables), csv, "text/csv");
  }

  Api.Response get(String path, Object... variables) {
    return api.get(expand(path, variables));
  }

  /** The JSON body of a GET, whatever its status. */
  JsonNode read(String path, Object... variables) {
    return get(path, variables).body();
  }

  static String expand(String path, Object... variables) {
    // Variables strictly encoded: a '+' in one stays a plus, never a space.
    DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory();
    uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.TEMPLATE_AND_VALUES);
    return uris.expand(path, variables).toString();
  }

  /** Publishes the event as its producing service would; returns its id. */
  UUID publish(DomainEvent event) {
    return producerOf(event).send(event);
  }

  CloudEventProducer producerOf(DomainEvent event) {
    if (EventTypes.of(event.getClass()).topic().equals(Topics.ENROLLMENT_EVENTS)) {
      if (enrollmentService == null) {
        enrollmentService = new CloudEventProducer(bootstrapServers, json, "enrollment-service");
      }
      return enrollmentService;
    }
    if (coachingService == null) {
      coachingService = new CloudEventProducer(bootstrapServers, json, "coaching-service");
    }
    return coachingService;
  }

  /** Waits until the consumers have processed (or skipped) the event with this id. */
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

  /** Events recorded in the outbox for an enrolment. */
  long outboxEvents(UUID enrollmentId) {
    return jdbc.sql("select count(*) from outbox_event where message_key = ?")
        .param(enrollmentId.toString())
        .query(Long.class)
        .single();
  }

  long returnsOf(UUID serviceId) {
    return jdbc.sql("select count(*) from data_return where service_id = ?")
        .param(serviceId)
        .query(Long.class)
        .single();
  }
}
