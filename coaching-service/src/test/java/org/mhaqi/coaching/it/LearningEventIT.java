package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import tools.jackson.databind.JsonNode;

/**
 * Learning events through the API: refused at the edge naming the field, in the invited service's
 * and its coaches' calendar feeds and nobody else's, attendance once per invited service after the
 * event began, announced on coaching.events without the title. Only events for one (random) phase
 * are scheduled here, so that the other tests' feeds stay as they are.
 */
class LearningEventIT extends IntegrationTest {

  static final String EVENTS = "/api/learning-events";

  @Test
  void aPhasesWebinarIsInItsTeamsCalendarAndItsAttendanceIsAnnouncedWithoutTheTitle()
      throws Exception {
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled enrolled = enrolled(enrollmentId, today().minusWeeks(6), today().plusWeeks(12));
    enrollmentService().send(team(enrollmentId, enrolled.serviceId()));
    enrollmentService().send(enrolled);
    JsonNode plan = awaitPlan(enrollmentId);
    UUID outsider = UUID.randomUUID();
    ServiceEnrolled other = enrolled(outsider, today().minusWeeks(6), today().plusWeeks(12));
    enrollmentService().send(team(outsider, other.serviceId()));
    enrollmentService().send(other);
    awaitPlan(outsider);

    // Refused at the edge, naming the field.
    assertRefused(
        schedule("", "WEBINAR", today().atTime(8, 0), 45, enrolled.phaseId()), 400, "title");
    assertRefused(
        api.post(
            EVENTS,
            """
            {"title":"No phase","format":"WEBINAR","startsAt":"%s","durationMinutes":45,
             "audience":"PHASE"}"""
                .formatted(today().atTime(8, 0))),
        422,
        "phaseId");
    LocalDateTime saturday = today().with(TemporalAdjusters.next(DayOfWeek.SATURDAY)).atTime(10, 0);
    assertRefused(
        schedule("Weekend", "WEBINAR", saturday, 45, enrolled.phaseId()), 422, "startsAt");
    assertRefused(
        schedule("Too long", "WEBINAR", today().atTime(9, 0), 300, enrolled.phaseId()),
        422,
        "durationMinutes");
    assertRefused(
        schedule("Evening", "WEBINAR", today().atTime(17, 30), 60, enrolled.phaseId()),
        422,
        "startsAt");

    // This morning's webinar for the phase, and next week's in-person day.
    String title = "Sharing what we learnt " + UUID.randomUUID();
    JsonNode webinar =
        schedule(title, "WEBINAR", today().atTime(8, 0), 45, enrolled.phaseId()).expect(201).body();
    String webinarId = webinar.path("id").asString();
    assertThat(webinar.path("timeZone").asString()).isEqualTo("Europe/London");
    assertThat(LocalDateTime.parse(webinar.path("endsAt").asString()))
        .isEqualTo(today().atTime(8, 45));
    LocalDateTime nextMonday = today().plusWeeks(1).atTime(9, 30);
    String dayId =
        schedule("Improvement day together", "IN_PERSON_DAY", nextMonday, 420, enrolled.phaseId())
            .expect(201)
            .id();

    // In the invited service's feed under its title, not in the other phase's service's.
    String feed =
        api.get("/api/services/" + enrolled.serviceId() + "/calendar.ics").body().asString();
    List<VEvent> events =
        new CalendarBuilder().build(new StringReader(feed)).getComponents(Component.VEVENT);
    assertThat(events)
        .extracting(e -> e.getUid().orElseThrow().getValue())
        .contains(
            webinarId + "@learning-events.coaching.mhaqi",
            dayId + "@learning-events.coaching.mhaqi");
    // Long lines are folded in the feed (RFC 5545): the title is read back parsed.
    assertThat(events)
        .extracting(e -> e.getSummary().getValue())
        .contains("Learning webinar: " + title);
    assertThat(api.get("/api/services/" + other.serviceId() + "/calendar.ics").body().asString())
        .doesNotContain(webinarId);
    // And in the feed of a coach of the plan.
    String coachId =
        EnrollmentEventsIT.list(plan.get("sessions")).stream()
            .filter(s -> s.get("staffed").asBoolean())
            .findFirst()
            .orElseThrow()
            .get("coachId")
            .asString();
    assertThat(api.get("/api/coaches/" + coachId + "/calendar.ics").body().asString())
        .contains(webinarId + "@learning-events.coaching.mhaqi");

    // Attendance: not before the event began, not for a service it does not invite, once.
    assertRefused(attend(dayId, enrolled.serviceId(), 4), 409, "learningEventId");
    assertRefused(attend(webinarId, other.serviceId(), 4), 422, "serviceId");
    attend(webinarId, enrolled.serviceId(), 4).expect(201);
    assertRefused(attend(webinarId, enrolled.serviceId(), 4), 409, "serviceId");
    assertThat(
            api.get(EVENTS + "/" + webinarId).expect(200).body().path("attendingServices").asInt())
        .isEqualTo(1);

    Message announced;
    try (var reader = new KafkaTopicReader(bootstrapServers, Topics.COACHING_EVENTS)) {
      announced =
          reader.awaitFirst(
              m ->
                  enrollmentId.toString().equals(m.key())
                      && "LearningEventAttended".equals(m.type()),
              WAIT);
    }
    JsonNode payload = json.readTree(announced.value());
    assertThat(payload.path("learningEventId").asString()).isEqualTo(webinarId);
    assertThat(payload.path("serviceId").asString()).isEqualTo(enrolled.serviceId().toString());
    assertThat(payload.path("attendees").asInt()).isEqualTo(4);
    assertThat(payload.path("plannedMinutes").asInt()).isEqualTo(45);
    assertThat(announced.value()).doesNotContain(title);
  }

  private Api.Response schedule(
      String title, String format, LocalDateTime startsAt, int minutes, UUID phaseId) {
    return api.post(
        EVENTS,
        """
        {"title":"%s","format":"%s","startsAt":"%s","durationMinutes":%d,"audience":"PHASE",
         "phaseId":"%s"}"""
            .formatted(title, format, startsAt, minutes, phaseId));
  }

  private Api.Response attend(String learningEventId, UUID serviceId, int attendees) {
    return api.post(
        EVENTS + "/" + learningEventId + "/attendance",
        """
        {"serviceId":"%s","attendees":%d,"livedExperiencePartnerTookPart":false}"""
            .formatted(serviceId, attendees));
  }

  private static void assertRefused(Api.Response response, int status, String field) {
    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    assertThat(response.text("field")).isEqualTo(field);
  }
}
