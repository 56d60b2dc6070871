package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.it.EnrollmentEventsIT.list;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.support.workingdays.WorkingDays;
import org.mhaqi.testing.Api;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Coaches through the API, and what happens when there are not enough of them. */
class CoachApiIT extends IntegrationTest {

  static final String SERVICE_LEVEL = "SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY";

  @Autowired MeterRegistry meters;
  @Autowired WorkingDays workingDays;

  @Test
  void theDefaultPoolIsThereAndCoachesAreRegisteredWithLevelsPatternAndCapacity() throws Exception {
    List<JsonNode> pool = list(read("/api/coaches?size=200").get("content"));
    assertThat(pool.stream().filter(c -> c.get("name").asString().startsWith("Demo coach")))
        .hasSize(13);

    Api.Response created =
        postJson(
            "/api/coaches",
            Map.of(
                "name",
                "Registered coach",
                "email",
                "coach@example.org",
                "levels",
                List.of("EXECUTIVE"),
                "workingDays",
                List.of("MONDAY", "WEDNESDAY"),
                "weeklyCapacityHours",
                12));

    assertThat(created.status()).isEqualTo(201);
    JsonNode coach = created.body();
    assertThat(coach.get("weeklyCapacityMinutes").asInt()).isEqualTo(720);
    assertThat(list(coach.get("workingDays")).stream().map(JsonNode::asString))
        .containsExactly("MONDAY", "WEDNESDAY");
    JsonNode read = read("/api/coaches/{id}", coach.get("id").asString());
    assertThat(read.get("levels").get(0).asString()).isEqualTo("EXECUTIVE");

    Api.Response away =
        postJson(
            "/api/coaches/" + coach.get("id").asString() + "/days-away",
            Map.of("from", "2027-02-01", "to", "2027-02-03", "reason", "Leave"));
    assertThat(away.status()).isEqualTo(200);
    assertThat(list(away.body().get("daysAway")).stream().map(d -> d.get("day").asString()))
        .containsExactly("2027-02-01", "2027-02-02", "2027-02-03");
  }

  @Test
  void badCoachesAreRefusedWithTheField() throws Exception {
    long before = list(read("/api/coaches?size=200").get("content")).size();
    Map<String, Object> valid =
        Map.of(
            "name",
            "Coach",
            "levels",
            List.of("EXECUTIVE"),
            "workingDays",
            List.of("MONDAY"),
            "weeklyCapacityHours",
            10);

    assertField(postJson("/api/coaches", with(valid, "levels", List.of())), 400, "levels");
    assertField(
        postJson("/api/coaches", with(valid, "workingDays", List.of("MONDAY", "SATURDAY"))),
        422,
        "workingDays");
    assertField(
        postJson("/api/coaches", with(valid, "weeklyCapacityHours", 0)),
        400,
        "weeklyCapacityHours");
    assertField(
        postJson("/api/coaches", with(valid, "levels", List.of("CHEERLEADING"))), 400, "levels[0]");
    assertThat(list(read("/api/coaches?size=200").get("content")).size()).isEqualTo(before);
  }

  @Test
  void daysAwayOverACoachsSessionsAreRefused() throws Exception {
    UUID enrollmentId = UUID.randomUUID();
    enrollmentService().send(enrolled(enrollmentId, today().plusWeeks(1), today().plusWeeks(6)));
    JsonNode session = awaitPlan(enrollmentId).get("sessions").get(0);
    String coachId = session.get("coachId").asString();
    LocalDate day = LocalDateTime.parse(session.get("startsAt").asString()).toLocalDate();
    JsonNode coachBefore = read("/api/coaches/{id}", coachId);

    Api.Response refused =
        postJson(
            "/api/coaches/" + coachId + "/days-away",
            Map.of("from", day.minusDays(1).toString(), "to", day.plusDays(1).toString()));

    assertField(refused, 409, "from");
    assertThat(read("/api/coaches/{id}", coachId).get("daysAway"))
        .isEqualTo(coachBefore.get("daysAway"));
  }

  /**
   * On one working day every service-level coach can give one full improvement day. One enrolment
   * more than there are such coaches leaves one improvement day unstaffed: planned, listed and
   * counted, never overbooked; a new coach then staffs it.
   */
  @Test
  void aPlanThatCannotBeFullyStaffedIsStillMadeAndItsUnstaffedSessionReported() throws Exception {
    LocalDate day = today().plusDays(400);
    while (day.getDayOfWeek() != DayOfWeek.WEDNESDAY || !workingDays.isWorkingDay(day)) {
      day = day.plusDays(1);
    }
    LocalDate theDay = day;
    long able =
        list(read("/api/coaches?size=200").get("content")).stream()
            .filter(
                c ->
                    list(c.get("levels")).stream()
                        .anyMatch(l -> l.asString().equals(SERVICE_LEVEL)))
            .filter(
                c ->
                    list(c.get("workingDays")).stream()
                        .anyMatch(d -> d.asString().equals("WEDNESDAY")))
            .filter(c -> c.get("weeklyCapacityMinutes").asInt() >= 480)
            .filter(
                c ->
                    list(c.get("daysAway")).stream()
                        .noneMatch(d -> d.get("day").asString().equals(theDay.toString())))
            .count();
    double unstaffedBefore = unstaffedGauge();

    List<UUID> enrollments = new ArrayList<>();
    for (int i = 0; i <= able; i++) {
      UUID enrollmentId = UUID.randomUUID();
      ServiceEnrolled event = enrolled(enrollmentId, day, day);
      enrollmentService().send(event);
      enrollments.add(enrollmentId);
    }
    List<JsonNode> sessions = new ArrayList<>();
    for (UUID enrollmentId : enrollments) {
      sessions.addAll(list(awaitPlan(enrollmentId).get("sessions")));
    }

    assertThat(sessions).hasSize(2 * enrollments.size());
    List<JsonNode> unstaffed =
        sessions.stream().filter(s -> !s.get("staffed").asBoolean()).toList();
    assertThat(unstaffed).hasSize(1);
    JsonNode open = unstaffed.get(0);
    assertThat(open.get("kind").asString()).isEqualTo("IMPROVEMENT_DAY");
    assertThat(open.get("coachId").isNull()).isTrue();
    assertThat(LocalDateTime.parse(open.get("startsAt").asString()).toLocalDate()).isEqualTo(day);
    assertThat(
            sessions.stream()
                .filter(
                    s ->
                        s.get("kind").asString().equals("IMPROVEMENT_DAY")
                            && s.get("staffed").asBoolean())
                .map(s -> s.get("coachId").asString())
                .distinct())
        .hasSize((int) able);
    assertThat(
            list(read("/api/sessions/unstaffed?size=200").get("content")).stream()
                .map(s -> s.get("id").asString()))
        .contains(open.get("id").asString());
    assertThat(
            read("/api/enrollments/{id}/plan", open.get("enrollmentId").asString())
                .get("unstaffedSessions")
                .asInt())
        .isEqualTo(1);
    assertThat(unstaffedGauge()).isEqualTo(unstaffedBefore + 1);
    assertThat(meters.get("coaching.sessions.planned").tag("staffed", "false").counter().count())
        .isGreaterThanOrEqualTo(1);
    assertThat(meters.get("coaching.plan.generation").timer().count())
        .isGreaterThanOrEqualTo(enrollments.size());

    postJson(
        "/api/coaches",
        Map.of(
            "name",
            "Newly recruited coach",
            "levels",
            List.of(SERVICE_LEVEL),
            "workingDays",
            List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
            "weeklyCapacityHours",
            37));
    Api.Response staffing = post("/api/sessions/unstaffed/staffing");

    assertThat(staffing.status()).isEqualTo(200);
    JsonNode session = read("/api/sessions/{id}", open.get("id").asString());
    assertThat(session.get("staffed").asBoolean()).isTrue();
    assertThat(session.get("revision").asInt()).isEqualTo(1);
    assertThat(unstaffedGauge()).isEqualTo(unstaffedBefore);
  }

  private double unstaffedGauge() {
    return meters.get("coaching.sessions.unstaffed").tag("level", SERVICE_LEVEL).gauge().value();
  }

  private void assertField(Api.Response result, int status, String field) throws Exception {
    assertThat(result.status()).isEqualTo(status);
    assertThat(result.contentType()).startsWith("application/problem+json");
    assertThat(result.body().get("field").asString()).isEqualTo(field);
  }

  private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> copy = new java.util.HashMap<>(base);
    copy.put(key, value);
    return copy;
  }
}
