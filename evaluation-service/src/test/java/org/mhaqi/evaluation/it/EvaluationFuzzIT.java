package org.mhaqi.evaluation.it;

import java.time.YearMonth;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.TestTokens;
import org.mhaqi.testing.fuzz.ApiFuzzer;
import org.mhaqi.testing.fuzz.FuzzChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * Thousands of seeded malformed, oversized, wrongly typed, injection-laden, extreme-date and
 * unicode requests to every documented operation (JSON, CSV and multipart data returns included),
 * as every role, anonymously and with an expired token: never a 5xx, and a refused request never
 * changes anything (it leaves no audit row, which is written in the transaction of every change and
 * of its events). {@code -Dfuzz.seed} and {@code -Dfuzz.requests} repeat or widen a run. A context
 * of its own: the write rate limit is out of the way, the fuzz is about what the operations do with
 * bad input, not about 429s.
 */
@TestPropertySource(
    properties = {
      "mhaqi.security.rate-limit.capacity=1000000",
      "mhaqi.security.rate-limit.refill=1000000"
    })
class EvaluationFuzzIT extends EvaluationIntegrationTest {

  private static final String RESTRAINT = "RESTRICTIVE_INTERVENTIONS";

  @Autowired DataSource dataSource;

  @Value("${local.server.port}")
  int port;

  @Test
  void noOperationAnswers5xxOrChangesAnythingWhenItRefuses() {
    EnrolledService own = enrol(6);
    EnrolledService other = inOrganisation(enrol(6), "RYJ");
    YearMonth month = thisMonth().minusMonths(2);
    String jsonReturn =
        """
        {"measureCode":"%s","month":"%s","strata":[
          {"code":"A","numerator":14,"denominator":1240},
          {"code":"M","numerator":9,"denominator":310}]}
        """
            .formatted(RESTRAINT, month);
    String csvReturns =
        "measure_code,month,stratum_code,numerator,denominator\n"
            + RESTRAINT
            + ","
            + month.minusMonths(1)
            + ",A,14,1240\n"
            + "ASSAULTS_ON_STAFF,"
            + month.minusMonths(1)
            + ",ALL,3,1550\n";
    String idea =
        """
        {"title":"Safety huddle","description":"Ten minutes at each handover",
         "coProduced":true,"measureCodes":["%s"]}
        """
            .formatted(RESTRAINT);
    String cycle =
        """
        {"plan":"Night shift for two weeks","startedOn":"%s"}
        """
            .formatted(month.atDay(1));
    String decision =
        """
        {"kind":"BASELINE","month":"%s","reason":"Before the huddles began"}
        """
            .formatted(month);
    String ownIdea =
        postJson("/api/services/{id}/change-ideas", idea, own.serviceId()).expect(201).id();
    String otherIdea =
        postJson("/api/services/{id}/change-ideas", idea, other.serviceId()).expect(201).id();
    postJson("/api/change-ideas/{id}/cycles", cycle, ownIdea).expect(201);
    postJson("/api/services/{id}/data-returns", jsonReturn, own.serviceId()).expect(201);
    postJson("/api/services/{id}/data-returns", jsonReturn, other.serviceId()).expect(201);
    String ownDecision =
        postJson(
                "/api/services/{id}/measures/{code}/spc-decisions",
                decision,
                own.serviceId(),
                RESTRAINT)
            .expect(201)
            .id();

    ApiFuzzer fuzzer =
        ApiFuzzer.builder(
                "evaluation-service",
                api.get("/v3/api-docs").expect(200).body(),
                () -> "http://127.0.0.1:" + port)
            .caller("ADMIN", TestTokens.admin())
            .caller("COACH", TestTokens.coach("fuzz.coach@example.nhs.uk"))
            .caller("TRUST_MEMBER", TestTokens.trustMember(own.odsCode()))
            .caller("ANALYST", TestTokens.analyst())
            .caller("ANONYMOUS", null)
            .caller("EXPIRED", TestTokens.expired())
            .known("serviceId", own.serviceId().toString(), other.serviceId().toString())
            .known("phaseId", own.phaseId().toString(), other.phaseId().toString())
            .known("id", ownIdea, otherIdea, ownDecision)
            .known("number", "1", "2")
            .known("measureCode", RESTRAINT, "ASSAULTS_ON_STAFF")
            .known("measureCodes", RESTRAINT, "ASSAULTS_ON_STAFF")
            .known("code", RESTRAINT, "ASSAULTS_ON_STAFF", "A", "M", "ALL")
            .known("month", month.toString(), month.minusMonths(1).toString())
            .known(
                "topic",
                Topics.ENROLLMENT_EVENTS + ".evaluation-service.dlq",
                Topics.COACHING_EVENTS + ".evaluation-service.dlq")
            .known("partition", "0")
            .known("offset", "0")
            .example("POST /api/services/{serviceId}/data-returns", csvReturns)
            .example("POST /api/services/{serviceId}/change-ideas", idea)
            .example("POST /api/change-ideas/{id}/cycles", cycle)
            .example(
                "POST /api/services/{serviceId}/measures/{measureCode}/spc-decisions", decision)
            .example("POST /api/measures/{code}/targets", "{\"value\": 12.5}")
            .build();
    FuzzChecks.runSafely(fuzzer, dataSource);
  }

  /** The enrolment as if its service belonged to another organisation. */
  private EnrolledService inOrganisation(EnrolledService e, String odsCode) {
    EnrolledService moved =
        new EnrolledService(
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
            e.enrolledOn(),
            e.endedOn(),
            e.status());
    save(moved);
    return moved;
  }
}
