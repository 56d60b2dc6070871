package org.mhaqi.enrollment;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.mhaqi.testing.TestTokens;
import org.mhaqi.testing.fuzz.ApiFuzzer;
import org.mhaqi.testing.fuzz.FuzzChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * Thousands of seeded malformed, oversized, wrongly typed, injection-laden, extreme-date and
 * unicode requests to every documented operation, as every role, anonymously and with an expired
 * token: never a 5xx, and a refused request never changes anything (it leaves no audit row, which
 * is written in the transaction of every change and of its events). {@code -Dfuzz.seed} and {@code
 * -Dfuzz.requests} repeat or widen a run. The write rate limit is out of the way: the fuzz is about
 * what the operations do with bad input, not about 429s.
 */
@TestPropertySource(
    properties = {
      "mhaqi.security.rate-limit.capacity=1000000",
      "mhaqi.security.rate-limit.refill=1000000"
    })
class EnrollmentFuzzIT extends ServiceIntegrationTest {

  @Autowired DataSource dataSource;

  @Value("${local.server.port}")
  int port;

  @Test
  void noOperationAnswers5xxOrChangesAnythingWhenItRefuses() {
    Scenario scenario = new Scenario(api);
    String programme = scenario.programme();
    String wider = scenario.widerPhase(programme, 40);
    String pilot = scenario.pilotPhase(programme, 10);
    String ownOrganisation = scenario.organisation("NHS_TRUST");
    String otherOrganisation = scenario.organisation("NHS_FOUNDATION_TRUST");
    String ownCode = api.get("/api/organisations/" + ownOrganisation).expect(200).text("odsCode");
    String otherCode =
        api.get("/api/organisations/" + otherOrganisation).expect(200).text("odsCode");
    String ownService = scenario.service(ownOrganisation);
    String otherService = scenario.service(otherOrganisation);
    String ownEnrollment = scenario.interest(ownService, wider);
    String otherEnrollment = scenario.interest(otherService, wider);
    String sponsor = scenario.commit(ownEnrollment);
    String otherSponsor = scenario.commit(otherEnrollment);
    String lead = scenario.member(ownEnrollment, "SERVICE_LEAD", "Lee Lead", "lee@example.nhs.uk");
    String admitted = scenario.committedEnrollment(wider);
    scenario.admit(admitted).expect(200);

    ApiFuzzer fuzzer =
        ApiFuzzer.builder(
                "enrollment-service",
                api.get("/v3/api-docs").expect(200).body(),
                () -> "http://127.0.0.1:" + port)
            .caller("ADMIN", TestTokens.admin())
            .caller("COACH", TestTokens.coach("fuzz.coach@example.nhs.uk"))
            .caller("TRUST_MEMBER", TestTokens.trustMember(ownCode))
            .caller("ANALYST", TestTokens.analyst())
            .caller("ANONYMOUS", null)
            .caller("EXPIRED", TestTokens.expired())
            .known("programmeId", programme)
            .known("phaseId", wider, pilot)
            .known("organisationId", ownOrganisation, otherOrganisation)
            .known("odsCode", ownCode, otherCode)
            .known("serviceId", ownService, otherService)
            .known("enrollmentId", ownEnrollment, otherEnrollment, admitted)
            .known("memberId", lead, sponsor, otherSponsor)
            .known("sponsorMemberId", sponsor, otherSponsor)
            .build();
    FuzzChecks.runSafely(fuzzer, dataSource);
  }
}
