package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.mhaqi.testing.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The learning network: the central team invites a provider declined as not eligible, records the
 * areas of the Mental Health Act reforms it would like to be involved in, and lists the members;
 * both announced on enrollment.events, keyed by the provider, with codes only.
 */
class LearningNetworkIT extends ServiceIntegrationTest {

  static final String MEMBERS = "/api/learning-network/members";

  Scenario scenario;

  @BeforeEach
  void setUp() {
    scenario = new Scenario(api);
  }

  @Test
  void aProviderDeclinedAsNotEligibleIsInvitedAndItsInterestIsListed() {
    String phaseId = scenario.widerPhase(scenario.programme(), 3);
    String provider = scenario.organisation("INDEPENDENT_SECTOR_PROVIDER");
    String declined = scenario.interest(scenario.service(provider), phaseId);
    String nhs = scenario.interest(scenario.nhsService(), phaseId);

    // An NHS service's interest, not declined as not eligible, does not lead into the network.
    Api.Response refused = api.post(MEMBERS, invitation(nhs));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("field")).isEqualTo("enrollmentId");

    JsonNode member = api.post(MEMBERS, invitation(declined)).expect(201).body();
    assertThat(member.path("organisationId").asString()).isEqualTo(provider);
    assertThat(member.path("providerType").asString()).isEqualTo("INDEPENDENT_SECTOR_PROVIDER");
    api.post(MEMBERS, invitation(declined)).expect(409);

    String interests = MEMBERS + "/" + provider + "/interests";
    api.post(
            interests,
            """
            {"areas":["NOMINATED_PERSON","INDEPENDENT_ADVOCACY","NOMINATED_PERSON"],
             "expressedOn":"2024-07-01"}""")
        .expect(201);
    Api.Response future =
        api.post(interests, "{\"areas\":[\"TRIBUNALS\"],\"expressedOn\":\"2999-01-01\"}");
    assertThat(future.status()).isEqualTo(422);
    assertThat(future.text("field")).isEqualTo("expressedOn");
    api.post(
            MEMBERS + "/" + nhsOrganisationOf(nhs) + "/interests",
            "{\"areas\":[\"TRIBUNALS\"],\"expressedOn\":\"2024-07-01\"}")
        .expect(404);

    JsonNode listed =
        api.get(MEMBERS)
            .expect(200)
            .body()
            .valueStream()
            .filter(m -> m.path("organisationId").asString().equals(provider))
            .findFirst()
            .orElseThrow();
    assertThat(listed.path("interests").get(0).path("areas").toString())
        .isEqualTo("[\"NOMINATED_PERSON\",\"INDEPENDENT_ADVOCACY\"]");
    assertThat(listed.path("interests").get(0).path("expressedOn").asString())
        .isEqualTo("2024-07-01");

    List<Message> announced;
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.ENROLLMENT_EVENTS)) {
      announced = reader.awaitMatching(m -> provider.equals(m.key()), 2, Duration.ofSeconds(60));
    }
    assertThat(announced)
        .extracting(Message::type)
        .containsExactly("LearningNetworkJoined", "FutureInvolvementInterestRecorded");
  }

  private String nhsOrganisationOf(String enrollmentId) {
    return api.get("/api/enrollments/" + enrollmentId).expect(200).text("organisationId");
  }

  private static String invitation(String enrollmentId) {
    return "{\"enrollmentId\":\"%s\"}".formatted(enrollmentId);
  }
}
