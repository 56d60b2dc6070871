package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** From the API through PostgreSQL and the outbox to Kafka, read back by a plain consumer. */
class EnrollmentFlowIT extends ServiceIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Value("${spring.kafka.bootstrap-servers}")
  String kafka;

  Scenario scenario;
  KafkaTopicReader reader;

  @BeforeEach
  void setUp() {
    scenario = new Scenario(api);
    reader = new KafkaTopicReader(kafka, Topics.ENROLLMENT_EVENTS);
  }

  @AfterEach
  void tearDown() {
    reader.close();
  }

  private List<Message> eventsOf(String enrollmentId, int count) {
    return reader.awaitMatching(m -> enrollmentId.equals(m.key()), count, Duration.ofSeconds(30));
  }

  @Test
  void anEnrolmentReachesKafkaAsCloudEventsInOrderAndWithoutPersonalData() {
    String phaseId = scenario.widerPhase(scenario.programme(), 37);
    String enrollmentId = scenario.interest(scenario.nhsService(), phaseId);
    scenario.commit(enrollmentId);
    Api.Response admitted = scenario.admit(enrollmentId).expect(200);
    assertThat(admitted.text("status")).isEqualTo("ENROLLED");

    List<Message> events = eventsOf(enrollmentId, 4);

    assertThat(events)
        .extracting(m -> m.header(CloudEventHeaders.TYPE))
        .containsExactly(
            "ExpressionOfInterestReceived",
            "ProjectTeamUpdated",
            "ExecutiveCommitmentConfirmed",
            "ServiceEnrolled");
    assertThat(events).extracting(Message::partition).containsOnly(events.get(0).partition());
    for (Message event : events) {
      assertThat(UUID.fromString(event.header(CloudEventHeaders.ID))).isNotNull();
      assertThat(event.header(CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
      assertThat(event.header(CloudEventHeaders.SOURCE)).isEqualTo("/mhaqi/enrollment-service");
      assertThat(event.header(CloudEventHeaders.SUBJECT)).isEqualTo(enrollmentId);
      assertThat(event.header(CloudEventHeaders.SCHEMA_VERSION)).isEqualTo("1");
      assertThat(event.header(CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
      assertThat(event.header(CloudEventHeaders.DATA_SCHEMA))
          .isEqualTo("urn:mhaqi:event:" + event.header(CloudEventHeaders.TYPE) + ":1");
      assertThat(Instant.parse(event.header(CloudEventHeaders.TIME)))
          .isBeforeOrEqualTo(Instant.now());
      assertThat(event.value()).doesNotContain("Sam Sponsor", "sam.sponsor@example.nhs.uk");
    }

    JsonNode enrolled = JSON.readTree(events.get(3).value());
    assertThat(enrolled.path("enrollmentId").asString()).isEqualTo(enrollmentId);
    assertThat(enrolled.path("phaseId").asString()).isEqualTo(phaseId);
    assertThat(enrolled.path("coachingStartsOn").asString()).isEqualTo("2024-09-02");
    assertThat(enrolled.path("coachingEndsOn").asString()).isEqualTo("2025-03-31");
    assertThat(enrolled.path("promotedFromWaitlist").asBoolean()).isFalse();
    JsonNode team = JSON.readTree(events.get(1).value());
    assertThat(team.path("members").get(0).path("role").asString()).isEqualTo("EXECUTIVE_SPONSOR");
    assertThat(team.path("members").get(0).has("name")).isFalse();

    assertThat(
            jdbc.sql(
                    "select count(*) from outbox_event where message_key = ? and published_at is null")
                .param(enrollmentId)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theLifeCycleIsReadableWithTimeActorAndReason() {
    String phaseId = scenario.widerPhase(scenario.programme(), 5);
    String enrollmentId = scenario.committedEnrollment(phaseId);
    scenario.admit(enrollmentId).expect(200);
    api.post(
            "/api/enrollments/" + enrollmentId + "/withdrawal",
            "{\"reasonCode\":\"SERVICE_CLOSED_OR_MERGED\",\"reason\":\"Ward merged with another\"}")
        .expect(200);

    JsonNode history = api.get("/api/enrollments/" + enrollmentId + "/history").expect(200).body();

    assertThat(history).hasSize(3);
    assertThat(history.get(0).path("to").asString()).isEqualTo("INTERESTED");
    assertThat(history.get(1).path("to").asString()).isEqualTo("ENROLLED");
    assertThat(history.get(2).path("from").asString()).isEqualTo("ENROLLED");
    assertThat(history.get(2).path("to").asString()).isEqualTo("WITHDRAWN");
    assertThat(history.get(2).path("reason").asString()).isEqualTo("Ward merged with another");
    assertThat(history.get(2).path("actor").asString()).isEqualTo("test-admin");
    assertThat(history.get(2).path("at").asString()).isNotBlank();

    List<Message> events = eventsOf(enrollmentId, 5);
    assertThat(events.get(4).header(CloudEventHeaders.TYPE)).isEqualTo("EnrollmentWithdrawn");
    assertThat(events.get(4).header(CloudEventHeaders.SCHEMA_VERSION)).isEqualTo("2");
    JsonNode withdrawn = JSON.readTree(events.get(4).value());
    assertThat(withdrawn.path("reasonCode").asString()).isEqualTo("SERVICE_CLOSED_OR_MERGED");
    assertThat(withdrawn.has("reason")).as("the words stay in enrolment's history").isFalse();
  }

  @Test
  void anIndependentProviderIsDeclinedAndJoinsTheLearningNetwork() {
    String phaseId = scenario.widerPhase(scenario.programme(), 37);
    String serviceId = scenario.service(scenario.organisation("INDEPENDENT_SECTOR_PROVIDER"));

    Api.Response response =
        api.post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(serviceId, phaseId))
            .expect(201);

    assertThat(response.text("status")).isEqualTo("DECLINED");
    assertThat(response.body().path("learningNetwork").asBoolean()).isTrue();
    assertThat(response.text("declineReason")).isEqualTo("PROVIDER_NOT_ELIGIBLE");
    List<Message> events = eventsOf(response.id(), 2);
    assertThat(events.get(1).header(CloudEventHeaders.TYPE)).isEqualTo("EnrollmentDeclined");
    JsonNode declined = JSON.readTree(events.get(1).value());
    assertThat(declined.path("learningNetwork").asBoolean()).isTrue();
    assertThat(declined.path("reasonCode").asString()).isEqualTo("PROVIDER_NOT_ELIGIBLE");
    assertThat(declined.has("reason")).as("the words stay in enrolment's history").isFalse();
  }

  @Test
  void pilotInterestNotMetCarriesOverKeepingItsPlaceInLine() {
    String programmeId = scenario.programme();
    String pilotId = scenario.pilotPhase(programmeId, 1);
    String widerId = scenario.widerPhase(programmeId, 37);
    String enrolledInPilot = scenario.committedEnrollment(pilotId);
    scenario.admit(enrolledInPilot).expect(200);
    String waitlistedInPilot = scenario.committedEnrollment(pilotId);
    assertThat(scenario.admit(waitlistedInPilot).expect(200).text("status"))
        .isEqualTo("WAITLISTED");
    String interestedInPilot = scenario.interest(scenario.nhsService(), pilotId);

    JsonNode carried = api.post("/api/phases/" + widerId + "/carry-over").expect(200).body();

    assertThat(carried).hasSize(2);
    assertThat(carried.findValuesAsString("carriedOverFrom"))
        .containsExactlyInAnyOrder(waitlistedInPilot, interestedInPilot);
    JsonNode original = api.get("/api/enrollments/" + waitlistedInPilot).body();
    JsonNode copy =
        carried.get(0).path("carriedOverFrom").asString().equals(waitlistedInPilot)
            ? carried.get(0)
            : carried.get(1);
    assertThat(copy.path("appliedAt").asString()).isEqualTo(original.path("appliedAt").asString());
    assertThat(copy.path("status").asString()).isEqualTo("INTERESTED");
    assertThat(api.post("/api/phases/" + widerId + "/carry-over").expect(200).body()).isEmpty();
    List<Message> events = eventsOf(copy.path("id").asString(), 1);
    assertThat(JSON.readTree(events.get(0).value()).path("carriedOverFromEnrollmentId").asString())
        .isEqualTo(waitlistedInPilot);
  }

  @Test
  void erasureForgetsThePersonAndKeepsTheMembership() {
    String phaseId = scenario.widerPhase(scenario.programme(), 37);
    String enrollmentId = scenario.interest(scenario.nhsService(), phaseId);
    String memberId =
        scenario.member(
            enrollmentId, "LIVED_EXPERIENCE_PARTNER", "Robin Partner", "robin@example.org");

    JsonNode erased = api.post("/api/team-members/" + memberId + "/erasure").expect(200).body();

    assertThat(erased.path("name").isNull()).isTrue();
    assertThat(erased.path("email").isNull()).isTrue();
    assertThat(erased.path("role").asString()).isEqualTo("LIVED_EXPERIENCE_PARTNER");
    assertThat(erased.path("erasedAt").asString()).isNotBlank();
    assertThat(
            jdbc.sql("select count(*) from team_member where name = ? or email = ?")
                .params("Robin Partner", "robin@example.org")
                .query(Long.class)
                .single())
        .isZero();
    JsonNode team =
        api.get("/api/enrollments/" + enrollmentId + "/team-members").body().path("content");
    assertThat(team).hasSize(1);
    assertThat(team.get(0).path("id").asString()).isEqualTo(memberId);
    api.post("/api/team-members/" + memberId + "/erasure").expect(200);
  }

  @Test
  void everyTeamChangeCarriesTheNextRevisionOfTheTeam() {
    String phaseId = scenario.widerPhase(scenario.programme(), 37);
    String enrollmentId = scenario.interest(scenario.nhsService(), phaseId);
    String lead = scenario.member(enrollmentId, "SERVICE_LEAD", "Lee Lead", "lee@example.nhs.uk");
    scenario.member(enrollmentId, "QI_LEAD", "Quinn Improver", "quinn@example.nhs.uk");
    api.delete("/api/enrollments/" + enrollmentId + "/team-members/" + lead).expect(204);

    List<JsonNode> teams =
        eventsOf(enrollmentId, 4).stream()
            .filter(m -> "ProjectTeamUpdated".equals(m.type()))
            .map(m -> JSON.readTree(m.value()))
            .toList();

    assertThat(teams).extracting(t -> t.path("revision").asLong()).containsExactly(1L, 2L, 3L);
    assertThat(teams.get(2).path("members")).hasSize(1);
    assertThat(
            jdbc.sql("select team_revision from enrollment where id = ?")
                .param(UUID.fromString(enrollmentId))
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void theExecutiveCommitmentIsAnnouncedWithTheSponsorsIdOnly() {
    String phaseId = scenario.widerPhase(scenario.programme(), 37);
    String enrollmentId = scenario.interest(scenario.nhsService(), phaseId);
    String sponsor = scenario.commit(enrollmentId);

    Message commitment =
        eventsOf(enrollmentId, 3).stream()
            .filter(m -> "ExecutiveCommitmentConfirmed".equals(m.type()))
            .findFirst()
            .orElseThrow();

    JsonNode payload = JSON.readTree(commitment.value());
    assertThat(payload.path("sponsorMemberId").asString()).isEqualTo(sponsor);
    assertThat(payload.path("organisationInvolvement").asBoolean()).isTrue();
    assertThat(payload.path("teamChangeIdeas").asBoolean()).isTrue();
    assertThat(payload.path("proportionateDataCollection").asBoolean()).isTrue();
    assertThat(commitment.value()).doesNotContain("Sam Sponsor", "sam.sponsor@example.nhs.uk");
  }
}
