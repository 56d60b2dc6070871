package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.mhaqi.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erasure forgets a project team member everywhere enrollment-service holds them (the member record
 * and the free text naming them) in one transaction, and announces it with ids only; redaction
 * takes a text out of all free text; neither touches anything else.
 */
class ErasureAndRedactionIT extends ServiceIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  Scenario scenario;
  String phaseId;

  @BeforeEach
  void setUp() {
    scenario = new Scenario(api);
    phaseId = scenario.widerPhase(scenario.programme(), 37);
  }

  private String odsCodeOf(String enrollmentId) {
    String organisationId = api.get("/api/enrollments/" + enrollmentId).text("organisationId");
    return api.get("/api/organisations/" + organisationId).text("odsCode");
  }

  /** Every free-text value of the enrolments, to compare before and after. */
  private List<Map<String, Object>> freeText() {
    return jdbc.sql(
            "select t.id, t.reason, t.actor, e.commitment_confirmed_by from enrollment_transition t"
                + " join enrollment e on e.id = t.enrollment_id order by t.id")
        .query()
        .listOfRows();
  }

  private long mentions(String text) {
    return jdbc.sql(
            "select count(*) from enrollment_transition t join enrollment e"
                + " on e.id = t.enrollment_id where strpos(lower(t.reason), lower(:t)) > 0"
                + " or strpos(lower(t.actor), lower(:t)) > 0"
                + " or strpos(lower(e.commitment_confirmed_by), lower(:t)) > 0")
        .param("t", text)
        .query(Long.class)
        .single();
  }

  @Test
  void erasureRedactsTheMemberFromFreeTextAndAnnouncesItWithIdsOnly() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String name = "Priya Erasable" + suffix;
    String email = "priya." + suffix + "@example.nhs.uk";
    String enrollmentId = scenario.interest(scenario.nhsService(), phaseId);
    String odsCode = odsCodeOf(enrollmentId);
    String memberId = scenario.member(enrollmentId, "EXECUTIVE_SPONSOR", name, email);
    // She confirms the commitment herself (her e-mail address is her user name) ...
    api.as(TestTokens.token(email, Set.of("TRUST_MEMBER"), odsCode, null))
        .put(
            "/api/enrollments/" + enrollmentId + "/executive-commitment",
            """
            {"sponsorMemberId":"%s","organisationInvolvement":true,"teamChangeIdeas":true,
             "proportionateDataCollection":true}"""
                .formatted(memberId))
        .expect(200);
    // ... and the programme declines the application with a reason naming her.
    api.post(
            "/api/enrollments/" + enrollmentId + "/decline",
            "{\"reason\":\"Agreed on a call with %s (%s)\"}".formatted(name.toUpperCase(), email))
        .expect(200);
    // Someone else's enrolment whose free text must stay as it is.
    String other = scenario.interest(scenario.nhsService(), phaseId);
    api.post("/api/enrollments/" + other + "/decline", "{\"reason\":\"Ward closing\"}").expect(200);
    assertThat(mentions(name)).isEqualTo(1);
    assertThat(mentions(email)).isEqualTo(2);
    List<Map<String, Object>> before = freeText();

    JsonNode erased =
        api.as(TestTokens.trustMember(odsCode))
            .post("/api/team-members/" + memberId + "/erasure")
            .expect(200)
            .body();

    assertThat(erased.path("name").isNull()).isTrue();
    assertThat(erased.path("email").isNull()).isTrue();
    assertThat(mentions(name)).isZero();
    assertThat(mentions(email)).isZero();
    String answers =
        api.get("/api/enrollments/" + enrollmentId).body().toString()
            + api.get("/api/enrollments/" + enrollmentId + "/team-members").body();
    assertThat(answers).doesNotContainIgnoringCase(name).doesNotContainIgnoringCase(email);
    JsonNode history = api.get("/api/enrollments/" + enrollmentId + "/history").body();
    assertThat(history.get(history.size() - 1).path("reason").asString())
        .isEqualTo("Agreed on a call with [redacted] ([redacted])");
    assertThat(
            api.get("/api/enrollments/" + enrollmentId)
                .body()
                .path("executiveCommitment")
                .path("confirmedBy")
                .asString())
        .isEqualTo("[redacted]");
    // Only her mentions changed.
    List<Map<String, Object>> after = freeText();
    assertThat(after).hasSameSizeAs(before);
    long changed =
        java.util.stream.IntStream.range(0, before.size())
            .filter(i -> !before.get(i).equals(after.get(i)))
            .count();
    assertThat(changed)
        .isEqualTo(
            jdbc.sql("select count(*) from enrollment_transition where enrollment_id = ?")
                .param(UUID.fromString(enrollmentId))
                .query(Long.class)
                .single());
    assertThat(api.get("/api/enrollments/" + other + "/history").body().toString())
        .contains("Ward closing");

    // Announced in the same transaction through the outbox: ids and a time, nothing personal.
    List<String> announced =
        jdbc.sql(
                "select payload::text from outbox_event where event_type = 'TeamMemberErased'"
                    + " and message_key = ?")
            .param(enrollmentId)
            .query(String.class)
            .list();
    assertThat(announced).hasSize(1);
    JsonNode event = JSON.readTree(announced.get(0));
    assertThat(event.path("memberId").asString()).isEqualTo(memberId);
    assertThat(event.path("enrollmentId").asString()).isEqualTo(enrollmentId);
    assertThat(event.path("erasedAt").asString()).isNotBlank();
    assertThat(announced.get(0)).doesNotContainIgnoringCase(name).doesNotContainIgnoringCase(email);

    // Erasing again changes and announces nothing.
    api.post("/api/team-members/" + memberId + "/erasure").expect(200);
    assertThat(
            jdbc.sql(
                    "select count(*) from outbox_event where event_type = 'TeamMemberErased'"
                        + " and message_key = ?")
                .param(enrollmentId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void anotherOrganisationsTrustMemberCannotEraseAndNothingChanges() {
    String enrollmentId = scenario.interest(scenario.nhsService(), phaseId);
    String memberId =
        scenario.member(enrollmentId, "SERVICE_LEAD", "Kept Person", "kept@example.nhs.uk");
    String stranger = odsCodeOf(scenario.interest(scenario.nhsService(), phaseId));

    assertThat(
            api.as(TestTokens.trustMember(stranger))
                .post("/api/team-members/" + memberId + "/erasure")
                .status())
        .isEqualTo(404);
    assertThat(
            jdbc.sql("select name from team_member where id = ?")
                .param(UUID.fromString(memberId))
                .query(String.class)
                .single())
        .isEqualTo("Kept Person");
    assertThat(
            jdbc.sql(
                    "select count(*) from outbox_event where event_type = 'TeamMemberErased'"
                        + " and message_key = ?")
                .param(enrollmentId)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void redactionReplacesTheTextInEveryReasonAndNothingElse() {
    String person = "Dr Zebedee Quux" + UUID.randomUUID().toString().substring(0, 8);
    String first = scenario.interest(scenario.nhsService(), phaseId);
    String second = scenario.interest(scenario.nhsService(), phaseId);
    String untouched = scenario.interest(scenario.nhsService(), phaseId);
    api.post(
            "/api/enrollments/" + first + "/decline",
            "{\"reason\":\"%s said no; ask %s\"}".formatted(person, person.toLowerCase()))
        .expect(200);
    api.post(
            "/api/enrollments/" + second + "/decline",
            "{\"reason\":\"Per %s\"}".formatted(person.toUpperCase()))
        .expect(200);
    api.post("/api/enrollments/" + untouched + "/decline", "{\"reason\":\"Per the board\"}")
        .expect(200);
    List<Map<String, Object>> before = freeText();

    Api.Response redacted =
        api.post("/api/admin/redactions", "{\"text\":\"%s\"}".formatted(person)).expect(200);

    assertThat(redacted.body().path("fieldsChanged").path("transitionReason").asInt()).isEqualTo(2);
    assertThat(redacted.body().path("fieldsChanged").path("transitionActor").asInt()).isZero();
    assertThat(redacted.body().path("fieldsChanged").path("commitmentConfirmedBy").asInt())
        .isZero();
    assertThat(mentions(person)).isZero();
    assertThat(reasonOf(first)).isEqualTo("[redacted] said no; ask [redacted]");
    assertThat(reasonOf(second)).isEqualTo("Per [redacted]");
    assertThat(reasonOf(untouched)).isEqualTo("Per the board");
    List<Map<String, Object>> after = freeText();
    long changed =
        java.util.stream.IntStream.range(0, before.size())
            .filter(i -> !before.get(i).equals(after.get(i)))
            .count();
    assertThat(changed).isEqualTo(2);
    // Audited as an operation; the text itself is not kept in the audit trail.
    String row =
        jdbc.sql("select row_to_json(a)::text from audit_event a where request_id = ?")
            .param(redacted.header("X-Request-Id"))
            .query(String.class)
            .single();
    assertThat(row).contains("POST /api/admin/redactions").doesNotContainIgnoringCase(person);
  }

  @Test
  void redactionIsForAdministratorsAndTakesThreeToTwoHundredCharacters() {
    assertThat(
            api.as(TestTokens.trustMember("RX4"))
                .post("/api/admin/redactions", "{\"text\":\"Some person\"}")
                .status())
        .isEqualTo(403);
    Api.Response tooShort = api.post("/api/admin/redactions", "{\"text\":\"ab\"}");
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(tooShort.text("field")).isEqualTo("text");
    Api.Response tooLong =
        api.post("/api/admin/redactions", "{\"text\":\"%s\"}".formatted("x".repeat(201)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.text("field")).isEqualTo("text");
  }

  private String reasonOf(String enrollmentId) {
    JsonNode history = api.get("/api/enrollments/" + enrollmentId + "/history").body();
    return history.get(history.size() - 1).path("reason").asString();
  }
}
