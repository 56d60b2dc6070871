package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.it.EnrollmentEventsIT.list;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.TeamMemberErased;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Erasure: a team member erased in enrollment-service leaves coaching's team copy and attendance
 * records (roles and counts kept), and a coach erased here loses name and e-mail address everywhere
 * coaching keeps them.
 */
class ErasureIT extends IntegrationTest {

  static UUID member(ProjectTeamUpdated team, TeamRole role) {
    return team.members().stream()
        .filter(m -> m.role() == role)
        .findFirst()
        .orElseThrow()
        .memberId();
  }

  @Test
  void anErasedTeamMemberLeavesTheTeamAndTheAttendanceKeepsItsRolesAndCounts() {
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled enrolled = enrolled(enrollmentId, today().minusWeeks(6), today().plusWeeks(12));
    ProjectTeamUpdated team = team(enrollmentId, enrolled.serviceId());
    enrollmentService().send(team);
    enrollmentService().send(enrolled);
    JsonNode plan = awaitPlan(enrollmentId);
    List<JsonNode> past =
        list(plan.get("sessions")).stream()
            .filter(s -> s.get("status").asString().equals("SCHEDULED"))
            .filter(s -> s.get("kind").asString().equals("COACHING_SESSION"))
            .filter(s -> s.get("staffed").asBoolean())
            .filter(
                s ->
                    LocalDateTime.parse(s.get("startsAt").asString())
                        .isBefore(today().atStartOfDay()))
            .toList();
    String sessionId = past.get(0).get("id").asString();
    UUID lead = member(team, TeamRole.SERVICE_LEAD);
    UUID partner = member(team, TeamRole.LIVED_EXPERIENCE_PARTNER);
    Map<String, Object> completion =
        Map.of(
            "minutesDelivered",
            45,
            "attendance",
            Map.of("SERVICE_LEAD", 1, "FRONTLINE_STAFF", 2, "LIVED_EXPERIENCE_PARTNER", 1),
            "attendeeMemberIds",
            List.of(lead, partner),
            "livedExperiencePartnerTookPart",
            true);
    postJson("/api/sessions/{id}/completion", completion, sessionId).expect(200);

    // Delivered twice (two event ids), as a redelivery or a repeated erasure would be.
    TeamMemberErased erased = new TeamMemberErased(lead, enrollmentId, currentInstant());
    awaitProcessed(enrollmentService().send(erased));
    awaitProcessed(enrollmentService().send(erased));

    JsonNode session = read("/api/sessions/{id}", sessionId);
    assertThat(list(session.get("attendeeMemberIds")))
        .extracting(JsonNode::asString)
        .containsExactly(partner.toString());
    assertThat(session.get("attendance").get("SERVICE_LEAD").asInt()).isEqualTo(1);
    assertThat(session.get("attendance").get("FRONTLINE_STAFF").asInt()).isEqualTo(2);
    List<Map<String, Object>> attendees =
        jdbc.sql("select member_id, role from session_attendee where session_id = ?")
            .param(UUID.fromString(sessionId))
            .query()
            .listOfRows();
    assertThat(attendees).hasSize(2);
    assertThat(attendees)
        .anySatisfy(
            row -> {
              assertThat(row.get("member_id")).isNull();
              assertThat(row.get("role")).isEqualTo("SERVICE_LEAD");
            });
    assertThat(teamMemberIds(enrollmentId)).hasSize(4).doesNotContain(lead).contains(partner);

    // A team update read later that still lists the member does not bring the id back.
    awaitProcessed(
        enrollmentService()
            .send(
                new ProjectTeamUpdated(
                    enrollmentId, enrolled.serviceId(), team.members(), Instant.now(), 7L)));
    assertThat(teamMemberIds(enrollmentId)).hasSize(4).doesNotContain(lead);
    assertThat(
            jdbc.sql("select count(*) from session_attendee where member_id = ?")
                .param(lead)
                .query(Long.class)
                .single())
        .isZero();

    // Attendance naming the erased member is refused: they are no longer in the team.
    Api.Response refused =
        postJson(
            "/api/sessions/{id}/completion",
            Map.of(
                "minutesDelivered",
                30,
                "attendance",
                Map.of("SERVICE_LEAD", 1),
                "attendeeMemberIds",
                List.of(lead),
                "livedExperiencePartnerTookPart",
                false),
            past.get(1).get("id").asString());
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
  }

  private List<UUID> teamMemberIds(UUID enrollmentId) {
    return jdbc.sql("select member_id from enrollment_team_member where enrollment_id = ?")
        .param(enrollmentId)
        .query(UUID.class)
        .list();
  }

  @Test
  void anErasedCoachLosesNameAndAddressEverywhereAndIsNeverStaffedAgain() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String name = "Cora Erasable " + run;
    String email = "cora." + run + "@coaching.example";
    String coachId =
        postJson(
                "/api/coaches",
                Map.of(
                    "name",
                    name,
                    "email",
                    email,
                    "levels",
                    List.of("EXECUTIVE", "SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY"),
                    "workingDays",
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    "weeklyCapacityHours",
                    2))
            .expect(201)
            .id();
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled enrolled = enrolled(enrollmentId, today().plusWeeks(10), today().plusWeeks(22));
    enrollmentService().send(team(enrollmentId, enrolled.serviceId()));
    enrollmentService().send(enrolled);
    JsonNode plan = awaitPlan(enrollmentId);
    List<JsonNode> weekly =
        list(plan.get("sessions")).stream()
            .filter(s -> s.get("kind").asString().equals("COACHING_SESSION"))
            .filter(s -> s.get("staffed").asBoolean())
            .toList();
    String sessionId = weekly.get(0).get("id").asString();
    // The coach, signed in with their address as the token subject, takes the session over.
    api.as(TestTokens.token(email, Set.of("ADMIN"), null, null))
        .post(
            expand("/api/sessions/{id}/reschedule", sessionId),
            json.writeValueAsString(
                Map.of(
                    "startsAt",
                    weekly.get(0).get("startsAt").asString(),
                    "coachId",
                    coachId,
                    "reason",
                    name + " covers for a colleague")))
        .expect(200);
    assertThat(read("/api/sessions/{id}/history", sessionId).toString())
        .contains(name)
        .contains(email);

    Api.Response erased = post("/api/coaches/{id}/erasure", coachId).expect(200);
    assertThat(erased.body().get("name").isNull()).isTrue();
    assertThat(erased.body().get("email").isNull()).isTrue();
    assertThat(erased.text("erasedAt")).isNotBlank();
    JsonNode history = read("/api/sessions/{id}/history", sessionId);
    assertThat(history.toString())
        .doesNotContainIgnoringCase(name)
        .doesNotContainIgnoringCase(email)
        .contains("[redacted] covers for a colleague");
    assertThat(
            jdbc.sql("select count(*) from session_change where reason ilike ? or actor ilike ?")
                .param("%" + name + "%")
                .param("%" + email + "%")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("select count(*) from coach where name = ? or email = ?")
                .param(name)
                .param(email)
                .query(Long.class)
                .single())
        .isZero();
    // The session keeps the coach's id; the change is in the audit trail.
    assertThat(read("/api/sessions/{id}", sessionId).get("coachId").asString()).isEqualTo(coachId);
    assertThat(
            jdbc.sql("select count(*) from audit_event where request_id = ? and operation = ?")
                .param(erased.header("X-Request-Id"))
                .param("POST /api/coaches/{coachId}/erasure")
                .query(Long.class)
                .single())
        .isOne();

    // Nobody signs in as the erased coach any more.
    assertThat(
            api.as(TestTokens.token("coach-" + email, Set.of("COACH"), null, email))
                .get("/api/coaches/" + coachId)
                .status())
        .isEqualTo(404);
    // Never staffed again: another session cannot be given to them.
    JsonNode other = weekly.get(1);
    Api.Response refused =
        postJson(
            "/api/sessions/{id}/reschedule",
            Map.of(
                "startsAt",
                other.get("startsAt").asString(),
                "coachId",
                coachId,
                "reason",
                "Back from leave"),
            other.get("id").asString());
    assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
    assertThat(refused.text("field")).isEqualTo("coachId");

    // Erasing again changes nothing more.
    assertThat(post("/api/coaches/{id}/erasure", coachId).expect(200).text("erasedAt"))
        .isEqualTo(erased.text("erasedAt"));
  }
}
