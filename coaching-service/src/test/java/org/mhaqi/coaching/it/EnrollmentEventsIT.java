package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.testing.KafkaTopicReader;
import tools.jackson.databind.JsonNode;

/** enrollment-service's events through the real broker: plans, duplicates, withdrawals, poison. */
class EnrollmentEventsIT extends IntegrationTest {

  static final String DLQ = "enrollment.events.coaching-service.dlq";

  @Test
  void aServiceEnrolledMakesTheFullPlanAndAnnouncesItOnCoachingEvents() {
    UUID enrollmentId = UUID.randomUUID();
    LocalDate first = today().minusWeeks(6);
    LocalDate last = today().plusWeeks(20);
    ServiceEnrolled event = enrolled(enrollmentId, first, last);
    enrollmentService().send(team(enrollmentId, event.serviceId()));
    enrollmentService().send(event);

    JsonNode plan = awaitPlan(enrollmentId);

    List<JsonNode> sessions = list(plan.get("sessions"));
    assertThat(sessions).hasSizeGreaterThan(25);
    assertThat(plan.get("unstaffedSessions").asLong()).isZero();
    assertThat(sessions)
        .allSatisfy(
            s -> {
              LocalDate day = LocalDateTime.parse(s.get("startsAt").asString()).toLocalDate();
              assertThat(day).isBetween(first, last);
              assertThat(day.getDayOfWeek().getValue()).isLessThanOrEqualTo(5);
              assertThat(s.get("timeZone").asString()).isEqualTo("Europe/London");
            });
    assertThat(sessions.stream().map(s -> s.get("level").asString()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("EXECUTIVE", "SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY");
    assertThat(sessions).anyMatch(s -> s.get("kind").asString().equals("IMPROVEMENT_DAY"));

    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.COACHING_EVENTS)) {
      var mine =
          reader.awaitMatching(
              m -> enrollmentId.toString().equals(m.key()), sessions.size() + 1, WAIT);
      assertThat(mine.get(0).header(CloudEventHeaders.TYPE)).isEqualTo("CoachingPlanCreated");
      assertThat(mine.get(0).header(CloudEventHeaders.SOURCE)).isEqualTo("/mhaqi/coaching-service");
      assertThat(mine.get(0).header(CloudEventHeaders.SCHEMA_VERSION)).isEqualTo("1");
      assertThat(mine.get(0).header(CloudEventHeaders.SUBJECT)).isEqualTo(enrollmentId.toString());
      JsonNode created = json.readTree(mine.get(0).value());
      assertThat(created.get("sessions").asInt()).isEqualTo(sessions.size());
      assertThat(created.get("unstaffedSessions").asInt()).isZero();
      assertThat(mine.subList(1, mine.size()))
          .hasSize(sessions.size())
          .allSatisfy(
              m -> assertThat(m.header(CloudEventHeaders.TYPE)).isEqualTo("SessionScheduled"));
      JsonNode scheduled = json.readTree(mine.get(1).value());
      assertThat(scheduled.get("timeZone").asString()).isEqualTo("Europe/London");
      assertThat(scheduled.has("coachId")).isTrue();
      assertThat(mine.get(1).value()).doesNotContain("Demo coach");
    }
  }

  @Test
  void theSameEventTwiceOrRepublishedMakesOnePlanAndNothingNew() {
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled event = enrolled(enrollmentId, today().minusWeeks(2), today().plusWeeks(12));
    UUID eventId = UUID.randomUUID();
    ProducerRecord<String, byte[]> record = enrollmentService().record(event, eventId);
    enrollmentService().send(record);
    JsonNode plan = awaitPlan(enrollmentId);
    long recorded = outboxEvents(enrollmentId);

    enrollmentService().send(record);
    UUID republished = enrollmentService().send(event);
    // A later event on the same key is processed after both, in partition order.
    UUID marker = enrollmentService().send(team(enrollmentId, event.serviceId()));
    awaitProcessed(marker);

    assertThat(outboxEvents(enrollmentId)).isEqualTo(recorded);
    assertThat(plan(enrollmentId).get("id").asString()).isEqualTo(plan.get("id").asString());
    assertThat(
            jdbc.sql("select count(*) from coaching_plan where enrollment_id = ?")
                .param(enrollmentId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count(*) from processed_event where event_id in (?, ?)")
                .params(eventId, republished)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void aWithdrawalCancelsEveryFutureSessionAndAnnouncesEachCancellation() {
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled event = enrolled(enrollmentId, today().minusWeeks(5), today().plusWeeks(10));
    enrollmentService().send(event);
    JsonNode before = awaitPlan(enrollmentId);
    Instant withdrawnAt = currentInstant();
    Set<String> future =
        list(before.get("sessions")).stream()
            .filter(s -> Instant.parse(s.get("startsAtInstant").asString()).isAfter(withdrawnAt))
            .map(s -> s.get("id").asString())
            .collect(Collectors.toSet());
    Set<String> past =
        list(before.get("sessions")).stream()
            .map(s -> s.get("id").asString())
            .filter(id -> !future.contains(id))
            .collect(Collectors.toSet());
    assertThat(future).isNotEmpty();
    assertThat(past).isNotEmpty();

    UUID withdrawal =
        enrollmentService()
            .send(
                new EnrollmentWithdrawn(
                    enrollmentId,
                    event.serviceId(),
                    event.phaseId(),
                    "ENROLLED",
                    WithdrawalReason.SERVICE_CLOSED_OR_MERGED,
                    withdrawnAt));
    awaitProcessed(withdrawal);

    JsonNode after = plan(enrollmentId);
    assertThat(after.get("withdrawnAt").isNull()).isFalse();
    for (JsonNode s : list(after.get("sessions"))) {
      String id = s.get("id").asString();
      if (future.contains(id)) {
        assertThat(s.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(s.get("cancellationCause").asString()).isEqualTo("ENROLLMENT_WITHDRAWN");
        assertThat(s.get("cancellationReason").asString()).contains("SERVICE_CLOSED_OR_MERGED");
      } else {
        assertThat(s.get("status").asString()).isEqualTo("SCHEDULED");
      }
    }
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.COACHING_EVENTS)) {
      var cancelled =
          reader
              .awaitMatching(
                  m ->
                      enrollmentId.toString().equals(m.key())
                          && "SessionCancelled".equals(m.type()),
                  future.size(),
                  WAIT)
              .stream()
              .map(m -> json.readTree(m.value()).get("sessionId").asString())
              .toList();
      assertThat(cancelled).hasSize(future.size()).containsExactlyInAnyOrderElementsOf(future);
    }
  }

  /**
   * The migration of events already on the topic: a version 1 withdrawal, which carried the reason
   * in words, is still read during its deprecation period, as the reason code OTHER; its words go
   * nowhere.
   */
  @Test
  void aVersion1WithdrawalStillOnTheTopicIsReadWithItsWordsDropped() {
    UUID enrollmentId = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    byte[] version1 =
        json.writeValueAsBytes(
            Map.of(
                "enrollmentId", enrollmentId.toString(),
                "serviceId", UUID.randomUUID().toString(),
                "phaseId", UUID.randomUUID().toString(),
                "previousStatus", "ENROLLED",
                "reason", "Ward merged with another",
                "withdrawnAt", currentInstant().toString()));
    enrollmentService()
        .send(
            enrollmentService()
                .record(
                    Topics.ENROLLMENT_EVENTS,
                    enrollmentId.toString(),
                    eventId,
                    "EnrollmentWithdrawn",
                    "1",
                    version1));

    awaitProcessed(eventId);

    assertThat(
            jdbc.sql("select withdrawal_reason from enrollment where id = ?")
                .param(enrollmentId)
                .query(String.class)
                .single())
        .isEqualTo("OTHER");
  }

  @Test
  void aWithdrawalThatOvertakesItsEnrollmentLeavesNoFutureSession() {
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled event = enrolled(enrollmentId, today().minusWeeks(3), today().plusWeeks(8));
    UUID withdrawal =
        enrollmentService()
            .send(
                new EnrollmentWithdrawn(
                    enrollmentId,
                    event.serviceId(),
                    event.phaseId(),
                    "ENROLLED",
                    WithdrawalReason.OTHER,
                    currentInstant()));
    awaitProcessed(withdrawal);
    assertThat(get("/api/enrollments/{id}/plan", enrollmentId).status()).isEqualTo(404);

    enrollmentService().send(event);
    JsonNode plan = awaitPlan(enrollmentId);

    Instant now = currentInstant();
    assertThat(plan.get("withdrawnAt").isNull()).isFalse();
    assertThat(list(plan.get("sessions")))
        .isNotEmpty()
        .filteredOn(s -> Instant.parse(s.get("startsAtInstant").asString()).isAfter(now))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.get("status").asString()).isEqualTo("CANCELLED"));
  }

  @Test
  void poisonMessagesLandOnTheDeadLetterTopicWithTheReasonAndTheStreamGoesOn() {
    UUID enrollmentId = UUID.randomUUID();
    String key = enrollmentId.toString();
    UUID unparseable = UUID.randomUUID();
    UUID unknownVersion = UUID.randomUUID();
    enrollmentService()
        .send(
            enrollmentService()
                .record(
                    Topics.ENROLLMENT_EVENTS,
                    key,
                    unparseable,
                    "ServiceEnrolled",
                    "1",
                    "{\"enrollmentId\": ".getBytes(StandardCharsets.UTF_8)));
    ServiceEnrolled event = enrolled(enrollmentId, today().minusWeeks(1), today().plusWeeks(6));
    enrollmentService()
        .send(
            enrollmentService()
                .record(
                    Topics.ENROLLMENT_EVENTS,
                    key,
                    unknownVersion,
                    "ServiceEnrolled",
                    "7",
                    json.writeValueAsBytes(event)));
    var noEnvelope =
        new ProducerRecord<String, byte[]>(
            Topics.ENROLLMENT_EVENTS, key, "{}".getBytes(StandardCharsets.UTF_8));
    enrollmentService().send(noEnvelope);
    UUID good = enrollmentService().send(event);

    awaitProcessed(good);
    assertThat(awaitPlan(enrollmentId).get("sessions").size()).isPositive();
    try (var reader = new KafkaTopicReader(bootstrapServers, DLQ)) {
      var mine = reader.awaitMatching(m -> key.equals(m.key()), 3, WAIT);
      assertThat(mine).hasSize(3);
      assertThat(mine.get(0).header(CloudEventHeaders.ID)).isEqualTo(unparseable.toString());
      assertThat(reason(mine.get(0))).contains("Unparseable payload");
      assertThat(mine.get(0).header("x-original-topic")).isEqualTo(Topics.ENROLLMENT_EVENTS);
      assertThat(mine.get(1).header(CloudEventHeaders.ID)).isEqualTo(unknownVersion.toString());
      assertThat(reason(mine.get(1))).contains("Unknown schema version 7");
      assertThat(reason(mine.get(2))).contains("Not a platform event");
    }
    assertThat(
            jdbc.sql("select count(*) from processed_event where event_id in (?, ?)")
                .params(unparseable, unknownVersion)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void eventTypesTheConsumerDoesNotHandleAreAcknowledgedAndRemembered() {
    UUID enrollmentId = UUID.randomUUID();
    UUID declined =
        enrollmentService()
            .send(
                new org.mhaqi.events.enrollment.EnrollmentDeclined(
                    enrollmentId,
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    org.mhaqi.events.enrollment.DeclineReason.PROVIDER_NOT_ELIGIBLE,
                    true,
                    currentInstant()));

    awaitProcessed(declined);

    assertThat(
            jdbc.sql("select event_type from processed_event where event_id = ?")
                .param(declined)
                .query(String.class)
                .single())
        .isEqualTo("EnrollmentDeclined");
    assertThat(get("/api/enrollments/{id}/plan", enrollmentId).status()).isEqualTo(404);
  }

  private static String reason(org.mhaqi.testing.KafkaTopicReader.Message message) {
    String reason = message.header("x-exception-message");
    return reason != null ? reason : "";
  }

  static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
