package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * An administrator redacts a person's name wherever evaluation keeps free text or a recorded actor:
 * gone from the API's answers and the database, everything else as it was, and the audit row
 * records the operation without the name.
 */
class RedactionIT extends EvaluationIntegrationTest {

  static final String RESTRAINT = "RESTRICTIVE_INTERVENTIONS";
  static final String REDACTIONS = "/api/admin/redactions";

  /** Every column the redaction covers, for checking the database directly. */
  static final List<String> COLUMNS =
      List.of(
          "change_idea.title",
          "change_idea.description",
          "change_idea.recorded_by",
          "pdsa_cycle.plan",
          "pdsa_cycle.done",
          "pdsa_cycle.study",
          "change_idea_sharing_decision.decided_by",
          "change_idea_adoption.recorded_by",
          "data_return.correction_reason",
          "data_return.submitted_by",
          "time_commitment_return.submitted_by",
          "spc_decision.reason",
          "spc_decision.recorded_by",
          "spc_decision.withdrawn_by",
          "measure_target.set_by");

  @Test
  void aNameIsReplacedInEveryFreeTextFieldAndRecordedActorAndNothingElseChanges() {
    String surname = uniqueWord();
    String name = "Ada " + surname;
    EnrolledService e = enrol(4, "RX4");
    // A trust member whose token subject is the name, writing it into free text too.
    Api member = api.as(TestTokens.token(name, Set.of("TRUST_MEMBER"), "RX4", null));
    String idea =
        member
            .post(
                expand("/api/services/{id}/change-ideas", e.serviceId()),
                json.writeValueAsString(
                    idea("Huddles", "Agreed with " + name.toUpperCase() + " at handover")))
            .expect(201)
            .id();
    member.post(expand("/api/change-ideas/{id}/sharing", idea)).expect(200);
    member
        .post(
            expand("/api/change-ideas/{id}/cycles", idea),
            json.writeValueAsString(
                Map.of(
                    "plan",
                    "Run by " + name.toLowerCase() + " on nights",
                    "startedOn",
                    thisMonth().minusMonths(1).atDay(1).toString())))
        .expect(201);
    String decision =
        member
            .post(
                expand(
                    "/api/services/{id}/measures/{code}/spc-decisions", e.serviceId(), RESTRAINT),
                json.writeValueAsString(
                    Map.of(
                        "kind",
                        "BASELINE",
                        "month",
                        thisMonth().minusMonths(1).toString(),
                        "reason",
                        "Per " + name)))
            .expect(201)
            .id();
    YearMonth month = thisMonth().minusMonths(2);
    member
        .post(
            expand("/api/services/{id}/data-returns", e.serviceId()),
            json.writeValueAsString(dataReturn(month, 4, null)))
        .expect(201);
    member
        .post(
            expand("/api/services/{id}/data-returns", e.serviceId()),
            json.writeValueAsString(dataReturn(month, 3, "Miscounted by " + name)))
        .expect(201);
    member
        .post(
            expand("/api/services/{id}/time-commitment", e.serviceId()),
            json.writeValueAsString(
                Map.of(
                    "weekStarting",
                    today()
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .minusWeeks(1)
                        .toString(),
                    "teamMembers",
                    4,
                    "qiHours",
                    "6",
                    "coachingHours",
                    "2")))
        .expect(201);
    // A member of the central team whose token subject is the name sets a target.
    api.as(TestTokens.token(name, Set.of("ADMIN"), null, null))
        .post(
            expand("/api/measures/{code}/targets", RESTRAINT),
            json.writeValueAsString(Map.of("value", 9, "serviceId", e.serviceId().toString())))
        .expect(201);
    // And publishes the phase's report.
    api.as(TestTokens.token(name, Set.of("ADMIN"), null, null))
        .post(expand("/api/reports/phases/{id}/publication", e.phaseId()))
        .expect(201);
    // Another member's idea, without the name: left as it is.
    String untouched =
        api.as(TestTokens.token("another.member", Set.of("TRUST_MEMBER"), "RX4", null))
            .post(
                expand("/api/services/{id}/change-ideas", e.serviceId()),
                json.writeValueAsString(idea("Quiet hour", "Agreed with Ada at the ward round")))
            .expect(201)
            .id();
    JsonNode untouchedBefore = api.get("/api/change-ideas/" + untouched).expect(200).body();

    Api.Response answer =
        api.post(REDACTIONS, json.writeValueAsString(Map.of("text", name.toLowerCase())))
            .expect(200);

    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("changeIdea.title", 0);
    expected.put("changeIdea.description", 1);
    expected.put("changeIdea.recordedBy", 1);
    expected.put("pdsaCycle.plan", 1);
    expected.put("pdsaCycle.done", 0);
    expected.put("pdsaCycle.study", 0);
    expected.put("changeIdeaSharing.decidedBy", 1);
    expected.put("changeIdeaAdoption.recordedBy", 0);
    expected.put("dataReturn.correctionReason", 1);
    expected.put("dataReturn.submittedBy", 2);
    expected.put("timeCommitment.submittedBy", 1);
    expected.put("spcDecision.reason", 1);
    expected.put("spcDecision.recordedBy", 1);
    expected.put("spcDecision.withdrawnBy", 0);
    expected.put("measureTarget.setBy", 1);
    expected.put("reportPublication.publishedBy", 1);
    expected.put("reportPublication.withdrawnBy", 0);
    Map<String, Integer> changed = new LinkedHashMap<>();
    answer
        .body()
        .path("fieldsChanged")
        .properties()
        .forEach(f -> changed.put(f.getKey(), f.getValue().asInt()));
    assertThat(changed).isEqualTo(expected);

    JsonNode redactedIdea = api.get("/api/change-ideas/" + idea).expect(200).body();
    assertThat(redactedIdea.path("description").asString())
        .isEqualTo("Agreed with [redacted] at handover");
    assertThat(redactedIdea.path("cycles").get(0).path("plan").asString())
        .isEqualTo("Run by [redacted] on nights");
    JsonNode decisions =
        api.get(
                expand(
                    "/api/services/{id}/measures/{code}/spc-decisions", e.serviceId(), RESTRAINT))
            .expect(200)
            .body();
    assertThat(decisions.get(0).path("id").asString()).isEqualTo(decision);
    assertThat(decisions.get(0).path("reason").asString()).isEqualTo("Per [redacted]");
    assertThat(decisions.get(0).path("recordedBy").asString()).isEqualTo("[redacted]");
    JsonNode history =
        api.get(
                expand(
                    "/api/services/{id}/data-returns/{code}/{month}",
                    e.serviceId(),
                    RESTRAINT,
                    month))
            .expect(200)
            .body();
    assertThat(history.get(1).path("correctionReason").asString())
        .isEqualTo("Miscounted by [redacted]");
    assertThat(history.get(1).path("strata").get(0).path("numerator").asInt()).isEqualTo(3);

    for (String column : COLUMNS) {
      String[] tableAndColumn = column.split("\\.");
      assertThat(
              jdbc.sql(
                      "select count(*) from "
                          + tableAndColumn[0]
                          + " where "
                          + tableAndColumn[1]
                          + " ilike ?")
                  .param("%" + surname + "%")
                  .query(Long.class)
                  .single())
          .as(column)
          .isZero();
    }
    assertThat(api.get("/api/change-ideas/" + untouched).expect(200).body())
        .isEqualTo(untouchedBefore);

    // Audited as the operation, never with the text.
    Map<String, Object> audit =
        jdbc.sql("select * from audit_event where request_id = ?")
            .param(answer.header("X-Request-Id"))
            .query()
            .singleRow();
    assertThat(audit)
        .containsEntry("operation", "POST " + REDACTIONS)
        .containsEntry("subject", "test-admin");
    // The member's own requests keep their subject there: the audit trail is not redacted.
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event a where request_id = ?"
                        + " and cast(a as text) ilike ?")
                .params(answer.header("X-Request-Id"), "%" + surname + "%")
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void theTextIsMatchedLiterallyNotAsAPattern() {
    String word = uniqueWord();
    EnrolledService e = enrol(4, "RX4");
    String literal =
        api.post(
                expand("/api/services/{id}/change-ideas", e.serviceId()),
                json.writeValueAsString(idea("Tally", "Counted 1+1=2 (" + word + ") today")))
            .expect(201)
            .id();
    String lookalike =
        api.post(
                expand("/api/services/{id}/change-ideas", e.serviceId()),
                json.writeValueAsString(idea("Tally", "Counted 11=2 " + word + " today")))
            .expect(201)
            .id();

    api.post(REDACTIONS, json.writeValueAsString(Map.of("text", "1+1=2 (" + word + ")")))
        .expect(200);

    assertThat(api.get("/api/change-ideas/" + literal).body().path("description").asString())
        .isEqualTo("Counted [redacted] today");
    assertThat(api.get("/api/change-ideas/" + lookalike).body().path("description").asString())
        .isEqualTo("Counted 11=2 " + word + " today");
  }

  @Test
  void onlyAnAdministratorRedactsAndTheTextMustBeThreeToTwoHundredCharacters() {
    assertThat(api.post(REDACTIONS, "{\"text\": \"ab\"}").expect(400).text("field"))
        .isEqualTo("text");
    assertThat(api.post(REDACTIONS, "{\"text\": \"   \"}").expect(400).text("field"))
        .isEqualTo("text");
    assertThat(
            api.post(REDACTIONS, json.writeValueAsString(Map.of("text", "x".repeat(201))))
                .expect(400)
                .text("field"))
        .isEqualTo("text");
    String body = "{\"text\": \"" + uniqueWord() + "\"}";
    assertThat(api.as(TestTokens.trustMember("RX4")).post(REDACTIONS, body).status())
        .isEqualTo(403);
    assertThat(api.as(TestTokens.analyst()).post(REDACTIONS, body).status()).isEqualTo(403);
    assertThat(api.anonymous().post(REDACTIONS, body).status()).isEqualTo(401);
  }

  private static String uniqueWord() {
    StringBuilder word = new StringBuilder("Zq");
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }

  private static Map<String, Object> idea(String title, String description) {
    return Map.of(
        "title",
        title,
        "description",
        description,
        "coProduced",
        false,
        "measureCodes",
        List.of(RESTRAINT));
  }

  private static Map<String, Object> dataReturn(
      YearMonth month, int numerator, String correctionReason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("measureCode", RESTRAINT);
    body.put("month", month.toString());
    if (correctionReason != null) {
      body.put("correction", true);
      body.put("correctionReason", correctionReason);
    }
    body.put("strata", List.of(Map.of("code", "A", "numerator", numerator, "denominator", 400)));
    return body;
  }
}
