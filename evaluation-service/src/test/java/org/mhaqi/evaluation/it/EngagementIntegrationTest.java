package org.mhaqi.evaluation.it;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring context engagement's integration tests share: the whole service against a real
 * PostgreSQL database and the real embedded Kafka broker. Events reach it as enrollment-service and
 * coaching-service send them, through Kafka.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ContextConfiguration(initializers = RealInfrastructure.class)
abstract class EngagementIntegrationTest {

  static final Duration WAIT = Duration.ofSeconds(60);

  private static CloudEventProducer enrollmentService;
  private static CloudEventProducer coachingService;

  @Autowired MockMvc mvc;
  @Autowired JsonMapper json;
  @Autowired JdbcClient jdbc;

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

  /** Publishes the event as its producing service would; returns its id. */
  UUID publish(DomainEvent event) {
    return producerOf(event).send(event);
  }

  CloudEventProducer producerOf(DomainEvent event) {
    if (EventTypes.of(event.getClass()).topic().equals("enrollment.events")) {
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

  JsonNode read(RequestBuilder request) {
    try {
      return json.readTree(mvc.perform(request).andReturn().getResponse().getContentAsString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
