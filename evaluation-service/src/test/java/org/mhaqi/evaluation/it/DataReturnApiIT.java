package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.datareturn.DataReturnProperties;
import org.mhaqi.evaluation.datareturn.OverdueReturns;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Monthly data returns over HTTP, as JSON and CSV, with their events on evaluation.events. */
class DataReturnApiIT extends EvaluationIntegrationTest {

  static final String RESTRAINT = "RESTRICTIVE_INTERVENTIONS";
  static final String PATH = "/api/services/{serviceId}/data-returns";

  @Autowired OverdueReturns overdue;

  static Map<String, Object> restraintReturn(YearMonth month, long whiteBritish, long caribbean) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("measureCode", RESTRAINT);
    body.put("month", month.toString());
    body.put(
        "strata",
        List.of(
            Map.of("code", "A", "numerator", whiteBritish, "denominator", 1240),
            Map.of("code", "M", "numerator", caribbean, "denominator", 310)));
    return body;
  }

  @Test
  void aJsonReturnIsStoredAndAnnouncedWithoutItsCounts() {
    EnrolledService e = enrol(4);
    YearMonth month = thisMonth().minusMonths(2);

    Api.Response answer = postJson(PATH, restraintReturn(month, 14, 9), e.serviceId());

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
    assertThat(answer.body().path("enrollmentId").asString())
        .isEqualTo(e.enrollmentId().toString());
    assertThat(answer.body().path("version").asInt()).isEqualTo(1);
    assertThat(answer.body().path("correction").asBoolean()).isFalse();
    assertThat(answer.body().path("month").asString()).isEqualTo(month.toString());
    assertThat(answer.body().path("strata").toString())
        .contains("\"code\":\"A\",\"numerator\":14,\"denominator\":1240");

    Message event = awaitEvent(e.enrollmentId(), "DataReturnSubmitted");
    JsonNode payload = json.readTree(event.value());
    assertThat(payload.path("returnId").asString()).isEqualTo(answer.body().path("id").asString());
    assertThat(payload.path("serviceId").asString()).isEqualTo(e.serviceId().toString());
    assertThat(payload.path("measureCode").asString()).isEqualTo(RESTRAINT);
    assertThat(payload.path("month").asString()).isEqualTo(month.toString());
    assertThat(payload.path("version").asInt()).isEqualTo(1);
    assertThat(event.value()).doesNotContain("numerator", "denominator", "1240");
  }

  @Test
  void aCorrectionBecomesTheNextVersionAndTheEarlierOneStaysInTheHistory() {
    EnrolledService e = enrol(4);
    YearMonth month = thisMonth().minusMonths(3);
    postJson(PATH, restraintReturn(month, 14, 9), e.serviceId());
    Map<String, Object> correction = restraintReturn(month, 12, 9);
    correction.put("correction", true);
    correction.put("correctionReason", "Two restraints were entered twice");

    Api.Response answer = postJson(PATH, correction, e.serviceId());

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
    assertThat(answer.body().path("version").asInt()).isEqualTo(2);
    assertThat(answer.body().path("correction").asBoolean()).isTrue();
    JsonNode history = get(PATH + "/{measure}/{month}", e.serviceId(), RESTRAINT, month).body();
    assertThat(history).hasSize(2);
    assertThat(history.get(0).path("strata").get(0).path("numerator").asLong()).isEqualTo(14);
    assertThat(history.get(1).path("strata").get(0).path("numerator").asLong()).isEqualTo(12);
    assertThat(history.get(1).path("correctionReason").asString())
        .isEqualTo("Two restraints were entered twice");
    JsonNode latest = get(PATH + "?measureCode=" + RESTRAINT, e.serviceId()).body();
    assertThat(latest).hasSize(1);
    assertThat(latest.get(0).path("version").asInt()).isEqualTo(2);
    assertThat(outboxEvents(e.enrollmentId())).isEqualTo(2);
  }

  @Test
  void aSecondReturnThatIsNotACorrectionIsRefusedAndChangesNothing() {
    EnrolledService e = enrol(4);
    YearMonth month = thisMonth().minusMonths(1);
    postJson(PATH, restraintReturn(month, 14, 9), e.serviceId());

    Api.Response answer = postJson(PATH, restraintReturn(month, 15, 9), e.serviceId());

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().path("type").asString())
        .isEqualTo("urn:mhaqi:problem:duplicate-data-return");
    assertThat(answer.body().path("field").asString()).isEqualTo("correction");
    assertThat(returnsOf(e.serviceId())).isEqualTo(1);
    assertThat(outboxEvents(e.enrollmentId())).isEqualTo(1);
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndWritesNothing() {
    EnrolledService e = enrol(4);
    String month = thisMonth().minusMonths(2).toString();
    // Before the enrolment month and its default baseline.
    String outside =
        thisMonth().minusMonths(4 + DataReturnProperties.DEFAULT_BASELINE_MONTHS + 1).toString();
    record Case(String name, String body, int status, String field) {}
    List<Case> cases =
        List.of(
            new Case(
                "numerator above denominator",
                body(RESTRAINT, month, "A", "1241", "1240"),
                422,
                "strata[0].numerator"),
            new Case(
                "negative count",
                body(RESTRAINT, month, "A", "0", "-1"),
                422,
                "strata[0].denominator"),
            new Case(
                "month outside the enrolment",
                body(RESTRAINT, outside, "A", "1", "2"),
                422,
                "month"),
            new Case(
                "month not ended",
                body(RESTRAINT, thisMonth().toString(), "A", "1", "2"),
                422,
                "month"),
            new Case(
                "unknown measure", body("NOT_A_MEASURE", month, "A", "1", "2"), 422, "measureCode"),
            new Case(
                "unknown stratum", body(RESTRAINT, month, "Q", "1", "2"), 422, "strata[0].code"),
            new Case(
                "correction of nothing",
                body(RESTRAINT, month, "A", "1", "2")
                    .replaceFirst("\\{", "{\"correction\":true,\"correctionReason\":\"Recount\","),
                422,
                "correction"),
            new Case("not a month", body(RESTRAINT, "2024-13", "A", "1", "2"), 400, "month"),
            new Case(
                "not a number",
                body(RESTRAINT, month, "A", "\"nine\"", "2"),
                400,
                "strata[0].numerator"),
            new Case(
                "missing denominator",
                "{\"measureCode\":\""
                    + RESTRAINT
                    + "\",\"month\":\""
                    + month
                    + "\",\"strata\":[{\"code\":\"A\",\"numerator\":1}]}",
                400,
                "strata[0].denominator"),
            new Case("malformed JSON", "{\"measureCode\": \"" + RESTRAINT + "\", ", 400, null));

    for (Case c : cases) {
      Api.Response answer = postJson(PATH, c.body(), e.serviceId());

      assertThat(answer.status()).as(c.name() + ": " + answer.body()).isEqualTo(c.status());
      assertThat(answer.contentType()).as(c.name()).isEqualTo("application/problem+json");
      if (c.field() != null) {
        assertThat(answer.body().path("field").asString()).as(c.name()).isEqualTo(c.field());
      }
    }
    assertThat(returnsOf(e.serviceId())).isZero();
    assertThat(outboxEvents(e.enrollmentId())).isZero();
  }

  @Test
  void aReturnForAServiceEvaluationDoesNotKnowIsNotFound() {
    Api.Response answer =
        postJson(PATH, restraintReturn(thisMonth().minusMonths(1), 1, 1), UUID.randomUUID());

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void aCsvFileStoresEachOfItsReturnsAndAnnouncesThem() {
    EnrolledService e = enrol(4);
    YearMonth month = thisMonth().minusMonths(2);
    String csv =
        "measure_code,month,stratum_code,numerator,denominator\n"
            + RESTRAINT
            + ","
            + month
            + ",A,14,1240\n"
            + RESTRAINT
            + ","
            + month
            + ",M,9,310\n"
            + "ASSAULTS_ON_STAFF,"
            + month
            + ",ALL,3,1550\n";

    Api.Response answer = postCsv(PATH, csv, e.serviceId());

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
    assertThat(answer.body()).hasSize(2);
    assertThat(answer.body().get(0).path("source").asString()).isEqualTo("CSV");
    assertThat(answer.body().get(0).path("strata")).hasSize(2);
    assertThat(returnsOf(e.serviceId())).isEqualTo(2);
    assertThat(outboxEvents(e.enrollmentId())).isEqualTo(2);
  }

  @Test
  void aCsvFileFromAFormIsTakenLikeAnyOther() {
    EnrolledService e = enrol(4);
    String csv =
        "measure_code,month,stratum_code,numerator,denominator\n"
            + "ASSAULTS_ON_STAFF,"
            + thisMonth().minusMonths(1)
            + ",ALL,3,1550\n";

    Api.Response answer =
        api.postFile(expand(PATH, e.serviceId()), "file", "returns.csv", "text/csv", csv);

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
    assertThat(returnsOf(e.serviceId())).isEqualTo(1);
  }

  @Test
  void aCsvFileWithOneBadRowIsRefusedWholeNamingEveryBadRow() {
    EnrolledService e = enrol(4);
    YearMonth month = thisMonth().minusMonths(2);
    String csv =
        "measure_code,month,stratum_code,numerator,denominator\n"
            + RESTRAINT
            + ","
            + month
            + ",A,14,1240\n"
            + RESTRAINT
            + ","
            + month
            + ",M,311,310\n"
            + RESTRAINT
            + ","
            + month
            + ",X,1,310\n"
            + "ASSAULTS_ON_STAFF,"
            + month
            + ",ALL,3,1550\n";

    Api.Response answer = postCsv(PATH, csv, e.serviceId());

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.body().path("field").asString()).isEqualTo("numerator");
    assertThat(answer.body().path("errors").toString())
        .contains(
            "{\"row\":3,\"field\":\"numerator\",\"message\":\"311 is above the denominator 310\"}")
        .contains("{\"row\":4,\"field\":\"stratum_code\"");
    assertThat(returnsOf(e.serviceId())).isZero();
    assertThat(outboxEvents(e.enrollmentId())).isZero();
  }

  @Test
  void aMalformedCsvFileIsABadRequestNamingRowAndColumn() {
    EnrolledService e = enrol(4);
    String csv =
        "measure_code,month,stratum_code,numerator,denominator\n"
            + RESTRAINT
            + ",last month,A,14,1240\n";

    Api.Response answer = postCsv(PATH, csv, e.serviceId());

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().path("type").asString()).isEqualTo("urn:mhaqi:problem:malformed-csv");
    assertThat(answer.body().path("errors").get(0).path("row").asInt()).isEqualTo(2);
    assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("month");
    assertThat(returnsOf(e.serviceId())).isZero();
  }

  /**
   * A CSV file of seven months of assaults on staff over 1,000 bed days each, so that each month's
   * rate is its count: 10, 12, 11, 13, 10, 12, then 30. With the seventh the mean is 98 / 7 = 14,
   * the moving ranges 2, 1, 2, 3, 2, 18 average 28 / 6 = 4.667, the upper limit is 14 + 2.66 x
   * 4.667 = 26.41, and 30 lies above it.
   */
  static String sevenMonthsEndingInASpike(YearMonth first) {
    StringBuilder csv =
        new StringBuilder("measure_code,month,stratum_code,numerator,denominator\n");
    long[] assaults = {10, 12, 11, 13, 10, 12, 30};
    for (int i = 0; i < assaults.length; i++) {
      csv.append("ASSAULTS_ON_STAFF,")
          .append(first.plusMonths(i))
          .append(",ALL,")
          .append(assaults[i])
          .append(",1000\n");
    }
    return csv.toString();
  }

  @Test
  void aReturnThatRevealsASpecialCauseIsAnnouncedWithoutValues() {
    EnrolledService e = enrol(8);
    YearMonth first = thisMonth().minusMonths(7);

    Api.Response answer = postCsv(PATH, sevenMonthsEndingInASpike(first), e.serviceId());

    assertThat(answer.status()).as("%s", answer.body()).isEqualTo(201);
    Message event = awaitEvent(e.enrollmentId(), "SpecialCauseDetected");
    JsonNode payload = json.readTree(event.value());
    assertThat(payload.path("measureCode").asString()).isEqualTo("ASSAULTS_ON_STAFF");
    assertThat(payload.path("month").asString()).isEqualTo(first.plusMonths(6).toString());
    assertThat(payload.path("rule").asString()).isEqualTo("OUTSIDE_LIMITS");
    // Fewer assaults is better: a spike is a concern.
    assertThat(payload.path("variation").asString()).isEqualTo("SPECIAL_CAUSE_CONCERN");
    assertThat(payload.path("trialLimits").asBoolean()).isTrue();
    assertThat(payload.path("returnId").asString())
        .isEqualTo(answer.body().get(6).path("id").asString());
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM outbox_event WHERE message_key = ?"
                        + " AND event_type = 'SpecialCauseDetected'")
                .param(e.enrollmentId().toString())
                .query(Long.class)
                .single())
        .as("the six common-cause months reveal nothing")
        .isEqualTo(1);
    assertThat(payload.propertyNames())
        .as("ids, months, rule and verdict: no values, no counts")
        .containsExactlyInAnyOrder(
            "enrollmentId",
            "serviceId",
            "measureCode",
            "returnId",
            "month",
            "rule",
            "variation",
            "flaggedMonths",
            "ruleSet",
            "trialLimits",
            "detectedAt",
            "variationIcon",
            "assuranceIcon");
    assertThat(payload.path("variationIcon").asString()).isEqualTo("concern-high");
    assertThat(payload.path("assuranceIcon").isNull()).as("no target").isTrue();
  }

  @Test
  void aMissingReturnIsReportedOverdueOnceAndASubmittedOneIsNot() {
    // Enrolled four months ago: the months one to three after the first are long past their due
    // dates (at most the month's end plus 20 days).
    EnrolledService e = enrol(4);
    YearMonth first = thisMonth().minusMonths(4);
    postJson(PATH, restraintReturn(first, 14, 9), e.serviceId());

    overdue.check();
    List<Map<String, Object>> flagged =
        jdbc.sql(
                "SELECT measure_code, month FROM overdue_return WHERE enrollment_id = ?"
                    + " ORDER BY month, measure_code")
            .param(e.enrollmentId())
            .query()
            .listOfRows();

    assertThat(flagged)
        .noneMatch(
            row ->
                row.get("measure_code").equals(RESTRAINT)
                    && row.get("month").toString().equals(first.atDay(1).toString()));
    assertThat(flagged)
        .filteredOn(
            row -> row.get("month").toString().equals(first.plusMonths(1).atDay(1).toString()))
        .hasSize(6);
    overdue.check();
    assertThat(
            jdbc.sql("SELECT count(*) FROM overdue_return WHERE enrollment_id = ?")
                .param(e.enrollmentId())
                .query(Long.class)
                .single())
        .as("a second check reports nothing twice")
        .isEqualTo(flagged.size());
    List<Message> events;
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.EVALUATION_EVENTS)) {
      events =
          reader.awaitMatching(
              m ->
                  m.key().equals(e.enrollmentId().toString())
                      && "DataReturnOverdue".equals(m.type()),
              flagged.size(),
              WAIT);
    }
    assertThat(events).hasSize(flagged.size());
    JsonNode payload = json.readTree(events.get(0).value());
    assertThat(payload.path("dueOn").asString()).isNotBlank();
    assertThat(payload.path("serviceId").asString()).isEqualTo(e.serviceId().toString());
  }

  @Test
  void theCentralTeamSeesPerServiceTheReturnsDueOverdueAndSentLate() {
    // Enrolled in July; today is 16 November: July to September are past their due dates,
    // October is due until 20 November. July's restraint return is sent today, so late.
    EnrolledService e = enrol(4);
    postJson(PATH, restraintReturn(thisMonth().minusMonths(4), 14, 9), e.serviceId());
    int measures = get("/api/measures").body().size();

    JsonNode owed = get("/api/data-returns/owed?phaseId=" + e.phaseId()).body();

    assertThat(owed.size()).isEqualTo(1);
    JsonNode row = owed.get(0);
    assertThat(row.path("serviceId").asString()).isEqualTo(e.serviceId().toString());
    assertThat(row.path("odsCode").asString()).isEqualTo("RX4");
    assertThat(row.path("overdue").asInt()).isEqualTo(3 * measures - 1);
    assertThat(row.path("due").asInt()).isEqualTo(measures);
    assertThat(row.path("late").asInt()).isEqualTo(1);
    assertThat(row.path("oldestOverdue").asString())
        .isEqualTo(thisMonth().minusMonths(4).toString());
  }

  static String body(
      String measure, String month, String code, String numerator, String denominator) {
    return "{\"measureCode\":\"%s\",\"month\":\"%s\",\"strata\":[{\"code\":\"%s\",\"numerator\":%s,\"denominator\":%s}]}"
        .formatted(measure, month, code, numerator, denominator);
  }

  private Message awaitEvent(UUID enrollmentId, String type) {
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.EVALUATION_EVENTS)) {
      return reader.awaitFirst(
          m ->
              enrollmentId.toString().equals(m.key())
                  && type.equals(m.header(CloudEventHeaders.TYPE)),
          WAIT);
    }
  }
}
