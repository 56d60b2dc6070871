package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.datareturn.OverdueReturns;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.EventCatalogue;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Keeps the event catalogue {@code docs/asyncapi.yaml} true for {@code evaluation.events}: every
 * evaluation event type is documented, the documented payloads match the event records, the
 * examples validate, and what evaluation-service really publishes on Kafka (headers, key and
 * payload) validates against the documented schemas.
 */
class EvaluationEventCatalogueIT extends EvaluationIntegrationTest {

  private static final EventCatalogue CATALOGUE =
      EventCatalogue.forChannel(Topics.EVALUATION_EVENTS, "evaluation-service");

  @Autowired OverdueReturns overdue;

  @Test
  void theCatalogueDocumentsExactlyTheEventTypesOfTheTopic() {
    assertThat(CATALOGUE.messageNames())
        .as("messages of channel %s in %s", Topics.EVALUATION_EVENTS, CATALOGUE.path())
        .isEqualTo(CATALOGUE.eventTypeNames())
        .isNotEmpty();

    List<String> violations = new ArrayList<>(CATALOGUE.checkMessages());
    violations.addAll(CATALOGUE.checkSendOperation("publishEvaluationEvents"));
    CATALOGUE.assertNoViolations(violations);
  }

  @Test
  void theDocumentedPayloadsMatchTheEventRecordsAndTheExamplesValidate() {
    CATALOGUE.assertNoViolations(CATALOGUE.checkPayloadsAndExamples());
  }

  @Test
  void everyEvaluationEventReallyPublishedConformsToTheCatalogue() {
    EnrolledService e = enrol(8);
    YearMonth month = thisMonth().minusMonths(1);
    // DataReturnSubmitted, first and corrected.
    Map<String, Object> first = DataReturnApiIT.restraintReturn(month, 14, 9);
    assertThat(postJson("/api/services/{id}/data-returns", first, e.serviceId()).status())
        .isEqualTo(201);
    Map<String, Object> correction = DataReturnApiIT.restraintReturn(month, 13, 9);
    correction.put("correction", true);
    correction.put("correctionReason", "One restraint was entered twice");
    assertThat(postJson("/api/services/{id}/data-returns", correction, e.serviceId()).status())
        .isEqualTo(201);
    // ChangeIdeaRecorded.
    String idea =
        postJson(
                "/api/services/{id}/change-ideas",
                ChangeIdeaApiIT.idea(
                    "Safety huddle", "At every handover", true, "RESTRICTIVE_INTERVENTIONS"),
                e.serviceId())
            .expect(201)
            .id();
    // ChangeIdeaShared, then ChangeIdeaAdoptedFrom by another service's team (keyed by its
    // enrolment), then ChangeIdeaSharingWithdrawn.
    EnrolledService adopter = enrol(8);
    post("/api/change-ideas/{id}/sharing", idea).expect(200);
    String adopted =
        postJson(
                "/api/services/{id}/change-ideas",
                ChangeIdeaApiIT.idea("Huddles", "Tried here", false, "RESTRICTIVE_INTERVENTIONS"),
                adopter.serviceId())
            .expect(201)
            .id();
    postJson("/api/change-ideas/{id}/adopted-from", Map.of("sourceId", idea), adopted).expect(201);
    assertThat(api.delete(expand("/api/change-ideas/{id}/sharing", idea)).status()).isEqualTo(200);
    // SpecialCauseDetected: seven months of assaults on staff ending in a spike.
    assertThat(
            postCsv(
                    "/api/services/{id}/data-returns",
                    DataReturnApiIT.sevenMonthsEndingInASpike(thisMonth().minusMonths(7)),
                    e.serviceId())
                .status())
        .isEqualTo(201);
    // DataReturnOverdue: the other measures' months have no returns.
    overdue.check();
    // MeasureTargetSet, keyed by the target rather than the enrolment.
    String target =
        postJson(
                "/api/measures/{code}/targets",
                Map.of("value", 4.5, "serviceId", e.serviceId().toString()),
                "ASSAULTS_ON_STAFF")
            .expect(201)
            .text("targetId");
    // ReportPublished and ReportWithdrawn, keyed by the phase.
    String publication = expand("/api/reports/phases/{id}/publication", e.phaseId());
    api.post(publication).expect(201);
    api.delete(publication).expect(200);

    long recorded = outboxEvents(e.enrollmentId()) + outboxEvents(adopter.enrollmentId()) + 3;
    Set<String> keys =
        Set.of(
            e.enrollmentId().toString(),
            adopter.enrollmentId().toString(),
            target,
            e.phaseId().toString());
    List<Message> received;
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.EVALUATION_EVENTS)) {
      received =
          reader.awaitUntil(
              all -> all.stream().filter(m -> keys.contains(m.key())).count() >= recorded, WAIT);
    }
    List<Message> mine = received.stream().filter(m -> keys.contains(m.key())).toList();

    assertThat(mine.stream().map(m -> m.header(CloudEventHeaders.ID)).distinct().count())
        .isEqualTo(recorded);
    assertThat(mine)
        .extracting(Message::type)
        .as("the scenario publishes every event type of %s", Topics.EVALUATION_EVENTS)
        .containsAll(CATALOGUE.eventTypeNames());
    // Everything evaluation-service has published in this JVM, not only this scenario's events.
    List<String> violations = new ArrayList<>();
    for (Message event : received) {
      violations.addAll(CATALOGUE.validate(event));
    }
    CATALOGUE.assertNoViolations(violations);
  }
}
