package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.EventCatalogue;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the event catalogue {@code docs/asyncapi.yaml} true for {@code enrollment.events}: every
 * enrolment event type is documented, the documented payloads match the event records, and what
 * enrollment-service really publishes on Kafka (headers, key and payload) validates against the
 * documented schemas. The checks themselves are {@link EventCatalogue}'s, shared with the other
 * services.
 */
@IntegrationTest
class EventCatalogueIT {

  private static final String TOPIC = Topics.ENROLLMENT_EVENTS;

  private static EventCatalogue catalogue;

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  Api api;
  Scenario scenario;
  KafkaTopicReader reader;

  @BeforeAll
  static void loadCatalogue() {
    catalogue = EventCatalogue.forChannel(TOPIC, "enrollment-service");
  }

  @BeforeEach
  void setUp() {
    api = new Api(port);
    scenario = new Scenario(api);
    reader = new KafkaTopicReader(kafka, TOPIC);
  }

  @AfterEach
  void tearDown() {
    reader.close();
  }

  @Test
  void theCatalogueDocumentsExactlyTheEventTypesOfTheTopic() {
    assertThat(catalogue.messageNames())
        .as("messages of channel %s in %s vs EventTypes.all()", TOPIC, catalogue.path())
        .isEqualTo(catalogue.eventTypeNames())
        .isNotEmpty();

    List<String> violations = new ArrayList<>(catalogue.checkMessages());
    violations.addAll(catalogue.checkSendOperation("publishEnrollmentEvents"));
    catalogue.assertNoViolations(violations);
  }

  @Test
  void theDocumentedPayloadsMatchTheEventRecordsAndTheExamplesValidate() {
    catalogue.assertNoViolations(catalogue.checkPayloadsAndExamples());
  }

  @Test
  void everyEventReallyPublishedConformsToTheCatalogue() {
    String programmeId = scenario.programme();
    String pilotId = scenario.pilotPhase(programmeId, 1);
    String widerId = scenario.widerPhase(programmeId, 1);
    // Interest, team member and commitment, admission: enrolled in the only place of the pilot.
    String first = scenario.committedEnrollment(pilotId);
    assertThat(scenario.admit(first).expect(200).text("status")).isEqualTo("ENROLLED");
    // The pilot is full: the next committed service is waitlisted.
    String second = scenario.committedEnrollment(pilotId);
    assertThat(scenario.admit(second).expect(200).text("status")).isEqualTo("WAITLISTED");
    // The first withdraws, which promotes the second; the second completes the phase.
    api.post(
            "/api/enrollments/" + first + "/withdrawal",
            "{\"reason\":\"Ward merged with another\"}")
        .expect(200);
    assertThat(api.get("/api/enrollments/" + second).text("status")).isEqualTo("ENROLLED");
    api.post("/api/enrollments/" + second + "/completion").expect(200);
    // Unmet pilot interest carries over into the wider phase and is declined there.
    String third = scenario.interest(scenario.nhsService(), pilotId);
    JsonNode carried = api.post("/api/phases/" + widerId + "/carry-over").expect(200).body();
    assertThat(carried).hasSize(1);
    String carriedOver = carried.get(0).path("id").asString();
    api.post(
            "/api/enrollments/" + carriedOver + "/decline",
            "{\"reason\":\"The ward is closing before the coaching window\"}")
        .expect(200);
    // An independent-sector provider is declined at once and joins the learning network.
    String independent =
        api.post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}"
                    .formatted(
                        scenario.service(scenario.organisation("INDEPENDENT_SECTOR_PROVIDER")),
                        widerId))
            .expect(201)
            .id();

    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put(first, 4); // interest, team, enrolled, withdrawn
    expected.put(second, 5); // interest, team, waitlisted, enrolled (promoted), completed
    expected.put(third, 1); // interest
    expected.put(carriedOver, 2); // interest (carried over), declined
    expected.put(independent, 2); // interest, declined
    List<Message> events =
        reader
            .awaitUntil(
                all ->
                    expected.entrySet().stream()
                        .allMatch(
                            e ->
                                all.stream().filter(m -> e.getKey().equals(m.key())).count()
                                    >= e.getValue()),
                Duration.ofSeconds(60))
            .stream()
            .filter(m -> expected.containsKey(m.key()))
            .toList();

    assertThat(events)
        .extracting(m -> m.header(CloudEventHeaders.TYPE))
        .as("the scenario publishes every event type of %s", TOPIC)
        .containsAll(catalogue.eventTypeNames());
    List<String> violations = new ArrayList<>();
    for (Message event : events) {
      violations.addAll(catalogue.validate(event));
    }
    catalogue.assertNoViolations(violations);
  }
}
