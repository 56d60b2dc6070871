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
import org.mhaqi.testing.EventCatalogue;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the event catalogue {@code docs/asyncapi.yaml} true for the topics enrollment-service
 * publishes ({@code enrollment.events}, {@code programme.events}, {@code organisation.events}):
 * every event type is documented on its channel, the documented payloads match the event records,
 * and what enrollment-service really publishes on Kafka (headers, key and payload) validates
 * against the documented schemas. The checks themselves are {@link EventCatalogue}'s, shared with
 * the other services.
 */
class EventCatalogueIT extends ServiceIntegrationTest {

  /** Each topic of enrollment-service with the id of its send operation in the catalogue. */
  private static final Map<String, String> TOPICS =
      Map.of(
          Topics.ENROLLMENT_EVENTS, "publishEnrollmentEvents",
          Topics.PROGRAMME_EVENTS, "publishProgrammeEvents",
          Topics.ORGANISATION_EVENTS, "publishOrganisationEvents");

  private static final Map<String, EventCatalogue> catalogues = new LinkedHashMap<>();

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  Scenario scenario;
  final Map<String, KafkaTopicReader> readers = new LinkedHashMap<>();

  @BeforeAll
  static void loadCatalogue() {
    TOPICS
        .keySet()
        .forEach(
            topic -> catalogues.put(topic, EventCatalogue.forChannel(topic, "enrollment-service")));
  }

  @BeforeEach
  void setUp() {
    scenario = new Scenario(api);
    TOPICS.keySet().forEach(topic -> readers.put(topic, new KafkaTopicReader(kafka, topic)));
  }

  @AfterEach
  void tearDown() {
    readers.values().forEach(KafkaTopicReader::close);
  }

  @Test
  void theCatalogueDocumentsExactlyTheEventTypesOfEachTopic() {
    TOPICS.forEach(
        (topic, operation) -> {
          EventCatalogue catalogue = catalogues.get(topic);
          assertThat(catalogue.messageNames())
              .as("messages of channel %s in %s vs EventTypes.all()", topic, catalogue.path())
              .isEqualTo(catalogue.eventTypeNames())
              .isNotEmpty();
          List<String> violations = new ArrayList<>(catalogue.checkMessages());
          violations.addAll(catalogue.checkSendOperation(operation));
          catalogue.assertNoViolations(violations);
        });
  }

  @Test
  void theDocumentedPayloadsMatchTheEventRecordsAndTheExamplesValidate() {
    catalogues.values().forEach(c -> c.assertNoViolations(c.checkPayloadsAndExamples()));
  }

  @Test
  void everyEventReallyPublishedConformsToTheCatalogue() {
    String programmeId = scenario.programme();
    String pilotId = scenario.pilotPhase(programmeId, 1);
    String widerId = scenario.widerPhase(programmeId, 1);
    // An organisation registers a ward.
    String organisationId = scenario.organisation("NHS_TRUST");
    scenario.service(organisationId);
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
    // A member of its team asks to be forgotten.
    String erased = scenario.member(third, "FRONTLINE_STAFF", "Fran Forgotten", "fran@example.org");
    api.post("/api/team-members/" + erased + "/erasure").expect(200);
    JsonNode carried = api.post("/api/phases/" + widerId + "/carry-over").expect(200).body();
    assertThat(carried).hasSize(1);
    String carriedOver = carried.get(0).path("id").asString();
    api.post(
            "/api/enrollments/" + carriedOver + "/decline",
            "{\"reason\":\"The ward is closing before the coaching window\"}")
        .expect(200);
    // An independent-sector provider is declined at once, is invited into the learning network
    // and says what it would like to be involved in.
    String provider = scenario.organisation("INDEPENDENT_SECTOR_PROVIDER");
    String independent =
        api.post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}"
                    .formatted(scenario.service(provider), widerId))
            .expect(201)
            .id();
    api.post("/api/learning-network/members", "{\"enrollmentId\":\"%s\"}".formatted(independent))
        .expect(201);
    api.post(
            "/api/learning-network/members/" + provider + "/interests",
            "{\"areas\":[\"INDEPENDENT_ADVOCACY\"],\"expressedOn\":\"2024-07-01\"}")
        .expect(201);

    Map<String, Integer> enrolments = new LinkedHashMap<>();
    enrolments.put(first, 5); // interest, team, commitment, enrolled, withdrawn
    enrolments.put(second, 6); // interest, team, commitment, waitlisted, enrolled, completed
    enrolments.put(third, 3); // interest, team, member erased
    enrolments.put(carriedOver, 2); // interest (carried over), declined
    enrolments.put(independent, 2); // interest, declined
    enrolments.put(provider, 2); // joined the learning network, interest recorded
    assertConforms(Topics.ENROLLMENT_EVENTS, enrolments);
    assertConforms(Topics.PROGRAMME_EVENTS, Map.of(pilotId, 1, widerId, 1));
    assertConforms(Topics.ORGANISATION_EVENTS, Map.of(organisationId, 2)); // it and its ward
  }

  /** Reads the events of the keys given (at least so many each) and validates every one. */
  private void assertConforms(String topic, Map<String, Integer> expected) {
    EventCatalogue catalogue = catalogues.get(topic);
    List<Message> events =
        readers
            .get(topic)
            .awaitUntil(
                all ->
                    expected.entrySet().stream()
                        .allMatch(
                            e ->
                                all.stream().filter(m -> e.getKey().equals(m.key())).count()
                                    >= e.getValue()),
                Duration.ofSeconds(90))
            .stream()
            .filter(m -> expected.containsKey(m.key()))
            .toList();

    assertThat(events)
        .extracting(m -> m.header(CloudEventHeaders.TYPE))
        .as("the scenario publishes every event type of %s", topic)
        .containsAll(catalogue.eventTypeNames());
    List<String> violations = new ArrayList<>();
    for (Message event : events) {
      violations.addAll(catalogue.validate(event));
    }
    catalogue.assertNoViolations(violations);
  }
}
