package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.it.EnrollmentEventsIT.list;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.KafkaTopicReader;
import tools.jackson.databind.JsonNode;

/** Rescheduling, cancelling and completing sessions over HTTP, and every way to get it wrong. */
class SessionApiIT extends IntegrationTest {

  /** A window holding Christmas 2026 (Friday 25 December, a bank holiday). */
  static final LocalDate WINTER_START = LocalDate.of(2026, 12, 1);

  static final LocalDate WINTER_END = LocalDate.of(2027, 1, 31);

  record Enrolled(
      UUID enrollmentId, ServiceEnrolled event, ProjectTeamUpdated team, JsonNode plan) {}

  Enrolled enrol(LocalDate first, LocalDate last) {
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled event = enrolled(enrollmentId, first, last);
    ProjectTeamUpdated team = team(enrollmentId, event.serviceId());
    enrollmentService().send(team);
    enrollmentService().send(event);
    return new Enrolled(enrollmentId, event, team, awaitPlan(enrollmentId));
  }

  static JsonNode weeklySession(JsonNode plan, java.util.function.Predicate<JsonNode> filter) {
    return list(plan.get("sessions")).stream()
        .filter(s -> s.get("status").asString().equals("SCHEDULED"))
        .filter(s -> s.get("kind").asString().equals("COACHING_SESSION"))
        .filter(s -> s.get("level").asString().equals("SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY"))
        .filter(s -> s.get("staffed").asBoolean())
        .filter(filter)
        .findFirst()
        .orElseThrow();
  }

  void assertProblem(Api.Response result, int status, String code, String field) {
    assertThat(result.status()).isEqualTo(status);
    assertThat(result.contentType()).startsWith("application/problem+json");
    JsonNode problem = result.body();
    if (code != null) {
      assertThat(problem.get("type").asString()).isEqualTo("urn:mhaqi:problem:" + code);
    }
    assertThat(problem.get("field").asString()).isEqualTo(field);
  }

  /** The session and the enrolment's recorded events are exactly as before. */
  void assertUnchanged(JsonNode before, long eventsBefore, UUID enrollmentId) {
    JsonNode now = read("/api/sessions/{id}", before.get("id").asString());
    assertThat(now.get("startsAt")).isEqualTo(before.get("startsAt"));
    assertThat(now.get("coachId")).isEqualTo(before.get("coachId"));
    assertThat(now.get("status")).isEqualTo(before.get("status"));
    assertThat(now.get("revision")).isEqualTo(before.get("revision"));
    assertThat(now.get("deliveredMinutes")).isEqualTo(before.get("deliveredMinutes"));
    assertThat(outboxEvents(enrollmentId)).isEqualTo(eventsBefore);
    assertThat(
            read("/api/sessions/{id}/history", before.get("id").asString())
                .get("page")
                .get("totalElements")
                .asInt())
        .isEqualTo(
            before.get("revision").asInt()
                + ("COMPLETED".equals(before.get("status").asString()) ? 1 : 0));
  }

  @Test
  void reschedulingOntoAWeekendABankHolidayOrTheCoachsOtherSessionIsRefusedAndChangesNothing()
      throws Exception {
    Enrolled e = enrol(WINTER_START, WINTER_END);
    JsonNode session = weeklySession(e.plan(), s -> true);
    String id = session.get("id").asString();
    String coachId = session.get("coachId").asString();
    LocalDateTime start = LocalDateTime.parse(session.get("startsAt").asString());
    long events = outboxEvents(e.enrollmentId());

    LocalDateTime saturday = start.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    assertProblem(
        postJson(
            "/api/sessions/{id}/reschedule", Map.of("startsAt", saturday, "reason", "Weekend"), id),
        422,
        "weekend",
        "startsAt");
    assertUnchanged(session, events, e.enrollmentId());

    assertProblem(
        postJson(
            "/api/sessions/{id}/reschedule",
            Map.of("startsAt", "2026-12-25T10:00:00", "reason", "Christmas"),
            id),
        422,
        "bank-holiday",
        "startsAt");
    assertUnchanged(session, events, e.enrollmentId());

    List<JsonNode> coachSessions =
        list(
            read(
                    "/api/coaches/{id}/sessions?from="
                        + WINTER_START.toString()
                        + "&to="
                        + WINTER_END.toString()
                        + "&size=200",
                    coachId)
                .get("content"));
    JsonNode other =
        coachSessions.stream()
            .filter(s -> !s.get("id").asString().equals(id))
            .filter(s -> s.get("kind").asString().equals("COACHING_SESSION"))
            .filter(s -> s.get("status").asString().equals("SCHEDULED"))
            .findFirst()
            .orElseThrow();
    assertProblem(
        postJson(
            "/api/sessions/{id}/reschedule",
            Map.of("startsAt", other.get("startsAt").asString(), "reason", "Clash"),
            id),
        409,
        "coach-double-booked",
        "startsAt");
    assertUnchanged(session, events, e.enrollmentId());

    JsonNode fullDay =
        coachSessions.stream()
            .filter(s -> s.get("kind").asString().equals("IMPROVEMENT_DAY"))
            .findFirst()
            .orElseThrow();
    LocalDate fullDayDate = LocalDateTime.parse(fullDay.get("startsAt").asString()).toLocalDate();
    assertProblem(
        postJson(
            "/api/sessions/{id}/reschedule",
            Map.of("startsAt", fullDayDate.atTime(17, 15).toString(), "reason", "After the day"),
            id),
        409,
        "coach-double-booked",
        "startsAt");
    assertUnchanged(session, events, e.enrollmentId());

    assertProblem(
        postJson(
            "/api/sessions/{id}/reschedule",
            Map.of(
                "startsAt",
                start.toLocalDate().atTime(16, 45).toString(),
                "coachId",
                UUID.randomUUID(),
                "reason",
                "New coach"),
            id),
        422,
        "not-found",
        "coachId");
    assertUnchanged(session, events, e.enrollmentId());

    assertProblem(
        postJson(
            "/api/sessions/{id}/reschedule",
            Map.of("startsAt", "2027-03-03T10:00:00", "reason", "Outside"),
            id),
        422,
        "outside-coaching-window",
        "startsAt");
    assertUnchanged(session, events, e.enrollmentId());
  }

  @Test
  void aRescheduleKeepsTheOriginalTimeBumpsTheSequenceAndIsAnnounced() throws Exception {
    Enrolled e = enrol(WINTER_START, WINTER_END);
    JsonNode session = weeklySession(e.plan(), s -> true);
    String id = session.get("id").asString();
    LocalDateTime original = LocalDateTime.parse(session.get("startsAt").asString());
    LocalDateTime moved = original.toLocalDate().atTime(16, 45);

    Api.Response result =
        postJson(
            "/api/sessions/{id}/reschedule", Map.of("startsAt", moved, "reason", "Ward round"), id);

    assertThat(result.status()).isEqualTo(200);
    JsonNode after = result.body();
    assertThat(LocalDateTime.parse(after.get("startsAt").asString())).isEqualTo(moved);
    assertThat(LocalDateTime.parse(after.get("originalStartsAt").asString())).isEqualTo(original);
    assertThat(after.get("revision").asInt()).isEqualTo(1);
    assertThat(after.get("coachId")).isEqualTo(session.get("coachId"));
    JsonNode history = read("/api/sessions/{id}/history", id).get("content");
    assertThat(history.size()).isEqualTo(1);
    assertThat(history.get(0).get("change").asString()).isEqualTo("RESCHEDULED");
    assertThat(LocalDateTime.parse(history.get(0).get("fromStartsAt").asString()))
        .isEqualTo(original);
    assertThat(history.get(0).get("actor").asString()).isEqualTo("test-admin");
    assertThat(history.get(0).get("reason").asString()).isEqualTo("Ward round");

    String feed =
        get("/api/coaches/{id}/calendar.ics", session.get("coachId").asString()).body().asString();
    Calendar calendar = new CalendarBuilder().build(new StringReader(feed));
    VEvent event =
        calendar.<VEvent>getComponents(Component.VEVENT).stream()
            .filter(v -> v.getUid().orElseThrow().getValue().equals(id + "@coaching.mhaqi"))
            .findFirst()
            .orElseThrow();
    assertThat(event.getSequence().getSequenceNo()).isEqualTo(1);
    assertThat(feed)
        .contains(
            "DTSTART;TZID=Europe/London:"
                + moved.toString().replace("-", "").replace(":", "")
                + "00");

    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.COACHING_EVENTS)) {
      var rescheduled =
          reader.awaitFirst(
              m -> "SessionRescheduled".equals(m.type()) && m.value().contains(id), WAIT);
      assertThat(rescheduled.key()).isEqualTo(e.enrollmentId().toString());
      JsonNode payload = json.readTree(rescheduled.value());
      assertThat(LocalDateTime.parse(payload.get("previousStartsAt").asString()))
          .isEqualTo(original);
      assertThat(LocalDateTime.parse(payload.get("startsAt").asString())).isEqualTo(moved);
      assertThat(payload.get("revision").asInt()).isEqualTo(1);
    }
  }

  @Test
  void completionChecksAttendanceAgainstTheTeamAndMinutesAgainstTheSession() throws Exception {
    Enrolled e = enrol(today().minusWeeks(6), today().plusWeeks(4));
    Instant now = currentInstant();
    JsonNode past =
        weeklySession(
            e.plan(), s -> Instant.parse(s.get("startsAtInstant").asString()).isBefore(now));
    JsonNode future =
        weeklySession(
            e.plan(), s -> Instant.parse(s.get("startsAtInstant").asString()).isAfter(now));
    String id = past.get("id").asString();
    UUID lead = member(e.team(), TeamRole.SERVICE_LEAD);
    UUID partner = member(e.team(), TeamRole.LIVED_EXPERIENCE_PARTNER);
    long events = outboxEvents(e.enrollmentId());

    assertProblem(
        postJson(
            "/api/sessions/{id}/completion",
            completion(60, Map.of("FRONTLINE_STAFF", 3), List.of(), false),
            id),
        422,
        "attendance-above-team-size",
        "attendance.FRONTLINE_STAFF");
    assertUnchanged(past, events, e.enrollmentId());

    assertProblem(
        postJson(
            "/api/sessions/{id}/completion",
            completion(-5, Map.of("SERVICE_LEAD", 1), List.of(), false),
            id),
        400,
        "validation-failed",
        "minutesDelivered");
    assertUnchanged(past, events, e.enrollmentId());

    assertProblem(
        postJson(
            "/api/sessions/{id}/completion",
            completion(61, Map.of("SERVICE_LEAD", 1), List.of(), false),
            id),
        422,
        "minutes-out-of-range",
        "minutesDelivered");
    assertUnchanged(past, events, e.enrollmentId());

    assertProblem(
        postJson(
            "/api/sessions/{id}/completion",
            completion(60, Map.of("SERVICE_LEAD", 1), List.of(UUID.randomUUID()), false),
            id),
        422,
        "unknown-team-member",
        "attendeeMemberIds[0]");
    assertUnchanged(past, events, e.enrollmentId());

    assertProblem(
        postJson(
            "/api/sessions/{id}/completion",
            completion(60, Map.of("SERVICE_LEAD", 1), List.of(), false),
            future.get("id").asString()),
        409,
        "session-not-started",
        "status");
    assertUnchanged(future, events, e.enrollmentId());

    Api.Response done =
        postJson(
            "/api/sessions/{id}/completion",
            completion(
                55,
                Map.of("SERVICE_LEAD", 1, "FRONTLINE_STAFF", 2, "LIVED_EXPERIENCE_PARTNER", 1),
                List.of(lead, partner),
                true),
            id);

    assertThat(done.status()).isEqualTo(200);
    JsonNode completed = done.body();
    assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(completed.get("deliveredMinutes").asInt()).isEqualTo(55);
    assertThat(completed.get("attendance").get("FRONTLINE_STAFF").asInt()).isEqualTo(2);
    assertThat(outboxEvents(e.enrollmentId())).isEqualTo(events + 1);
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.COACHING_EVENTS)) {
      var message =
          reader.awaitFirst(
              m -> "SessionCompleted".equals(m.type()) && m.value().contains(id), WAIT);
      JsonNode payload = json.readTree(message.value());
      assertThat(payload.get("level").asString())
          .isEqualTo("SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY");
      assertThat(payload.get("kind").asString()).isEqualTo("COACHING_SESSION");
      assertThat(payload.get("plannedMinutes").asInt()).isEqualTo(60);
      assertThat(payload.get("deliveredMinutes").asInt()).isEqualTo(55);
      assertThat(payload.get("attendees").asInt()).isEqualTo(4);
      assertThat(payload.get("livedExperiencePartnerTookPart").asBoolean()).isTrue();
      Map<String, JsonNode> byRole = new java.util.HashMap<>();
      list(payload.get("attendance")).forEach(r -> byRole.put(r.get("role").asString(), r));
      assertThat(byRole)
          .containsOnlyKeys("SERVICE_LEAD", "FRONTLINE_STAFF", "LIVED_EXPERIENCE_PARTNER");
      assertThat(byRole.get("FRONTLINE_STAFF").get("count").asInt()).isEqualTo(2);
      assertThat(byRole.get("SERVICE_LEAD").get("memberIds").get(0).asString())
          .isEqualTo(lead.toString());
      assertThat(message.value()).doesNotContain("test-admin");
    }
  }

  @Test
  void aCancelledSessionCannotBeCompletedAndShowsCancelledInTheServiceFeed() throws Exception {
    Enrolled e = enrol(today().minusWeeks(4), today().plusWeeks(4));
    Instant now = currentInstant();
    JsonNode past =
        weeklySession(
            e.plan(), s -> Instant.parse(s.get("startsAtInstant").asString()).isBefore(now));
    String id = past.get("id").asString();

    assertProblem(
        postJson("/api/sessions/{id}/cancellation", Map.of("reason", ""), id),
        400,
        "validation-failed",
        "reason");
    Api.Response cancelled =
        postJson(
            "/api/sessions/{id}/cancellation",
            Map.of("reasonCode", "COACH_UNAVAILABLE", "reason", "Coach unwell"),
            id);
    assertThat(cancelled.status()).isEqualTo(200);
    JsonNode after = cancelled.body();
    assertThat(after.get("status").asString()).isEqualTo("CANCELLED");
    long events = outboxEvents(e.enrollmentId());

    assertProblem(
        postJson(
            "/api/sessions/{id}/completion",
            completion(60, Map.of("SERVICE_LEAD", 1), List.of(), false),
            id),
        409,
        "session-cancelled",
        "status");
    assertUnchanged(after, events, e.enrollmentId());
    assertProblem(
        postJson(
            "/api/sessions/{id}/reschedule",
            Map.of("startsAt", today().plusDays(1).atTime(10, 0), "reason", "x"),
            id),
        409,
        "session-cancelled",
        "status");
    assertUnchanged(after, events, e.enrollmentId());

    Api.Response feedResult = get("/api/services/{id}/calendar.ics", e.event().serviceId());
    assertThat(feedResult.contentType()).startsWith("text/calendar");
    Calendar feed = new CalendarBuilder().build(new StringReader(feedResult.body().asString()));
    List<VEvent> events1 = feed.getComponents(Component.VEVENT);
    assertThat(events1).hasSize(e.plan().get("sessions").size());
    VEvent event =
        events1.stream()
            .filter(v -> v.getUid().orElseThrow().getValue().equals(id + "@coaching.mhaqi"))
            .findFirst()
            .orElseThrow();
    assertThat(event.getStatus().getValue()).isEqualTo("CANCELLED");
    assertThat(event.getSequence().getSequenceNo()).isEqualTo(1);
  }

  @Test
  void unknownEnrollmentsCoachesSessionsAndServicesAreProblemsNotFound() throws Exception {
    for (String path :
        List.of(
            "/api/enrollments/" + UUID.randomUUID() + "/plan",
            "/api/coaches/" + UUID.randomUUID(),
            "/api/coaches/" + UUID.randomUUID() + "/calendar.ics",
            "/api/coaches/" + UUID.randomUUID() + "/sessions",
            "/api/services/" + UUID.randomUUID() + "/calendar.ics",
            "/api/sessions/" + UUID.randomUUID())) {
      Api.Response result = get(path);
      assertThat(result.status()).as(path).isEqualTo(404);
      assertThat(result.contentType()).as(path).startsWith("application/problem+json");
    }
  }

  @Test
  void thePlanAtTheOldSpellingRedirectsPermanentlyToTheNewAddress() throws Exception {
    Enrolled enrolled = enrol(WINTER_START, WINTER_END);

    Api.Response old = get("/api/enrolments/{id}/plan", enrolled.enrollmentId());

    assertThat(old.status()).isEqualTo(308);
    String location = old.header("Location");
    assertThat(location).isEqualTo("/api/enrollments/" + enrolled.enrollmentId() + "/plan");
    assertThat(read(location).get("id")).isEqualTo(enrolled.plan().get("id"));
  }

  static Map<String, Object> completion(
      int minutes, Map<String, Integer> attendance, List<UUID> members, boolean partner) {
    return Map.of(
        "minutesDelivered", minutes,
        "attendance", attendance,
        "attendeeMemberIds", members,
        "livedExperiencePartnerTookPart", partner);
  }

  static UUID member(ProjectTeamUpdated team, TeamRole role) {
    return team.members().stream()
        .filter(m -> m.role() == role)
        .findFirst()
        .orElseThrow()
        .memberId();
  }
}
