package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Calendar feeds for subscription: the URL's unguessable token opens the feed without a bearer
 * token, only its hash is stored, and revoking closes it.
 */
class CalendarSubscriptionIT extends IntegrationTest {

  String coachToken(String email) {
    return TestTokens.token("coach-" + email, Set.of("COACH"), null, email);
  }

  UUID registerCoach(String email) {
    return UUID.fromString(
        postJson(
                "/api/coaches",
                Map.of(
                    "name",
                    "Calendar coach " + email,
                    "email",
                    email,
                    "levels",
                    List.of("EXECUTIVE"),
                    "workingDays",
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    "weeklyCapacityHours",
                    1))
            .expect(201)
            .id());
  }

  static String token(String url) {
    assertThat(url).matches("/calendars/[A-Za-z0-9_-]{43}\\.ics");
    return url.substring("/calendars/".length(), url.length() - ".ics".length());
  }

  @Test
  void aCoachsFeedOpensWithoutABearerTokenUntilRevoked() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String email = "cal." + run + "@coaching.example";
    UUID coachId = registerCoach(email);
    Api coach = api.as(coachToken(email));

    Api.Response created =
        coach.post("/api/calendar-subscriptions", "{\"coachId\":\"" + coachId + "\"}").expect(201);
    String url = created.text("url");
    String token = token(url);

    Api.Response feed = api.anonymous().get(url);
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.contentType()).startsWith("text/calendar");
    assertThat(feed.body().asString()).contains("BEGIN:VCALENDAR");

    // Only the SHA-256 hash of the token is kept.
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
    Map<String, Object> row =
        jdbc.sql("select * from calendar_subscription where id = ?")
            .param(UUID.fromString(created.id()))
            .query()
            .singleRow();
    assertThat(row).containsEntry("token_hash", hash).containsEntry("coach_id", coachId);
    assertThat(row.values()).noneMatch(v -> String.valueOf(v).contains(token));

    JsonNode mine = coach.get("/api/calendar-subscriptions").expect(200).body();
    assertThat(mine.get("content").get(0).get("id").asString()).isEqualTo(created.id());
    assertThat(mine.toString()).doesNotContain(token);

    // Another coach neither subscribes to this calendar nor revokes the subscription.
    String otherEmail = "other." + run + "@coaching.example";
    registerCoach(otherEmail);
    Api otherCoach = api.as(coachToken(otherEmail));
    assertThat(
            otherCoach
                .post("/api/calendar-subscriptions", "{\"coachId\":\"" + coachId + "\"}")
                .status())
        .isEqualTo(404);
    assertThat(otherCoach.delete("/api/calendar-subscriptions/" + created.id()).status())
        .isEqualTo(404);
    assertThat(api.anonymous().get(url).status()).isEqualTo(200);

    coach.delete("/api/calendar-subscriptions/" + created.id()).expect(204);
    assertThat(api.anonymous().get(url).status()).isEqualTo(404);
    assertThat(
            coach
                .get("/api/calendar-subscriptions")
                .body()
                .get("content")
                .get(0)
                .get("revokedAt")
                .isNull())
        .isFalse();
    assertThat(api.anonymous().get("/calendars/" + "A".repeat(43) + ".ics").status())
        .isEqualTo(404);
  }

  @Test
  void aTrustMemberSubscribesToTheirOwnServicesCalendarOnly() {
    ServiceEnrolled enrolled =
        CoachingAccessIT.enrolledIn("RS1", today().plusWeeks(4), today().plusWeeks(14));
    enrollmentService().send(team(enrolled.enrollmentId(), enrolled.serviceId()));
    enrollmentService().send(enrolled);
    JsonNode plan = awaitPlan(enrolled.enrollmentId());
    String body = "{\"serviceId\":\"" + enrolled.serviceId() + "\"}";

    assertThat(
            api.as(TestTokens.trustMember("RS2"))
                .post("/api/calendar-subscriptions", body)
                .status())
        .isEqualTo(404);
    assertThat(
            api.as(coachToken("nobody@coaching.example"))
                .post("/api/calendar-subscriptions", body)
                .status())
        .isEqualTo(404);
    assertThat(
            api.as(TestTokens.trustMember("RS1"))
                .post("/api/calendar-subscriptions", "{\"coachId\":\"" + UUID.randomUUID() + "\"}")
                .status())
        .isEqualTo(404);

    Api.Response created =
        api.as(TestTokens.trustMember("RS1")).post("/api/calendar-subscriptions", body).expect(201);
    String feed = api.anonymous().get(created.text("url")).expect(200).body().asString();
    assertThat(feed.split("BEGIN:VEVENT", -1).length - 1)
        .isEqualTo(plan.get("sessions").size())
        .isPositive();

    // An administrator revokes anyone's.
    api.delete("/api/calendar-subscriptions/" + created.id()).expect(204);
    assertThat(api.anonymous().get(created.text("url")).status()).isEqualTo(404);
  }
}
