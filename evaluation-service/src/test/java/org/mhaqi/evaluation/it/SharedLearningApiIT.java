package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.mhaqi.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * The shared change-idea library over HTTP: one trust shares an idea, another trust's member finds
 * it with its PDSA outcomes and no name, adopts it, and the library shows the spread; withdrawing
 * takes it out; every decision is announced on evaluation.events, with ids and codes only.
 */
class SharedLearningApiIT extends EvaluationIntegrationTest {

  static final String MEMBER_ONE = "ana.lopez@trust-one.nhs.uk";
  static final String MEMBER_TWO = "ben.okafor@trust-two.nhs.uk";

  @Test
  void anotherTrustFindsASharedIdeaAdoptsItAndTheLibraryShowsTheSpread() {
    String marker = "zs" + UUID.randomUUID().toString().substring(0, 6);
    String odsOne = "QS" + marker.substring(2, 5).toUpperCase();
    String odsTwo = "QT" + marker.substring(2, 5).toUpperCase();
    EnrolledService one = enrol(4, odsOne);
    EnrolledService two = enrol(4, odsTwo);
    Api memberOne = api.as(TestTokens.token(MEMBER_ONE, Set.of("TRUST_MEMBER"), odsOne, null));
    Api memberTwo = api.as(TestTokens.token(MEMBER_TWO, Set.of("TRUST_MEMBER"), odsTwo, null));

    String huddle = recordIdea(memberOne, one, "Safety huddle " + marker);
    memberOne
        .post(
            expand("/api/change-ideas/{id}/cycles", huddle),
            json.writeValueAsString(
                Map.of(
                    "plan",
                    "Nights for two weeks",
                    "startedOn",
                    thisMonth().minusMonths(3).atDay(2).toString())))
        .expect(201);
    memberOne
        .post(
            expand("/api/change-ideas/{id}/cycles/1/outcome", huddle),
            json.writeValueAsString(
                Map.of(
                    "done", "Ran on 12 of 14 nights",
                    "study", "Restraints fell on huddle nights",
                    "act", "ADOPT",
                    "completedOn", thisMonth().minusMonths(2).atDay(15).toString())))
        .expect(200);

    // Trust one's chart of restraint: the months before the idea and since.
    for (int monthsAgo = 5; monthsAgo >= 1; monthsAgo--) {
      memberOne
          .post(
              expand("/api/services/{id}/data-returns", one.serviceId()),
              json.writeValueAsString(
                  DataReturnApiIT.restraintReturn(thisMonth().minusMonths(monthsAgo), 9, 3)))
          .expect(201);
    }

    // Not shared yet: another trust cannot read it.
    memberTwo.get(expand("/api/shared-change-ideas/{id}", huddle)).expect(404);
    assertThat(ids(memberTwo.get("/api/shared-change-ideas?q=" + marker).expect(200).body()))
        .isEmpty();

    // Only the idea's own trust decides to share it.
    memberTwo.post(expand("/api/change-ideas/{id}/sharing", huddle)).expect(404);
    JsonNode shared = memberOne.post(expand("/api/change-ideas/{id}/sharing", huddle)).body();
    assertThat(shared.path("shared").asBoolean()).isTrue();
    memberOne.post(expand("/api/change-ideas/{id}/sharing", huddle)).expect(409);

    JsonNode found = memberTwo.get("/api/shared-change-ideas?q=" + marker).expect(200).body();
    assertThat(ids(found)).containsExactly(huddle);
    JsonNode idea = found.get(0);
    assertThat(idea.path("problem").asString()).contains("de-escalation");
    assertThat(idea.path("coProduced").asBoolean()).isTrue();
    assertThat(idea.path("status").asString()).isEqualTo("ADOPTED");
    assertThat(idea.path("cycles").get(0).path("act").asString()).isEqualTo("ADOPT");
    assertThat(idea.path("cycles").get(0).path("study").asString())
        .isEqualTo("Restraints fell on huddle nights");
    assertThat(idea.path("region").asString()).isEqualTo("NORTH_WEST");
    assertThat(idea.toString()).doesNotContain(MEMBER_ONE, "ana.lopez", odsOne);
    // The service's SPC verdict since the idea's first cycle started, three months ago.
    assertThat(idea.path("startedIn").asString()).isEqualTo(thisMonth().minusMonths(3).toString());
    JsonNode spc = idea.path("spcSinceStart").get(0);
    assertThat(spc.path("measureCode").asString()).isEqualTo("RESTRICTIVE_INTERVENTIONS");
    assertThat(spc.path("monthsSince").asInt()).isEqualTo(3);
    assertThat(spc.path("variationIcon").asString()).isEqualTo("common-cause");
    assertThat(spc.path("trialLimits").asBoolean()).isTrue();
    // The filters.
    assertThat(ids(memberTwo.get("/api/shared-change-ideas?q=" + marker + "&outcome=ADOPT").body()))
        .containsExactly(huddle);
    assertThat(
            ids(memberTwo.get("/api/shared-change-ideas?q=" + marker + "&outcome=ABANDON").body()))
        .isEmpty();
    assertThat(
            ids(
                memberTwo
                    .get(
                        "/api/shared-change-ideas?q="
                            + marker
                            + "&measureCode=ASSAULTS_ON_STAFF&coProduced=true")
                    .body()))
        .isEmpty();
    assertThat(
            ids(
                memberTwo
                    .get("/api/shared-change-ideas?q=" + marker + "&phaseId=" + one.phaseId())
                    .body()))
        .containsExactly(huddle);
    assertThat(
            ids(
                memberTwo
                    .get("/api/shared-change-ideas?q=" + marker + "&phaseId=" + two.phaseId())
                    .body()))
        .isEmpty();

    // Trust two tries it: adopted from trust one's idea.
    String tried = recordIdea(memberTwo, two, "Huddles, our way " + marker);
    Api.Response adopted =
        memberTwo.post(
            expand("/api/change-ideas/{id}/adopted-from", tried),
            json.writeValueAsString(Map.of("sourceId", huddle)));
    assertThat(adopted.status()).as("%s", adopted.body()).isEqualTo(201);
    memberTwo.post(expand("/api/change-ideas/{id}/sharing", tried)).expect(200);
    // Back the other way would close a cycle.
    Api.Response cycle =
        memberOne.post(
            expand("/api/change-ideas/{id}/adopted-from", huddle),
            json.writeValueAsString(Map.of("sourceId", tried)));
    assertThat(cycle.status()).isEqualTo(422);
    assertThat(cycle.text("field")).isEqualTo("sourceId");

    JsonNode original = memberTwo.get(expand("/api/shared-change-ideas/{id}", huddle)).body();
    assertThat(original.path("adoptingTeams").asInt()).isEqualTo(1);
    assertThat(original.path("spread").get(0).path("changeIdeaId").asString()).isEqualTo(tried);
    assertThat(original.path("spread").get(0).path("generation").asInt()).isEqualTo(1);
    JsonNode copy = memberOne.get(expand("/api/shared-change-ideas/{id}", tried)).body();
    assertThat(copy.path("adoptedFromId").asString()).isEqualTo(huddle);
    // The most widely adopted first.
    assertThat(ids(memberTwo.get("/api/shared-change-ideas?q=" + marker).body()))
        .containsExactly(huddle, tried);

    // Withdrawn: out of the library, for everyone.
    memberOne.delete(expand("/api/change-ideas/{id}/sharing", huddle)).expect(200);
    memberOne.delete(expand("/api/change-ideas/{id}/sharing", huddle)).expect(409);
    memberTwo.get(expand("/api/shared-change-ideas/{id}", huddle)).expect(404);
    assertThat(ids(memberTwo.get("/api/shared-change-ideas?q=" + marker).body()))
        .containsExactly(tried);

    List<Message> announced;
    Set<String> keys = Set.of(one.enrollmentId().toString(), two.enrollmentId().toString());
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.EVALUATION_EVENTS)) {
      announced =
          reader.awaitMatching(
              m ->
                  keys.contains(m.key())
                      && Set.of(
                              "ChangeIdeaShared",
                              "ChangeIdeaSharingWithdrawn",
                              "ChangeIdeaAdoptedFrom")
                          .contains(m.type()),
              4,
              WAIT);
    }
    assertThat(announced)
        .extracting(Message::type)
        .containsExactlyInAnyOrder(
            "ChangeIdeaShared",
            "ChangeIdeaShared",
            "ChangeIdeaAdoptedFrom",
            "ChangeIdeaSharingWithdrawn");
    JsonNode adoption =
        announced.stream()
            .filter(m -> m.type().equals("ChangeIdeaAdoptedFrom"))
            .map(m -> json.readTree(m.value()))
            .findFirst()
            .orElseThrow();
    assertThat(adoption.path("changeIdeaId").asString()).isEqualTo(tried);
    assertThat(adoption.path("sourceChangeIdeaId").asString()).isEqualTo(huddle);
    assertThat(adoption.path("sourceServiceId").asString()).isEqualTo(one.serviceId().toString());
    assertThat(announced)
        .allSatisfy(
            m ->
                assertThat(m.value())
                    .doesNotContain(MEMBER_ONE, MEMBER_TWO, "ana.lopez", "ben.okafor", marker));
  }

  @Test
  void anIdeaIsAdoptedOnlyFromAnotherTeamsSharedIdea() {
    String ods = "QU" + UUID.randomUUID().toString().substring(0, 3).toUpperCase();
    EnrolledService service = enrol(4, ods);
    EnrolledService other = enrol(4, "QV" + ods.substring(2));
    Api member = api.as(TestTokens.token(MEMBER_ONE, Set.of("TRUST_MEMBER"), ods, null));
    String first = recordIdea(member, service, "First");
    String second = recordIdea(member, service, "Second");
    String unshared = recordIdea(api, other, "Not shared");

    Api.Response notShared =
        member.post(
            expand("/api/change-ideas/{id}/adopted-from", first),
            json.writeValueAsString(Map.of("sourceId", unshared)));
    assertThat(notShared.status()).isEqualTo(422);
    assertThat(notShared.text("field")).isEqualTo("sourceId");

    member.post(expand("/api/change-ideas/{id}/sharing", second)).expect(200);
    Api.Response sameService =
        member.post(
            expand("/api/change-ideas/{id}/adopted-from", first),
            json.writeValueAsString(Map.of("sourceId", second)));
    assertThat(sameService.status()).isEqualTo(422);
    assertThat(sameService.text("type")).endsWith("same-service");
    assertThat(
            jdbc.sql("select count(*) from change_idea_adoption where change_idea_id = ?")
                .param(UUID.fromString(first))
                .query(Long.class)
                .single())
        .isZero();
  }

  private String recordIdea(Api as, EnrolledService service, String title) {
    return as.post(
            expand("/api/services/{id}/change-ideas", service.serviceId()),
            json.writeValueAsString(
                ChangeIdeaApiIT.idea(
                    title,
                    "Daily de-escalation huddles naming patients at risk of restraint",
                    true,
                    "RESTRICTIVE_INTERVENTIONS")))
        .expect(201)
        .id();
  }

  private static List<String> ids(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false)
        .map(i -> i.path("id").asString())
        .toList();
  }
}
