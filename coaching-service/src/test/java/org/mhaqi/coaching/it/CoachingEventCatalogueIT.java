package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.it.EnrollmentEventsIT.list;
import static org.mhaqi.coaching.it.SessionApiIT.completion;
import static org.mhaqi.coaching.it.SessionApiIT.member;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.EventCatalogue;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * Keeps the event catalogue {@code docs/asyncapi.yaml} true for {@code coaching.events}: every
 * coaching event type is documented, the documented payloads match the event records, the examples
 * validate, and what coaching-service really publishes on Kafka (headers, key and payload)
 * validates against the documented schemas. Also keeps the catalogue's account of how
 * coaching-service consumes {@code enrollment.events} (messages, consumer group, dead-letter topic)
 * in line with its configuration.
 */
class CoachingEventCatalogueIT extends IntegrationTest {

  private static final EventCatalogue CATALOGUE =
      EventCatalogue.forChannel(Topics.COACHING_EVENTS, "coaching-service");

  /** The binding of the enrollmentEvents function in application.yml. */
  private static final String BINDING = "enrollmentEvents-in-0";

  /** The enrolment event types coaching-service acts on (EnrollmentEventsConsumer). */
  private static final Set<String> HANDLED =
      Set.of(
          "ServiceEnrolled",
          "EnrollmentWithdrawn",
          "EnrollmentCompleted",
          "ProjectTeamUpdated",
          "TeamMemberErased");

  @Autowired Environment environment;

  @Test
  void theCatalogueDocumentsExactlyTheEventTypesOfTheTopic() {
    assertThat(CATALOGUE.messageNames())
        .as(
            "messages of channel %s in %s vs EventTypes.all()",
            Topics.COACHING_EVENTS, CATALOGUE.path())
        .isEqualTo(CATALOGUE.eventTypeNames())
        .isNotEmpty();

    List<String> violations = new ArrayList<>(CATALOGUE.checkMessages());
    violations.addAll(CATALOGUE.checkSendOperation("publishCoachingEvents"));
    CATALOGUE.assertNoViolations(violations);
  }

  @Test
  void theDocumentedPayloadsMatchTheEventRecordsAndTheExamplesValidate() {
    CATALOGUE.assertNoViolations(CATALOGUE.checkPayloadsAndExamples());
  }

  @Test
  void theCatalogueDescribesHowCoachingServiceConsumesEnrollmentEvents() {
    EventCatalogue enrollment =
        EventCatalogue.forChannel(Topics.ENROLLMENT_EVENTS, "enrollment-service");
    assertThat(environment.getProperty("spring.cloud.stream.bindings." + BINDING + ".destination"))
        .isEqualTo(Topics.ENROLLMENT_EVENTS);
    String group =
        environment.getRequiredProperty("spring.cloud.stream.bindings." + BINDING + ".group");
    String deadLetters =
        environment.getRequiredProperty(
            "spring.cloud.stream.kafka.bindings." + BINDING + ".consumer.dlq-name");

    enrollment.assertNoViolations(
        enrollment.checkReceiveOperation(
            "receiveEnrollmentEventsInCoaching", group, deadLetters, HANDLED));
  }

  @Test
  void everyCoachingEventReallyPublishedConformsToTheCatalogue() throws Exception {
    // ServiceEnrolled (with its team) → CoachingPlanCreated and one SessionScheduled per session.
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled enrolled = enrolled(enrollmentId, today().minusWeeks(6), today().plusWeeks(12));
    ProjectTeamUpdated team = team(enrollmentId, enrolled.serviceId());
    enrollmentService().send(team);
    enrollmentService().send(enrolled);
    JsonNode plan = awaitPlan(enrollmentId);
    Instant now = currentInstant();
    Instant later = now.plus(Duration.ofDays(2));

    // SessionRescheduled: a later weekly session moves to a free time of its day.
    JsonNode moved = reschedule(sessions(plan, s -> startsAfter(s, later) && isWeekly(s)));

    // SessionCancelled (REQUESTED): another later session is cancelled on request.
    JsonNode toCancel = sessions(plan, s -> startsAfter(s, later) && !sameSession(s, moved)).get(0);
    Api.Response cancelled =
        postJson(
            "/api/sessions/{id}/cancellation",
            Map.of("reason", "The ward is closed to visitors that week"),
            toCancel.get("id").asString());
    assertThat(cancelled.status()).as(cancelled.body().toString()).isEqualTo(200);

    // SessionCompleted: a past weekly session is completed with its attendance.
    JsonNode past = sessions(plan, s -> !startsAfter(s, now) && isWeekly(s)).get(0);
    Api.Response completed =
        postJson(
            "/api/sessions/{id}/completion",
            completion(
                50,
                Map.of("SERVICE_LEAD", 1, "FRONTLINE_STAFF", 2, "LIVED_EXPERIENCE_PARTNER", 1),
                List.of(
                    member(team, TeamRole.SERVICE_LEAD),
                    member(team, TeamRole.LIVED_EXPERIENCE_PARTNER)),
                true),
            past.get("id").asString());
    assertThat(completed.status()).as(completed.body().toString()).isEqualTo(200);

    // LearningEventScheduled: a webinar for the enrolment's phase, held this morning;
    // LearningEventAttended: the service attended it.
    Api.Response scheduled =
        api.post(
            "/api/learning-events",
            """
            {"title":"Catalogue webinar","format":"WEBINAR","startsAt":"%s","durationMinutes":45,
             "audience":"PHASE","phaseId":"%s"}"""
                .formatted(today().atTime(8, 0), enrolled.phaseId()));
    assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
    UUID learningEventId = UUID.fromString(scheduled.id());
    Api.Response attended =
        api.post(
            "/api/learning-events/" + learningEventId + "/attendance",
            """
            {"serviceId":"%s","attendees":3,"livedExperiencePartnerTookPart":true}"""
                .formatted(enrolled.serviceId()));
    assertThat(attended.status()).as(attended.body().toString()).isEqualTo(201);

    // SessionCancelled (ENROLLMENT_WITHDRAWN): the withdrawal cancels the remaining later ones.
    awaitProcessed(
        enrollmentService()
            .send(
                new EnrollmentWithdrawn(
                    enrollmentId,
                    enrolled.serviceId(),
                    enrolled.phaseId(),
                    "ENROLLED",
                    WithdrawalReason.OTHER,
                    currentInstant())));

    long recorded = outboxEvents(enrollmentId) + outboxEvents(learningEventId);
    String key = enrollmentId.toString();
    Set<String> keys = Set.of(key, learningEventId.toString());
    List<Message> received;
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.COACHING_EVENTS)) {
      received =
          reader.awaitUntil(
              all -> all.stream().filter(m -> keys.contains(m.key())).count() >= recorded, WAIT);
    }
    List<Message> mine = received.stream().filter(m -> keys.contains(m.key())).toList();

    assertThat(mine.stream().map(m -> m.header(CloudEventHeaders.ID)).distinct().count())
        .as("distinct events of enrollment %s on %s", key, Topics.COACHING_EVENTS)
        .isEqualTo(recorded);
    assertThat(mine)
        .extracting(m -> m.header(CloudEventHeaders.TYPE))
        .as("the scenario publishes every event type of %s", Topics.COACHING_EVENTS)
        .containsAll(CATALOGUE.eventTypeNames());
    assertThat(
            mine.stream()
                .filter(m -> "SessionCancelled".equals(m.header(CloudEventHeaders.TYPE)))
                .map(m -> json.readTree(m.value()).path("cause").asString())
                .collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("REQUESTED", "ENROLLMENT_WITHDRAWN");
    // Everything coaching-service has published on the topic in this JVM, not only this
    // scenario's events: the other tests' plans, staffing and changes must conform too.
    List<String> violations = new ArrayList<>();
    for (Message event : received) {
      violations.addAll(CATALOGUE.validate(event));
    }
    CATALOGUE.assertNoViolations(violations);
  }

  /**
   * Moves the first of the sessions that can be moved, with its coach, to a time of its own day no
   * planned session uses; returns the session as it was.
   */
  private JsonNode reschedule(List<JsonNode> candidates) throws Exception {
    List<String> refusals = new ArrayList<>();
    for (JsonNode session : candidates.subList(0, Math.min(candidates.size(), 5))) {
      LocalDate day = LocalDateTime.parse(session.get("startsAt").asString()).toLocalDate();
      for (LocalTime time : List.of(LocalTime.of(17, 30), LocalTime.of(7, 30))) {
        Api.Response result =
            postJson(
                "/api/sessions/{id}/reschedule",
                Map.of("startsAt", day.atTime(time), "reason", "The ward round moved"),
                session.get("id").asString());
        if (result.status() == 200) {
          return session;
        }
        refusals.add(result.body().toString());
      }
    }
    throw new AssertionError("No session could be rescheduled: " + refusals);
  }

  /** The plan's scheduled, staffed sessions that match, in the plan's order (by start). */
  private static List<JsonNode> sessions(JsonNode plan, Predicate<JsonNode> filter) {
    List<JsonNode> found =
        list(plan.get("sessions")).stream()
            .filter(s -> s.get("status").asString().equals("SCHEDULED"))
            .filter(s -> s.get("staffed").asBoolean())
            .filter(filter)
            .toList();
    assertThat(found).as("sessions of the plan to work with").isNotEmpty();
    return found;
  }

  private static boolean isWeekly(JsonNode session) {
    return session.get("kind").asString().equals("COACHING_SESSION")
        && session.get("level").asString().equals("SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY");
  }

  private static boolean startsAfter(JsonNode session, Instant instant) {
    return Instant.parse(session.get("startsAtInstant").asString()).isAfter(instant);
  }

  private static boolean sameSession(JsonNode a, JsonNode b) {
    return a.get("id").asString().equals(b.get("id").asString());
  }
}
