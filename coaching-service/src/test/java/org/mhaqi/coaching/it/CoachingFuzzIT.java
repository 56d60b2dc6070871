package org.mhaqi.coaching.it;

import static org.mhaqi.coaching.it.EnrollmentEventsIT.list;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.testing.TestTokens;
import org.mhaqi.testing.fuzz.ApiFuzzer;
import org.mhaqi.testing.fuzz.FuzzChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Thousands of seeded malformed, oversized, wrongly typed, injection-laden, extreme-date and
 * unicode requests to every documented operation, as every role, anonymously and with an expired
 * token: never a 5xx, and a refused request never changes anything (it leaves no audit row, which
 * is written in the transaction of every change and of its events). {@code -Dfuzz.seed} and {@code
 * -Dfuzz.requests} repeat or widen a run. A context of its own: the write rate limit is out of the
 * way, the fuzz is about what the operations do with bad input, not about 429s.
 */
@TestPropertySource(
    properties = {
      "mhaqi.security.rate-limit.capacity=1000000",
      "mhaqi.security.rate-limit.refill=1000000"
    })
class CoachingFuzzIT extends IntegrationTest {

  @Autowired DataSource dataSource;

  @Value("${local.server.port}")
  int port;

  @Test
  void noOperationAnswers5xxOrChangesAnythingWhenItRefuses() {
    LocalDate first = LocalDate.of(2026, 9, 1);
    LocalDate last = LocalDate.of(2026, 11, 30);
    ServiceEnrolled own = enrolled(UUID.randomUUID(), first, last);
    ServiceEnrolled other = inOrganisation(enrolled(UUID.randomUUID(), first, last), "RYJ");
    for (ServiceEnrolled enrolled : List.of(own, other)) {
      enrollmentService().send(team(enrolled.enrollmentId(), enrolled.serviceId()));
      enrollmentService().send(enrolled);
    }
    List<JsonNode> sessions =
        List.of(own, other).stream()
            .flatMap(e -> list(awaitPlan(e.enrollmentId()).get("sessions")).stream())
            .toList();
    String[] sessionIds =
        sessions.stream().map(s -> s.get("id").asString()).limit(40).toArray(String[]::new);
    String[] coachIds =
        sessions.stream()
            .map(s -> s.path("coachId").asString(""))
            .filter(id -> !id.isEmpty())
            .distinct()
            .toArray(String[]::new);
    String coachEmail = read("/api/coaches/{id}", coachIds[0]).get("email").asString();
    JsonNode registered =
        postJson(
                "/api/coaches",
                Map.of(
                    "name",
                    "Fuzz coach",
                    "email",
                    "fuzz.coach." + UUID.randomUUID() + "@example.org",
                    "levels",
                    List.of("EXECUTIVE"),
                    "workingDays",
                    List.of("MONDAY", "WEDNESDAY"),
                    "weeklyCapacityHours",
                    12))
            .expect(201)
            .body();

    ApiFuzzer fuzzer =
        ApiFuzzer.builder(
                "coaching-service",
                api.get("/v3/api-docs").expect(200).body(),
                () -> "http://127.0.0.1:" + port)
            .caller("ADMIN", TestTokens.admin())
            .caller("COACH", TestTokens.coach(coachEmail))
            .caller("TRUST_MEMBER", TestTokens.trustMember(own.odsCode()))
            .caller("ANALYST", TestTokens.analyst())
            .caller("ANONYMOUS", null)
            .caller("EXPIRED", TestTokens.expired())
            .known("enrollmentId", own.enrollmentId().toString(), other.enrollmentId().toString())
            .known("serviceId", own.serviceId().toString(), other.serviceId().toString())
            .known("phaseId", own.phaseId().toString(), other.phaseId().toString())
            .known("sessionId", sessionIds)
            .known("coachId", coachIds)
            .known("coachId", registered.get("id").asString())
            .known("topic", Topics.ENROLLMENT_EVENTS + ".coaching-service.dlq", "no.such.topic")
            .known("partition", "0")
            .known("offset", "0")
            .build();
    FuzzChecks.runSafely(fuzzer, dataSource);
  }

  private static ServiceEnrolled inOrganisation(ServiceEnrolled e, String odsCode) {
    return new ServiceEnrolled(
        e.enrollmentId(),
        e.serviceId(),
        UUID.randomUUID(),
        odsCode,
        e.providerType(),
        e.region(),
        e.serviceType(),
        e.phaseId(),
        e.phaseKind(),
        e.coachingStartsOn(),
        e.coachingEndsOn(),
        e.promotedFromWaitlist(),
        e.enrolledAt());
  }
}
