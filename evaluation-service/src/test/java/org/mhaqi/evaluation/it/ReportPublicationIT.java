package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
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
 * Publication is a decision: a phase's report pages answer without a token only while the central
 * team's publication stands; before and after, those who may read its reports read them, marked
 * unpublished, and anyone else is refused.
 */
class ReportPublicationIT extends EvaluationIntegrationTest {

  @Test
  void anUnpublishedReportAnswers401WithoutATokenAndIsReadWithARoleThatMayReadIt() {
    EnrolledService e = enrol(3);
    String page = "/reports/phases/" + e.phaseId();
    String servicePage = page + "/services/" + e.serviceId();

    Api.Response anonymous = api.anonymous().get(page).expect(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    api.anonymous().get(servicePage).expect(401);

    assertThat(api.as(TestTokens.analyst()).get(page).expect(200).body().asString())
        .contains("Not published.");
    api.as(TestTokens.coach("coach.one@mhaqi.example")).get(servicePage).expect(200);
    api.as(TestTokens.operator()).get(page).expect(403);
    String member =
        TestTokens.token("jo.bloggs@trust.nhs.uk", Set.of("TRUST_MEMBER"), e.odsCode(), null);
    api.as(member).get(page).expect(403);
    api.as(member).get(servicePage).expect(200);
  }

  @Test
  void publishingOpensThePagesToEveryoneAndWithdrawingClosesThemAgainKeepingTheHistory() {
    EnrolledService e = enrol(3);
    String publication = "/api/reports/phases/" + e.phaseId() + "/publication";
    String page = "/reports/phases/" + e.phaseId();

    JsonNode published = api.post(publication).expect(201).body();
    assertThat(published.path("publishedBy").asString()).isEqualTo("test-admin");
    assertThat(published.path("withdrawnAt").isNull()).isTrue();
    String shown = api.anonymous().get(page).expect(200).body().asString();
    assertThat(shown).contains("<table class=\"summary\">").doesNotContain("Not published.");
    api.anonymous().get(page + "/services/" + e.serviceId()).expect(200);
    assertThat(api.post(publication).expect(409).text("field")).isEqualTo("phaseId");

    JsonNode withdrawn = api.delete(publication).expect(200).body();
    assertThat(withdrawn.path("id").asString()).isEqualTo(published.path("id").asString());
    assertThat(withdrawn.path("withdrawnBy").asString()).isEqualTo("test-admin");
    api.anonymous().get(page).expect(401);
    api.delete(publication).expect(409);

    api.post(publication).expect(201);
    JsonNode history =
        api.get("/api/reports/phases/" + e.phaseId() + "/publications").expect(200).body();
    assertThat(history.size()).isEqualTo(2);
    assertThat(history.get(0).path("withdrawnAt").isNull()).isFalse();
    assertThat(history.get(1).path("withdrawnAt").isNull()).isTrue();
    // Audited, as every change through the API is.
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where subject = 'test-admin'"
                        + " and operation like '% /api/reports/phases/{phaseId}/publication'"
                        + " and target ->> 'phaseId' = ?")
                .param(e.phaseId().toString())
                .query(Long.class)
                .single())
        .isEqualTo(3);
  }

  @Test
  void onlyTheCentralTeamPublishesAndOnlyAKnownPhase() {
    EnrolledService e = enrol(3);
    String publication = "/api/reports/phases/" + e.phaseId() + "/publication";
    api.as(TestTokens.analyst()).post(publication).expect(403);
    api.anonymous().post(publication).expect(401);
    api.post("/api/reports/phases/" + UUID.randomUUID() + "/publication").expect(404);
    api.anonymous().get("/reports/phases/" + e.phaseId()).expect(401);
  }

  @Test
  void publicationAndWithdrawalAreAnnouncedKeyedByThePhaseWithoutWhoDecided() {
    EnrolledService e = enrol(3);
    String phase = e.phaseId().toString();
    String publication = "/api/reports/phases/" + phase + "/publication";
    String id = api.post(publication).expect(201).id();
    api.delete(publication).expect(200);

    List<Message> announced;
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.EVALUATION_EVENTS)) {
      announced = reader.awaitMatching(m -> phase.equals(m.key()), 2, WAIT);
    }
    assertThat(announced)
        .extracting(Message::type)
        .containsExactly("ReportPublished", "ReportWithdrawn");
    assertThat(announced.get(0).header(CloudEventHeaders.SUBJECT)).isEqualTo(phase);
    for (Message m : announced) {
      JsonNode payload = json.readTree(m.value());
      assertThat(payload.path("publicationId").asString()).isEqualTo(id);
      assertThat(payload.path("phaseId").asString()).isEqualTo(phase);
      assertThat(m.value()).doesNotContain("test-admin");
    }
  }

  @Test
  void theIndexListsPublishedPhasesToEveryoneAndUnpublishedOnesToTheirReaders() {
    EnrolledService published = enrol(3);
    EnrolledService unpublished = enrol(3);
    api.post("/api/reports/phases/" + published.phaseId() + "/publication").expect(201);

    String anyone = api.anonymous().get("/reports").expect(200).body().asString();
    String service =
        "/reports/phases/" + published.phaseId() + "/services/" + published.serviceId();
    assertThat(anyone)
        .contains("href=\"/reports/phases/" + published.phaseId() + "\"")
        .contains("href=\"" + service + "\"")
        .contains("href=\"" + service + "/measures/RESTRICTIVE_INTERVENTIONS\"")
        .doesNotContain(unpublished.phaseId().toString());
    String analyst = api.as(TestTokens.analyst()).get("/reports").expect(200).body().asString();
    assertThat(analyst).contains(unpublished.phaseId().toString(), "(not published)");
    String member = TestTokens.token("jo.bloggs@trust.nhs.uk", Set.of("TRUST_MEMBER"), "RX1", null);
    assertThat(api.as(member).get("/reports").expect(200).body().asString())
        .doesNotContain(unpublished.phaseId().toString());
  }

  @Test
  void everyChartHasItsPageAndDownloadsAsSvgAndPngFollowingThePublication() {
    EnrolledService e = enrol(3);
    String path = "/api/services/" + e.serviceId() + "/data-returns";
    for (int i = 1; i <= 2; i++) {
      api.post(
              path,
              json.writeValueAsString(
                  DataReturnApiIT.restraintReturn(thisMonth().minusMonths(i), 20 + i, 9)))
          .expect(201);
    }
    String phase = "/reports/phases/" + e.phaseId();
    String chart = phase + "/services/" + e.serviceId() + "/measures/RESTRICTIVE_INTERVENTIONS";
    api.anonymous().get(chart + "/chart.svg").expect(401);
    api.anonymous().get(phase + "/measures/RESTRICTIVE_INTERVENTIONS").expect(401);
    api.post("/api/reports/phases/" + e.phaseId() + "/publication").expect(201);

    assertThat(api.anonymous().get(chart).expect(200).body().asString())
        .contains("<table class=\"chart-data\">", "chart.png");
    Api.Response svg = api.anonymous().get(chart + "/chart.svg").expect(200);
    assertThat(svg.contentType()).startsWith("image/svg+xml");
    assertThat(svg.header("Content-Disposition")).contains("attachment", ".svg");
    Api.Response png = api.anonymous().get(phase + "/measures/RESTRICTIVE_INTERVENTIONS/chart.png");
    assertThat(png.status()).isEqualTo(200);
    assertThat(png.contentType()).isEqualTo("image/png");
    api.anonymous().get(phase + "/measures/NO_SUCH_MEASURE").expect(404);
    api.anonymous().get(phase + "/measures/RESTRICTIVE_INTERVENTIONS/chart.gif").expect(400);
  }
}
