package org.mhaqi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.KafkaTopicReader.Message;

/**
 * What the event catalogue must reject, in what a service publishes and in the document itself: the
 * tests that keep docs/asyncapi.yaml true are only as good as these refusals.
 */
class EventCatalogueTest {

  private static final String ENROLMENT = "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d";
  private static final String PAYLOAD =
      """
      {"enrollmentId":"7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
       "serviceId":"8b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d5e",
       "phaseId":"3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d",
       "completedAt":"2025-04-01T08:30:00.125Z"}
      """;

  private final EventCatalogue enrollmentEvents =
      EventCatalogue.forChannel(Topics.ENROLLMENT_EVENTS, "enrollment-service");

  @Test
  void aMessageAsEnrollmentServicePublishesItConforms() {
    assertThat(enrollmentEvents.validate(completed(headers(), PAYLOAD))).isEmpty();
  }

  @Test
  void anUnknownEventTypeIsRejected() {
    Map<String, String> headers = headers();
    headers.put(CloudEventHeaders.TYPE, "EnrollmentTeleported");

    assertThat(enrollmentEvents.validate(completed(headers, PAYLOAD)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("no message named EnrollmentTeleported");
  }

  @Test
  void aTypeOfAnotherChannelIsRejected() {
    Map<String, String> headers = headers();
    headers.put(CloudEventHeaders.TYPE, "SessionScheduled");

    assertThat(enrollmentEvents.validate(completed(headers, PAYLOAD)))
        .anySatisfy(v -> assertThat(v).contains("no message named SessionScheduled"));
  }

  @Test
  void aMissingEnvelopeHeaderIsRejected() {
    for (String header :
        List.of(CloudEventHeaders.ID, CloudEventHeaders.TIME, CloudEventHeaders.SPEC_VERSION)) {
      Map<String, String> headers = headers();
      headers.remove(header);

      assertThat(enrollmentEvents.validate(completed(headers, PAYLOAD)))
          .as("without %s", header)
          .anySatisfy(v -> assertThat(v).contains("headers").contains(header));
    }
  }

  @Test
  void anEnvelopeHeaderWithTheWrongValueIsRejected() {
    Map<String, String> wrongSource = headers();
    wrongSource.put(CloudEventHeaders.SOURCE, "/mhaqi/coaching-service");
    Map<String, String> wrongVersion = headers();
    wrongVersion.put(CloudEventHeaders.SCHEMA_VERSION, "2");
    Map<String, String> notAUuid = headers();
    notAUuid.put(CloudEventHeaders.ID, "event-1");

    assertThat(enrollmentEvents.validate(completed(wrongSource, PAYLOAD)))
        .anySatisfy(v -> assertThat(v).contains("ce_source"));
    assertThat(enrollmentEvents.validate(completed(wrongVersion, PAYLOAD)))
        .anySatisfy(v -> assertThat(v).contains("ce_schemaversion"));
    assertThat(enrollmentEvents.validate(completed(notAUuid, PAYLOAD)))
        .anySatisfy(v -> assertThat(v).contains("ce_id"));
  }

  @Test
  void aSubjectThatIsNotTheKeyIsRejected() {
    Map<String, String> headers = headers();
    headers.put(CloudEventHeaders.SUBJECT, "8b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d5e");

    assertThat(enrollmentEvents.validate(completed(headers, PAYLOAD)))
        .anySatisfy(v -> assertThat(v).contains("is not the key"));
  }

  @Test
  void aPayloadThatDoesNotMatchItsSchemaIsRejected() {
    String missingPhase =
        PAYLOAD.replace("\"phaseId\":\"3d4e5f60-7182-4a3b-9c4d-5e6f7a8b9c0d\",", "");
    String badDate = PAYLOAD.replace("2025-04-01T08:30:00.125Z", "first of April");
    String extraField = PAYLOAD.replace("{", "{\"contactEmail\":\"lead@nhs.example\",");
    String wrongType = PAYLOAD.replace("\"8b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d5e\"", "42");

    assertThat(enrollmentEvents.validate(completed(headers(), missingPhase)))
        .anySatisfy(v -> assertThat(v).contains("payload").contains("phaseId"));
    assertThat(enrollmentEvents.validate(completed(headers(), badDate)))
        .anySatisfy(v -> assertThat(v).contains("payload").contains("completedAt"));
    assertThat(enrollmentEvents.validate(completed(headers(), extraField)))
        .anySatisfy(v -> assertThat(v).contains("payload").contains("contactEmail"));
    assertThat(enrollmentEvents.validate(completed(headers(), wrongType)))
        .anySatisfy(v -> assertThat(v).contains("payload").contains("serviceId"));
  }

  @Test
  void aPayloadThatIsNotJsonOrMissingIsRejected() {
    assertThat(enrollmentEvents.validate(completed(headers(), "{\"enrollmentId\":")))
        .anySatisfy(v -> assertThat(v).contains("not JSON"));
    assertThat(enrollmentEvents.validate(completed(headers(), null)))
        .anySatisfy(v -> assertThat(v).contains("tombstone"));
  }

  @Test
  void aMessageReadFromAnotherTopicIsRejected() {
    Message elsewhere =
        new Message(Topics.COACHING_EVENTS, 0, 0, ENROLMENT, headers(), PAYLOAD.strip());

    assertThat(enrollmentEvents.validate(elsewhere))
        .anySatisfy(v -> assertThat(v).contains("not from channel enrollment.events"));
  }

  @Test
  void theViolationsFailTheTestAllAtOnceNamingTheCatalogue() {
    assertThatThrownBy(() -> enrollmentEvents.assertNoViolations(List.of("one", "two")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("2 violation(s)")
        .hasMessageContaining("asyncapi.yaml")
        .hasMessageContaining("one")
        .hasMessageContaining("two");
    enrollmentEvents.assertNoViolations(List.of());
  }

  @Test
  void theDocumentAsItStandsPassesEveryCheck() {
    assertThat(enrollmentEvents.checkMessages()).isEmpty();
    assertThat(enrollmentEvents.checkPayloadsAndExamples()).isEmpty();
  }

  @Test
  void aChannelClaimedByTheWrongProducerIsRejected() {
    EventCatalogue claimed =
        EventCatalogue.forChannel(Topics.ENROLLMENT_EVENTS, "coaching-service");

    assertThat(claimed.checkMessages())
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v).contains("ce_source"));
  }

  @Test
  void aChannelTheDocumentLacksIsRejected() {
    EventCatalogue missing = EventCatalogue.forChannel("nowhere.events", "enrollment-service");

    assertThat(missing.checkMessages())
        .anySatisfy(v -> assertThat(v).contains("no channel with address nowhere.events"));
  }

  @Test
  void aSchemaThatNoLongerMatchesItsRecordIsRejected(@TempDir Path dir) throws IOException {
    Path edited = dir.resolve("asyncapi.yaml");
    String document = Files.readString(enrollmentEvents.path());
    // EnrollmentCompleted's completion time, renamed in the schema only.
    String renamed = document.replace("completedAt:", "finishedAt:");
    assertThat(renamed).isNotEqualTo(document);
    Files.writeString(edited, renamed);

    EventCatalogue stale =
        EventCatalogue.forChannel(edited, Topics.ENROLLMENT_EVENTS, "enrollment-service");

    assertThat(stale.checkPayloadsAndExamples())
        .anySatisfy(v -> assertThat(v).contains("EnrollmentCompleted").contains("finishedAt"));
  }

  @Test
  void aSendOperationOfTheWrongDirectionOrMessagesIsRejected() {
    assertThat(enrollmentEvents.checkSendOperation("no-such-operation"))
        .anySatisfy(v -> assertThat(v).contains("no operation no-such-operation"));
    assertThat(
            enrollmentEvents.checkReceiveOperation(
                "no-such-operation", "coaching-service", "x.dlq", Set.of("ServiceEnrolled")))
        .isNotEmpty();
  }

  private static Map<String, String> headers() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
    headers.put(CloudEventHeaders.ID, "5d6e7f8a-9b0c-4d1e-8f2a-3b4c5d6e7f8a");
    headers.put(CloudEventHeaders.TYPE, "EnrollmentCompleted");
    headers.put(CloudEventHeaders.SOURCE, "/mhaqi/enrollment-service");
    headers.put(CloudEventHeaders.TIME, "2025-04-01T08:30:00.125Z");
    headers.put(CloudEventHeaders.SUBJECT, ENROLMENT);
    headers.put(CloudEventHeaders.SCHEMA_VERSION, "1");
    headers.put(CloudEventHeaders.DATA_SCHEMA, "urn:mhaqi:event:EnrollmentCompleted:1");
    headers.put(CloudEventHeaders.CONTENT_TYPE, "application/json");
    return headers;
  }

  private static Message completed(Map<String, String> headers, String payload) {
    return new Message(
        Topics.ENROLLMENT_EVENTS,
        0,
        0,
        ENROLMENT,
        headers,
        payload == null ? null : payload.strip());
  }
}
