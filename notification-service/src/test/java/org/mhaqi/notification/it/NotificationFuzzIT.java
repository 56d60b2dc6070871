package org.mhaqi.notification.it;

import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.notification.contact.UnsubscribeLinks;
import org.mhaqi.testing.TestTokens;
import org.mhaqi.testing.fuzz.ApiFuzzer;
import org.mhaqi.testing.fuzz.FuzzChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * Thousands of seeded malformed, oversized, wrongly typed, injection-laden, extreme-date and
 * unicode requests to every documented operation (contacts, the unsubscribe page, failed messages,
 * dead letters, the audit trail), as every role, anonymously and with an expired token: never a
 * 5xx, and a refused request never changes anything (it leaves no audit row, which is written in
 * the transaction of every change). {@code -Dfuzz.seed} and {@code -Dfuzz.requests} repeat or widen
 * a run. A context of its own: the write rate limit is out of the way.
 */
@TestPropertySource(
    properties = {
      "mhaqi.security.rate-limit.capacity=1000000",
      "mhaqi.security.rate-limit.refill=1000000"
    })
class NotificationFuzzIT extends IntegrationTest {

  @Autowired DataSource dataSource;
  @Autowired UnsubscribeLinks links;

  @Value("${local.server.port}")
  int port;

  @Test
  void noOperationAnswers5xxOrChangesAnythingWhenItRefuses() {
    String ods = uniqueOdsCode();
    UUID serviceId = registeredService(ods, "Fuzz Ward");
    String coachEmail = "fuzz.coach." + UUID.randomUUID() + "@example.nhs.uk";
    UUID organisationContact =
        contact(
            organisationContact(
                "fuzz.lead." + UUID.randomUUID() + "@example.nhs.uk",
                ods,
                Set.of("ENROLLMENT_DECISIONS")));
    UUID serviceContact =
        contact(
            serviceContact(
                "fuzz.ward." + UUID.randomUUID() + "@example.nhs.uk",
                serviceId,
                Set.of("DATA_RETURNS")));
    UUID coachContact =
        contact(coachContact(coachEmail, UUID.randomUUID(), Set.of("SESSION_INVITATIONS")));

    ApiFuzzer fuzzer =
        ApiFuzzer.builder(
                "notification-service",
                api.get("/v3/api-docs").expect(200).body(),
                () -> "http://127.0.0.1:" + port)
            .caller("ADMIN", TestTokens.admin())
            .caller("COACH", TestTokens.coach(coachEmail))
            .caller("TRUST_MEMBER", TestTokens.trustMember(ods))
            .caller("ANALYST", TestTokens.analyst())
            .caller("ANONYMOUS", null)
            .caller("EXPIRED", TestTokens.expired())
            .known(
                "contactId",
                organisationContact.toString(),
                serviceContact.toString(),
                coachContact.toString())
            .known(
                "token",
                token(links.linkFor(serviceContact)),
                token(links.linkFor(coachContact)),
                "not-a-token")
            .known("topic", Topics.ENROLLMENT_EVENTS + ".notification-service.dlq", "no.such.topic")
            .known("partition", "0")
            .known("offset", "0")
            .build();
    FuzzChecks.runSafely(fuzzer, dataSource);
  }

  private static String token(String link) {
    return link.substring(link.lastIndexOf('/') + 1);
  }
}
