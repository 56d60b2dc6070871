package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.mhaqi.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Targets of the catalogue set by the central team: versions and history, validation, who may set
 * them, MeasureTargetSet on the topic, and the assurance and icons they give the reports.
 */
class MeasureTargetApiIT extends EvaluationIntegrationTest {

  static final String TARGETS = "/api/measures/{code}/targets";
  static final String RESTRAINT = "RESTRICTIVE_INTERVENTIONS";

  /** Set measure-wide here only: no other test reads its assurance. */
  static final String CARE_PLANS = "CARE_PLANS_CO_PRODUCED";

  static Map<String, Object> target(Object value, UUID phaseId, UUID serviceId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("value", value);
    body.put("phaseId", phaseId);
    body.put("serviceId", serviceId);
    return body;
  }

  long targetRows() {
    return jdbc.sql("select count(*) from measure_target").query(Long.class).single();
  }

  /**
   * Twelve monthly restraint returns ending last month: 4 at 40 per 1,000, then 8 at 15. Mean (160
   * + 120) / 12 = 23.333; one moving range of 25, MR-bar 25 / 11 = 2.2727; limits 23.333 +/- 6.0455
   * = 17.288 to 29.379. The 8 months at 15 lie below the lower limit: special cause, low, an
   * improvement for a measure that should fall.
   */
  void returnAYearOfRestraint(EnrolledService e) {
    YearMonth first = thisMonth().minusMonths(12);
    StringBuilder csv =
        new StringBuilder("measure_code,month,stratum_code,numerator,denominator\n");
    for (int i = 0; i < 12; i++) {
      csv.append(RESTRAINT + "," + first.plusMonths(i) + ",A," + (i < 4 ? 200 : 75) + ",5000\n");
    }
    postCsv("/api/services/{id}/data-returns", csv.toString(), e.serviceId()).expect(201);
  }

  JsonNode measureOf(Api.Response report, String code) {
    assertThat(report.status()).as("%s", report.body()).isEqualTo(200);
    for (JsonNode m : report.body().path("measures")) {
      if (code.equals(m.path("code").asString())) {
        return m;
      }
    }
    throw new AssertionError("no " + code + " in " + report.body());
  }

  @Test
  void aChangedTargetIsANewVersionAndTheFirstStaysInTheHistory() {
    EnrolledService e = enrol(2);

    Api.Response first = postJson(TARGETS, target(12.5, e.phaseId(), null), RESTRAINT);
    Api.Response changed = postJson(TARGETS, target(10, e.phaseId(), null), RESTRAINT);

    assertThat(first.status()).as("%s", first.body()).isEqualTo(201);
    assertThat(first.body().path("version").asInt()).isEqualTo(1);
    assertThat(first.body().path("setBy").asString()).isEqualTo("test-admin");
    assertThat(first.body().path("setAt").isNull()).isFalse();
    assertThat(changed.status()).isEqualTo(201);
    assertThat(changed.body().path("version").asInt()).isEqualTo(2);
    assertThat(changed.body().path("targetId").asString())
        .isEqualTo(first.body().path("targetId").asString());
    List<JsonNode> current = new ArrayList<>();
    read(TARGETS, RESTRAINT).forEach(current::add);
    assertThat(current)
        .filteredOn(t -> t.path("phaseId").asString().equals(e.phaseId().toString()))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.path("version").asInt()).isEqualTo(2);
              assertThat(t.path("value").asDouble()).isEqualTo(10.0);
            });
    List<JsonNode> history = new ArrayList<>();
    read(TARGETS + "/history", RESTRAINT).forEach(history::add);
    assertThat(history)
        .filteredOn(t -> t.path("phaseId").asString().equals(e.phaseId().toString()))
        .extracting(t -> t.path("value").asDouble())
        .containsExactly(12.5, 10.0);
    // Audited as every change through the API is.
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where operation = ? and subject = ?"
                        + " and target ->> 'code' = ?")
                .params("POST /api/measures/{code}/targets", "test-admin", RESTRAINT)
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void eachSetTargetIsAnnouncedOnTheTopicKeyedByTheTargetWithoutWhoSetIt() {
    EnrolledService e = enrol(3);
    String targetId =
        postJson(TARGETS, target(7.5, null, e.serviceId()), RESTRAINT).expect(201).text("targetId");
    postJson(TARGETS, target(6, null, e.serviceId()), RESTRAINT).expect(201);

    List<Message> set;
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.EVALUATION_EVENTS)) {
      set = reader.awaitMatching(m -> targetId.equals(m.key()), 2, WAIT);
    }
    assertThat(set).extracting(Message::type).containsOnly("MeasureTargetSet");
    assertThat(set.get(0).header(CloudEventHeaders.SUBJECT)).isEqualTo(targetId);
    JsonNode first = json.readTree(set.get(0).value());
    JsonNode second = json.readTree(set.get(1).value());
    assertThat(first.path("measureCode").asString()).isEqualTo(RESTRAINT);
    assertThat(first.path("serviceId").asString()).isEqualTo(e.serviceId().toString());
    assertThat(first.path("phaseId").isNull()).isTrue();
    assertThat(first.path("version").asInt()).isEqualTo(1);
    assertThat(first.path("value").asDouble()).isEqualTo(7.5);
    assertThat(second.path("version").asInt()).isEqualTo(2);
    assertThat(second.path("value").asDouble()).isEqualTo(6.0);
    assertThat(set.get(0).value()).doesNotContain("test-admin");
  }

  @Test
  void theMostSpecificTargetGivesEachReportItsAssuranceAndIcons() {
    EnrolledService e = enrol(2);
    returnAYearOfRestraint(e);
    String phaseReport = expand("/api/reports/phases/{p}", e.phaseId());
    String serviceReport =
        expand("/api/reports/phases/{p}/services/{s}", e.phaseId(), e.serviceId());
    JsonNode without = measureOf(api.get(serviceReport), RESTRAINT);
    assertThat(without.path("target").isNull()).isTrue();
    assertThat(without.path("assurance").isNull()).isTrue();
    assertThat(without.path("assuranceIcon").isNull()).isTrue();
    assertThat(without.path("variationIcon").asString()).isEqualTo("improvement-low");

    // The phase's 10 lies below the lower limit 17.288: lower is better, never met.
    postJson(TARGETS, target(10, e.phaseId(), null), RESTRAINT).expect(201);
    // The service's 30 lies above the upper limit 29.379: always met.
    postJson(TARGETS, target(30, null, e.serviceId()), RESTRAINT).expect(201);

    JsonNode phase = measureOf(api.get(phaseReport), RESTRAINT);
    assertThat(phase.path("target").asDouble()).isEqualTo(10.0);
    assertThat(phase.path("assurance").asString()).isEqualTo("consistently_fail");
    assertThat(phase.path("assuranceIcon").asString()).isEqualTo("fail");
    assertThat(phase.path("variationIcon").asString()).isEqualTo("improvement-low");
    JsonNode service = measureOf(api.get(serviceReport), RESTRAINT);
    assertThat(service.path("target").asDouble()).isEqualTo(30.0);
    assertThat(service.path("assuranceIcon").asString()).isEqualTo("pass");

    // Changed to 20, between the limits: sometimes met.
    postJson(TARGETS, target(20, null, e.serviceId()), RESTRAINT).expect(201);
    assertThat(measureOf(api.get(serviceReport), RESTRAINT).path("assuranceIcon").asString())
        .isEqualTo("hit-and-miss");
    // The page draws them.
    String page =
        api.get(expand("/reports/phases/{p}/services/{s}", e.phaseId(), e.serviceId()))
            .expect(200)
            .body()
            .asString();
    assertThat(page)
        .contains("data-icon=\"improvement-low\"")
        .contains("data-icon=\"hit-and-miss\"");
    String csv =
        api.get(
                expand(
                    "/api/reports/phases/{p}/services/{s}/summary.csv", e.phaseId(), e.serviceId()))
            .expect(200)
            .body()
            .asString();
    assertThat(csv.lines().filter(l -> l.startsWith(RESTRAINT + ",")))
        .singleElement()
        .asString()
        .endsWith(",20.000,improvement-low,hit-and-miss");
  }

  @Test
  void aMeasureWideTargetAppliesWhereNoPhaseOrServiceHasOne() {
    EnrolledService e = enrol(2);
    // Care plans co-produced, 50% and 52% in turn: mean 51, MR-bar 2, limits 45.68 to 56.32.
    YearMonth first = thisMonth().minusMonths(12);
    StringBuilder csv =
        new StringBuilder("measure_code,month,stratum_code,numerator,denominator\n");
    for (int i = 0; i < 12; i++) {
      csv.append(
          CARE_PLANS + "," + first.plusMonths(i) + ",A," + (i % 2 == 0 ? 50 : 52) + ",100\n");
    }
    postCsv("/api/services/{id}/data-returns", csv.toString(), e.serviceId()).expect(201);

    // Higher is better and 60 lies above the upper limit: never met.
    postJson(TARGETS, target(60, null, null), CARE_PLANS).expect(201);

    JsonNode report = measureOf(get("/api/reports/phases/{p}", e.phaseId()), CARE_PLANS);
    assertThat(report.path("target").asDouble()).isEqualTo(60.0);
    assertThat(report.path("assuranceIcon").asString()).isEqualTo("fail");
    assertThat(report.path("variationIcon").asString()).isEqualTo("common-cause");
  }

  @Test
  void badTargetsAreProblemsNamingTheFieldAndWriteNothing() {
    EnrolledService e = enrol(2);
    record Case(String name, String code, Object body, int status, String field) {}
    List<Case> cases =
        List.of(
            new Case("no value", RESTRAINT, target(null, null, null), 400, "value"),
            new Case("negative", RESTRAINT, target(-1, null, null), 400, "value"),
            new Case("a word", RESTRAINT, "{\"value\": \"ten\"}", 400, "value"),
            new Case("huge", RESTRAINT, target(1e12, null, null), 400, "value"),
            new Case("unknown field", RESTRAINT, "{\"value\": 1, \"owner\": \"x\"}", 400, "owner"),
            new Case(
                "bad phase id", RESTRAINT, "{\"value\": 1, \"phaseId\": \"x\"}", 400, "phaseId"),
            new Case(
                "a phase and a service",
                RESTRAINT,
                target(5, e.phaseId(), e.serviceId()),
                422,
                "serviceId"),
            new Case(
                "unknown phase", RESTRAINT, target(5, UUID.randomUUID(), null), 422, "phaseId"),
            new Case(
                "unknown service", RESTRAINT, target(5, null, UUID.randomUUID()), 422, "serviceId"),
            new Case("percentage over 100", CARE_PLANS, target(101, null, null), 422, "value"));
    long before = targetRows();
    for (Case c : cases) {
      Api.Response answer = postJson(TARGETS, c.body(), c.code());
      assertThat(answer.status()).as("%s: %s", c.name(), answer.body()).isEqualTo(c.status());
      assertThat(answer.contentType()).as(c.name()).startsWith("application/problem+json");
      assertThat(answer.text("field")).as(c.name()).isEqualTo(c.field());
    }
    assertThat(postJson(TARGETS, target(5, null, null), "NO_SUCH_MEASURE").status()).isEqualTo(404);
    assertThat(targetRows()).isEqualTo(before);
  }

  @Test
  void onlyTheCentralTeamSetsOrReadsTargets() {
    EnrolledService e = enrol(2);
    long before = targetRows();
    String body = json.writeValueAsString(target(5, null, e.serviceId()));
    for (String token :
        List.of(
            TestTokens.analyst(),
            TestTokens.coach("coach.one@mhaqi.example"),
            TestTokens.trustMember(e.odsCode()),
            TestTokens.operator())) {
      Api caller = api.as(token);
      assertThat(caller.post(expand(TARGETS, RESTRAINT), body).status()).isEqualTo(403);
      assertThat(caller.get(expand(TARGETS, RESTRAINT)).status()).isEqualTo(403);
      assertThat(caller.get(expand(TARGETS + "/history", RESTRAINT)).status()).isEqualTo(403);
    }
    assertThat(api.anonymous().post(expand(TARGETS, RESTRAINT), body).status()).isEqualTo(401);
    assertThat(targetRows()).isEqualTo(before);
    assertThat(api.post(expand(TARGETS, RESTRAINT), body).status()).isEqualTo(201);
  }
}
