package org.mhaqi.evaluation.it;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrolledServices;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring context the data-collection integration tests share: the whole evaluation-service
 * against a real PostgreSQL database and the real embedded Kafka broker. Enrolments are written
 * straight into evaluation's view of them ({@link EnrolledServices#save}), as the consumer of
 * enrollment.events would.
 */
@SpringBootTest(properties = "mhaqi.evaluation.data-returns.overdue-check.enabled=false")
@AutoConfigureMockMvc
@ContextConfiguration(initializers = RealInfrastructure.class)
abstract class DataCollectionIntegrationTest {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Duration WAIT = Duration.ofSeconds(60);

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired EnrolledServices enrolledServices;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  /** An answer: status, content type and JSON body (null when there is none). */
  record Answer(int status, String contentType, JsonNode body) {}

  static YearMonth thisMonth() {
    return YearMonth.now(LONDON);
  }

  /** A service enrolled on the first day of the month {@code monthsAgo} before this one. */
  EnrolledService enrol(int monthsAgo) {
    LocalDate enrolledOn = thisMonth().minusMonths(monthsAgo).atDay(1);
    EnrolledService e =
        new EnrolledService(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            "RX4",
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
    enrolledServices.save(e);
    return e;
  }

  Answer postJson(String path, Object body, Object... variables) {
    return perform(
        MockMvcRequestBuilders.post(path, variables)
            .contentType(MediaType.APPLICATION_JSON)
            .header("X-Actor", "integration-test")
            .content(body instanceof String s ? s : json.writeValueAsString(body)));
  }

  Answer postCsv(String path, String csv, Object... variables) {
    return perform(
        MockMvcRequestBuilders.post(path, variables)
            .contentType("text/csv")
            .header("X-Actor", "integration-test")
            .content(csv));
  }

  Answer get(String path, Object... variables) {
    return perform(MockMvcRequestBuilders.get(path, variables));
  }

  Answer perform(RequestBuilder request) {
    try {
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      String body = response.getContentAsString();
      return new Answer(
          response.getStatus(),
          response.getContentType(),
          body.isBlank() ? null : json.readTree(body));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Events recorded in the outbox for an enrolment. */
  long outboxEvents(UUID enrollmentId) {
    return jdbc.sql("SELECT count(*) FROM outbox_event WHERE message_key = ?")
        .param(enrollmentId.toString())
        .query(Long.class)
        .single();
  }

  long returnsOf(UUID serviceId) {
    return jdbc.sql("SELECT count(*) FROM data_return WHERE service_id = ?")
        .param(serviceId)
        .query(Long.class)
        .single();
  }
}
