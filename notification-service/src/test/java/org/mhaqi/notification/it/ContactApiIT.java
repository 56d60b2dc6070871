package org.mhaqi.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.notification.contact.UnsubscribeLinks;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;

/** Who manages which contact, validation as problem+json, erasure and unsubscribing. */
class ContactApiIT extends IntegrationTest {

  @Autowired UnsubscribeLinks links;

  @Test
  void trustMembersManageTheirOrganisationsContactsOnly() {
    String ods = uniqueOdsCode();
    Api trust = api.as(TestTokens.trustMember(ods));
    Api otherTrust = api.as(TestTokens.trustMember(uniqueOdsCode()));
    String id =
        trust
            .post(
                "/api/contacts",
                organisationContact("lead@" + ods + ".nhs.uk", ods, Set.of("ENROLLMENT_DECISIONS")))
            .expect(201)
            .id();

    assertThat(trust.get("/api/contacts/" + id).status()).isEqualTo(200);
    assertThat(trust.get("/api/contacts").body().toString()).contains(id);
    assertThat(otherTrust.get("/api/contacts/" + id).status()).isEqualTo(404);
    assertThat(otherTrust.get("/api/contacts").body().toString()).doesNotContain(id);
    assertThat(otherTrust.delete("/api/contacts/" + id).status()).isEqualTo(404);
    // Another organisation's contact cannot be added either.
    assertThat(
            otherTrust
                .post(
                    "/api/contacts", organisationContact("x@nhs.net", ods, Set.of("DATA_RETURNS")))
                .status())
        .isEqualTo(403);
    assertThat(api.as(TestTokens.analyst()).get("/api/contacts").status()).isEqualTo(403);
  }

  @Test
  void coachesManageContactsWithTheirOwnAddress() {
    String email = "coach." + UUID.randomUUID() + "@example.nhs.uk";
    Api coach = api.as(TestTokens.coach(email));
    UUID coachId = UUID.randomUUID();

    String id =
        coach
            .post("/api/contacts", coachContact(email, coachId, Set.of("SESSION_INVITATIONS")))
            .expect(201)
            .id();
    assertThat(
            coach
                .post(
                    "/api/contacts",
                    coachContact(
                        "someone.else@example.nhs.uk", coachId, Set.of("SESSION_INVITATIONS")))
                .status())
        .isEqualTo(403);
    assertThat(
            coach
                .put("/api/contacts/" + id + "/kinds", "{\"kinds\": [\"SESSION_REMINDERS\"]}")
                .expect(200)
                .body()
                .path("kinds")
                .toString())
        .isEqualTo("[\"SESSION_REMINDERS\"]");
    assertThat(api.as(TestTokens.coach("other@example.nhs.uk")).get("/api/contacts/" + id).status())
        .isEqualTo(404);
  }

  @Test
  void badInputIsRefusedNamingTheFieldAndWritesNothing() {
    long before = jdbc.sql("select count(*) from contact").query(Long.class).single();

    Api.Response noEmail =
        postJson(
            "/api/contacts",
            "{\"name\": \"A\", \"scope\": \"CENTRAL_TEAM\", \"kinds\": [\"WEEKLY_DIGEST\"]}");
    Api.Response badEmail =
        postJson(
            "/api/contacts",
            "{\"name\": \"A\", \"email\": \"not an address\", \"scope\": \"CENTRAL_TEAM\","
                + " \"kinds\": [\"WEEKLY_DIGEST\"]}");
    Api.Response noKinds =
        postJson(
            "/api/contacts",
            "{\"name\": \"A\", \"email\": \"a@nhs.net\", \"scope\": \"CENTRAL_TEAM\", \"kinds\": []}");
    Api.Response noService =
        postJson(
            "/api/contacts",
            "{\"name\": \"A\", \"email\": \"a@nhs.net\", \"scope\": \"SERVICE\","
                + " \"kinds\": [\"DATA_RETURNS\"]}");

    assertThat(noEmail.status()).isEqualTo(422);
    assertThat(noEmail.contentType()).startsWith("application/problem+json");
    assertThat(noEmail.text("field")).isEqualTo("email");
    assertThat(badEmail.text("field")).isEqualTo("email");
    assertThat(noKinds.text("field")).isEqualTo("kinds");
    assertThat(noService.text("field")).isEqualTo("serviceId");
    assertThat(jdbc.sql("select count(*) from contact").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void anUnsubscribeLinkWorksWithoutSignInAndCannotBeForged() {
    UUID id =
        contact(
            organisationContact(
                "leaving." + UUID.randomUUID() + "@nhs.net",
                uniqueOdsCode(),
                Set.of("DATA_RETURNS")));
    String link = links.linkFor(id);
    String path = link.substring(link.indexOf("/unsubscribe/"));
    Api anonymous = api.anonymous();

    Api.Response page = anonymous.get(path);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body().asString()).contains("<form method=\"post\">");
    assertThat(unsubscribedAt(id)).isNull();

    Api.Response done = anonymous.post(path);
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body().asString()).contains("You have unsubscribed");
    assertThat(unsubscribedAt(id)).isNotNull();

    String forged = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BB" : "AA");
    assertThat(anonymous.post(forged).status()).isEqualTo(404);
    assertThat(anonymous.get("/unsubscribe/nonsense").status()).isEqualTo(404);
  }

  private Object unsubscribedAt(UUID id) {
    return jdbc.sql("select unsubscribed_at from contact where id = ?")
        .param(id)
        .query((rs, i) -> rs.getTimestamp(1))
        .optional()
        .orElse(null);
  }
}
