package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.evaluation.engagement.EngagementQueries.Dimension.LEVEL;
import static org.mhaqi.evaluation.engagement.EngagementQueries.Dimension.REGION;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.engagement.EngagementFigures;
import org.mhaqi.evaluation.engagement.EngagementQueries;
import org.mhaqi.evaluation.engagement.EngagementQueries.Group;
import org.mhaqi.evaluation.engagement.EngagementReports;
import org.mhaqi.evaluation.engagement.SessionEvents;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrolledServices;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.LearningEventAttended;
import org.mhaqi.events.coaching.LearningEventFormat;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.KafkaTopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import tools.jackson.databind.JsonNode;

/** Both topics through the real broker into the projections and out through the API. */
class EngagementEventsIT extends EvaluationIntegrationTest {

  @Autowired EngagementQueries queries;
  @Autowired EnrolledServices enrolledServices;
  @Autowired EngagementReports reports;

  @Test
  void coachingBeforeItsEnrolmentCompletionsBeforeSchedulesAndDuplicatesGiveTheHandWorkedFigures() {
    ProgrammeEvents programme = new ProgrammeEvents();
    // Coaching first, each session's events newest first, some twice (redelivered) or republished.
    List<DomainEvent> coaching = new ArrayList<>(programme.coachingEvents);
    Collections.reverse(coaching);
    for (DomainEvent event : coaching) {
      UUID id = UUID.randomUUID();
      ProducerRecord<String, byte[]> record = producerOf(event).record(event, id);
      producerOf(event).send(record);
      if (event instanceof SessionScheduled) {
        producerOf(event).send(record);
        publish(event);
      }
    }
    UUID last = null;
    for (DomainEvent event : programme.enrollmentEvents) {
      last = publish(event);
    }
    awaitProcessed(last);

    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () ->
                assertThat(byRegion(programme.phaseId))
                    .isEqualTo(
                        Map.of(
                            Region.LONDON.name(), Expected.LONDON,
                            Region.NORTH_WEST.name(), Expected.NORTH_WEST)));
    assertThat(byLevel(programme.phaseId))
        .isEqualTo(
            Map.of(
                CoachingLevel.EXECUTIVE.name(),
                Expected.EXECUTIVE,
                CoachingLevel.SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY.name(),
                Expected.SERVICE_DELIVERY));
    assertThat(
            jdbc.sql("select count(*) from engagement_session where phase_id = ?")
                .param(programme.phaseId)
                .query(Long.class)
                .single())
        .isEqualTo(5);
  }

  @Test
  void theApiPublishesSessionsAndHoursAndWithholdsCountsOfPeople() throws Exception {
    ProgrammeEvents programme = programmeApplied();

    JsonNode service = read("/api/engagement/services/{id}", programme.london.serviceId());
    JsonNode enrolment = service.get("enrollments").get(0);
    assertThat(enrolment.get("enrollmentId").asString())
        .isEqualTo(programme.london.enrollmentId().toString());
    assertThat(enrolment.get("region").asString()).isEqualTo("LONDON");
    assertThat(enrolment.get("status").asString()).isEqualTo("ENROLLED");
    JsonNode engagement = enrolment.get("engagement");
    assertThat(engagement.get("sessionsPlanned").asLong()).isEqualTo(4);
    assertThat(engagement.get("sessionsDelivered").asLong()).isEqualTo(2);
    assertThat(engagement.get("sessionsCancelled").asLong()).isEqualTo(1);
    assertThat(engagement.get("sessionsScheduled").asLong()).isEqualTo(1);
    // 660 minutes planned = 11 hours; 480 delivered = 8 hours; 8 of (11 - 1 cancelled) = 0.8.
    assertThat(engagement.get("plannedHours").decimalValue()).isEqualByComparingTo("11");
    assertThat(engagement.get("cancelledHours").decimalValue()).isEqualByComparingTo("1");
    assertThat(engagement.get("deliveredHours").decimalValue()).isEqualByComparingTo("8");
    assertThat(engagement.get("deliveredShareOfPlannedHours").decimalValue())
        .isEqualByComparingTo("0.8");
    assertThat(engagement.get("sessionsWithLivedExperiencePartner").asLong()).isEqualTo(1);
    assertThat(engagement.get("livedExperienceShareOfDeliveredSessions").decimalValue())
        .isEqualByComparingTo("0.5");
    // Counts of people go out only through small-number suppression: 8 attendances round to 10,
    // the 5 frontline staff stay 5 (5 is the smallest count published).
    assertThat(engagement.get("attendances").asLong()).isEqualTo(10);
    assertThat(engagement.get("attendancesByRole").get("FRONTLINE_STAFF").asLong()).isEqualTo(5);
    assertThat(enrolment.get("byLevel")).hasSize(2);

    JsonNode regions = read("/api/engagement/regions?phaseId={id}", programme.phaseId);
    assertThat(regions).hasSize(2);
    assertThat(regions.get(0).get("region").asString()).isEqualTo("LONDON");
    assertThat(regions.get(1).get("engagement").get("deliveredHours").decimalValue())
        .isEqualByComparingTo("0.83");

    JsonNode levels = read("/api/engagement/levels?phaseId={id}", programme.phaseId);
    assertThat(levels.get(0).get("level").asString()).isEqualTo("EXECUTIVE");
    assertThat(levels.get(0).get("engagement").get("sessionsPlanned").asLong()).isEqualTo(4);

    JsonNode phases = read("/api/engagement/phases");
    JsonNode phase = null;
    for (JsonNode p : phases) {
      if (p.get("phaseId").asString().equals(programme.phaseId.toString())) {
        phase = p;
      }
    }
    assertThat(phase).isNotNull();
    assertThat(phase.get("phaseKind").asString()).isEqualTo("WIDER_IMPLEMENTATION");
    assertThat(phase.get("engagement").get("sessionsPlanned").asLong()).isEqualTo(5);

    JsonNode page = read("/api/engagement/services?phaseId={id}&size=1&page=1", programme.phaseId);
    // The platform's paging: content, then page size, number, totals.
    assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(2);
    assertThat(page.get("page").get("totalPages").asLong()).isEqualTo(2);
    assertThat(page.get("page").get("number").asLong()).isEqualTo(1);
    assertThat(page.get("content")).hasSize(1);
    // Ordered by ODS code: RRV (London) then RXA (North West).
    assertThat(page.get("content").get(0).get("odsCode").asString()).isEqualTo("RXA");
  }

  @Test
  void learningEventsAttendedAreCountedOnceEachApartFromTheCoaching() throws Exception {
    ProgrammeEvents programme = programmeApplied();
    LearningEventAttended webinar =
        new LearningEventAttended(
            UUID.randomUUID(),
            programme.london.enrollmentId(),
            programme.london.serviceId(),
            programme.phaseId,
            LearningEventFormat.WEBINAR,
            LocalDateTime.parse("2024-10-02T14:00"),
            "Europe/London",
            90,
            6,
            true,
            Instant.now());
    LearningEventAttended day =
        new LearningEventAttended(
            UUID.randomUUID(),
            programme.london.enrollmentId(),
            programme.london.serviceId(),
            programme.phaseId,
            LearningEventFormat.IN_PERSON_DAY,
            LocalDateTime.parse("2024-11-12T09:00"),
            "Europe/London",
            420,
            4,
            false,
            Instant.now());
    // The webinar redelivered (same id) and republished (a new id): counted once all the same.
    ProducerRecord<String, byte[]> record = producerOf(webinar).record(webinar, UUID.randomUUID());
    producerOf(webinar).send(record);
    producerOf(webinar).send(record);
    awaitProcessed(publish(webinar));
    awaitProcessed(publish(day));

    JsonNode enrolment =
        read("/api/engagement/services/{id}", programme.london.serviceId())
            .get("enrollments")
            .get(0);
    JsonNode learning = enrolment.get("learningEvents");
    assertThat(learning.get("attended").asLong()).isEqualTo(2);
    // 90 + 420 minutes = 8.5 hours; 6 + 4 people attending, published through suppression.
    assertThat(learning.get("hours").decimalValue()).isEqualByComparingTo("8.5");
    assertThat(learning.get("attendances").asLong()).isEqualTo(10);
    // Apart from coaching: the coaching figures are what they were.
    assertThat(enrolment.get("engagement").get("sessionsPlanned").asLong()).isEqualTo(4);
    assertThat(enrolment.get("engagement").get("deliveredHours").decimalValue())
        .isEqualByComparingTo("8");
    // A service that attended none shows none.
    JsonNode other =
        read("/api/engagement/services/{id}", programme.northWest.serviceId())
            .get("enrollments")
            .get(0);
    assertThat(other.get("learningEvents").get("attended").asLong()).isZero();
  }

  @Test
  void aPageOfServicesTakesAsManyStatementsWhateverItsSize() {
    ProgrammeEvents programme = programmeApplied();

    int one =
        StatementCount.onThisThread(
            () ->
                assertThat(reports.services(programme.phaseId, null, null, PageRequest.of(0, 1)))
                    .hasSize(1));
    int two =
        StatementCount.onThisThread(
            () ->
                assertThat(reports.services(programme.phaseId, null, null, PageRequest.of(0, 2)))
                    .hasSize(2)
                    .allSatisfy(e -> assertThat(e.odsCode()).isNotNull()));

    assertThat(one).isPositive();
    assertThat(two).isEqualTo(one);
  }

  @Test
  void badPagesAndUnknownServicesAreProblems() {
    Api.Response sizeZero = api.get("/api/engagement/services?size=0").expect(400);
    assertThat(sizeZero.contentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(sizeZero.text("field")).isEqualTo("size");
    api.get("/api/engagement/services?size=201").expect(400);
    api.get("/api/engagement/services?size=200").expect(200);
    assertThat(api.get("/api/engagement/services?sort=odsCode").expect(400).text("field"))
        .isEqualTo("sort");
    assertThat(api.get("/api/engagement/services?page=-1").expect(400).text("field"))
        .isEqualTo("page");
    assertThat(api.get("/api/engagement/services?region=ATLANTIS").expect(400).contentType())
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertThat(api.get("/api/engagement/services/" + UUID.randomUUID()).expect(404).contentType())
        .startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
  }

  @Test
  void aWithdrawalThatOvertakesItsEnrolmentStillEndsIt() {
    ProgrammeEvents programme = new ProgrammeEvents();
    var enrolled = programme.london;
    Instant withdrawnAt = Instant.parse("2024-11-30T23:30:00Z");
    publish(
        new EnrollmentWithdrawn(
            enrolled.enrollmentId(),
            enrolled.serviceId(),
            enrolled.phaseId(),
            "ENROLLED",
            WithdrawalReason.OTHER,
            withdrawnAt));
    awaitProcessed(publish(enrolled));

    EnrolledService view = enrolledServices.find(enrolled.enrollmentId()).orElseThrow();
    assertThat(view.status()).isEqualTo(EnrolledService.Status.WITHDRAWN);
    assertThat(view.endedOn()).isEqualTo(LocalDate.of(2024, 11, 30));
  }

  @Test
  void aSessionEventLackingItsIdGoesToTheDeadLettersAndTheStreamGoesOn() {
    ProgrammeEvents programme = new ProgrammeEvents();
    SessionEvents broken =
        new SessionEvents(
            null,
            UUID.randomUUID(),
            programme.london.enrollmentId(),
            programme.london.serviceId(),
            programme.phaseId,
            CoachingLevel.EXECUTIVE,
            org.mhaqi.events.coaching.SessionKind.COACHING_SESSION,
            60);
    UUID poison = publish(broken.scheduled());
    SessionEvents fine =
        SessionEvents.executiveHour(
            programme.london.enrollmentId(), programme.london.serviceId(), programme.phaseId);
    awaitProcessed(publish(fine.scheduled()));

    try (var reader =
        new KafkaTopicReader(bootstrapServers, "coaching.events.evaluation-service.dlq")) {
      var dead =
          reader.awaitFirst(m -> poison.toString().equals(m.header(CloudEventHeaders.ID)), WAIT);
      assertThat(dead.header("x-exception-message")).contains("sessionId");
    }
  }

  private Map<String, EngagementFigures> byRegion(UUID phaseId) {
    return figures(REGION, phaseId);
  }

  private Map<String, EngagementFigures> byLevel(UUID phaseId) {
    return figures(LEVEL, phaseId);
  }

  private Map<String, EngagementFigures> figures(
      EngagementQueries.Dimension dimension, UUID phaseId) {
    return queries
        .figures(
            List.of(dimension),
            "s.phase_id = :phaseId",
            new MapSqlParameterSource().addValue("phaseId", phaseId))
        .stream()
        .collect(Collectors.toMap(g -> g.key().get(0), Group::figures));
  }

  /** The programme's events, published and applied, with both regions' engagement projected. */
  private ProgrammeEvents programmeApplied() {
    ProgrammeEvents programme = new ProgrammeEvents();
    UUID last = null;
    for (DomainEvent event : programme.all()) {
      last = publish(event);
    }
    awaitProcessed(last);
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> byRegion(programme.phaseId).size() == 2);
    return programme;
  }
}
