package org.mhaqi.evaluation.it;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrolledServiceRows;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * What evaluation-service's integration tests share beyond the platform's {@link
 * ServiceIntegrationTest}: its clock pinned to a fixed day so that month arithmetic gives the same
 * answers whatever day the tests run, and events published as enrollment-service and
 * coaching-service send them, through Kafka; enrolments a test only needs as a fact are written
 * straight into evaluation's view of them ({@link EnrolledServiceRows}). The overdue check stays
 * off: tests that need it run it themselves.
 */
@TestPropertySource(
    properties = {
      "mhaqi.evaluation.data-returns.overdue-check.enabled=false",
      "mhaqi.test.today=" + EvaluationIntegrationTest.TODAY
    })
abstract class EvaluationIntegrationTest extends ServiceIntegrationTest {

  /** The day the service's clock shows: a Monday in the middle of its month. */
  static final String TODAY = "2026-11-16";

  static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired NamedParameterJdbcTemplate named;

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

  /** Publishes the event as its producing service would; returns its id. */
  UUID publish(DomainEvent event) {
    return producerOf(event).send(event);
  }

  CloudEventProducer producerOf(DomainEvent event) {
    return producer(
        EventTypes.of(event.getClass()).topic().equals(Topics.ENROLLMENT_EVENTS)
            ? "enrollment-service"
            : "coaching-service");
  }

  long returnsOf(UUID serviceId) {
    return jdbc.sql("select count(*) from data_return where service_id = ?")
        .param(serviceId)
        .query(Long.class)
        .single();
  }
}
