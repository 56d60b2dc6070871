package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import tools.jackson.databind.JsonNode;

/** Change ideas, their PDSA cycles and the shared library over HTTP, with ChangeIdeaRecorded. */
class ChangeIdeaApiIT extends EvaluationIntegrationTest {

  static final String IDEAS = "/api/services/{serviceId}/change-ideas";

  static Map<String, Object> idea(
      String title, String description, boolean coProduced, String... measures) {
    return Map.of(
        "title", title,
        "description", description,
        "coProduced", coProduced,
        "measureCodes", List.of(measures));
  }

  @Test
  void aRecordedIdeaIsAnnouncedAndRunsItsCyclesToADecision() {
    EnrolledService e = enrol(3);

    Api.Response recorded =
        postJson(
            IDEAS,
            idea(
                "Safety huddle at handover",
                "Ten minutes at each handover naming patients at risk of restraint, with a plan",
                true,
                "RESTRICTIVE_INTERVENTIONS",
                "ASSAULTS_ON_STAFF"),
            e.serviceId());

    assertThat(recorded.status()).as("%s", recorded.body()).isEqualTo(201);
    String id = recorded.body().path("id").asString();
    assertThat(recorded.body().path("status").asString()).isEqualTo("PROPOSED");
    Message event;
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.EVALUATION_EVENTS)) {
      event =
          reader.awaitFirst(
              m ->
                  e.enrollmentId().toString().equals(m.key())
                      && "ChangeIdeaRecorded".equals(m.type()),
              WAIT);
    }
    JsonNode payload = json.readTree(event.value());
    assertThat(payload.path("changeIdeaId").asString()).isEqualTo(id);
    assertThat(payload.path("coProduced").asBoolean()).isTrue();
    assertThat(payload.has("title")).as("the team's words stay in evaluation-service").isFalse();
    assertThat(event.header("ce_schemaversion")).isEqualTo("2");
    assertThat(payload.path("measureCodes").toString())
        .isEqualTo("[\"RESTRICTIVE_INTERVENTIONS\",\"ASSAULTS_ON_STAFF\"]");

    String monday = thisMonth().minusMonths(2).atDay(1).toString();
    Api.Response cycle =
        postJson(
            "/api/change-ideas/{id}/cycles",
            Map.of("plan", "Night shift for two weeks", "startedOn", monday),
            id);
    assertThat(cycle.status()).as("%s", cycle.body()).isEqualTo(201);
    assertThat(cycle.body().path("number").asInt()).isEqualTo(1);
    Api.Response second =
        postJson(
            "/api/change-ideas/{id}/cycles", Map.of("plan", "Too early", "startedOn", monday), id);
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.contentType()).isEqualTo("application/problem+json");

    Api.Response outcome =
        postJson(
            "/api/change-ideas/{id}/cycles/1/outcome",
            Map.of(
                "done", "Ran on 12 of 14 nights",
                "study", "Restraints fell on huddle nights",
                "act", "ADOPT",
                "completedOn", thisMonth().minusMonths(2).atDay(15).toString()),
            id);
    assertThat(outcome.status()).as("%s", outcome.body()).isEqualTo(200);
    JsonNode read = get("/api/change-ideas/{id}", id).body();
    assertThat(read.path("status").asString()).isEqualTo("ADOPTED");
    assertThat(read.path("cycles").get(0).path("act").asString()).isEqualTo("ADOPT");
  }

  @Test
  void theLibraryIsSearchedAcrossTeamsByTextAndFilters() {
    EnrolledService ward = enrol(3);
    EnrolledService picu = enrol(3);
    String marker = "zq" + UUID.randomUUID().toString().substring(0, 6);
    String huddle =
        postJson(
                IDEAS,
                idea(
                    "Huddle " + marker,
                    "Daily de-escalation huddles on the ward",
                    true,
                    "RESTRICTIVE_INTERVENTIONS"),
                ward.serviceId())
            .body()
            .path("id")
            .asString();
    String carePlans =
        postJson(
                IDEAS,
                idea(
                    "Care plan clinic " + marker,
                    "Weekly clinic to co-produce care plans",
                    false,
                    "CARE_PLANS_CO_PRODUCED"),
                picu.serviceId())
            .body()
            .path("id")
            .asString();

    assertThat(ids(get("/api/change-ideas?q=" + marker).body()))
        .containsExactlyInAnyOrder(huddle, carePlans);
    assertThat(ids(get("/api/change-ideas?q=" + marker + " huddles").body()))
        .containsExactly(huddle);
    assertThat(ids(get("/api/change-ideas?q=" + marker + "&coProduced=false").body()))
        .containsExactly(carePlans);
    assertThat(
            ids(
                get("/api/change-ideas?q=" + marker + "&measureCode=RESTRICTIVE_INTERVENTIONS")
                    .body()))
        .containsExactly(huddle);
    assertThat(ids(get("/api/change-ideas?serviceId=" + picu.serviceId()).body()))
        .containsExactly(carePlans);
    assertThat(ids(get("/api/change-ideas?q=" + marker + "&status=ADOPTED").body())).isEmpty();
    assertThat(ids(get("/api/change-ideas?q=" + marker + "&region=NORTH_WEST").body())).hasSize(2);
    assertThat(ids(get("/api/change-ideas?q=" + marker + "&region=LONDON").body())).isEmpty();
  }

  @Test
  void badIdeasAreProblemsNamingTheFieldAndWriteNothing() {
    EnrolledService e = enrol(3);

    Api.Response unknownMeasure =
        postJson(
            IDEAS,
            idea("Idea", "Described", false, "RESTRICTIVE_INTERVENTIONS", "NOT_A_MEASURE"),
            e.serviceId());
    Api.Response noMeasure = postJson(IDEAS, idea("Idea", "Described", false), e.serviceId());
    Api.Response noTitle =
        postJson(IDEAS, idea(" ", "Described", false, "RESTRICTIVE_INTERVENTIONS"), e.serviceId());
    Api.Response unknownService =
        postJson(
            IDEAS,
            idea("Idea", "Described", false, "RESTRICTIVE_INTERVENTIONS"),
            UUID.randomUUID());

    assertThat(unknownMeasure.status()).isEqualTo(422);
    assertThat(unknownMeasure.body().path("field").asString()).isEqualTo("measureCodes[1]");
    assertThat(noMeasure.status()).isEqualTo(400);
    assertThat(noMeasure.body().path("field").asString()).isEqualTo("measureCodes");
    assertThat(noTitle.status()).isEqualTo(400);
    assertThat(noTitle.body().path("field").asString()).isEqualTo("title");
    assertThat(unknownService.status()).isEqualTo(404);
    assertThat(
            jdbc.sql("SELECT count(*) FROM change_idea WHERE service_id = ?")
                .param(e.serviceId())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(outboxEvents(e.enrollmentId())).isZero();
  }

  private static List<String> ids(JsonNode ideas) {
    return StreamSupport.stream(ideas.spliterator(), false)
        .map(i -> i.path("id").asString())
        .toList();
  }
}
