package org.mhaqi.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.OpenApiOperations;
import org.mhaqi.testing.OpenApiOperations.Operation;
import org.mhaqi.testing.TestTokens;

/**
 * Who reaches which of notification-service's operations, generated from its own OpenAPI document
 * so that a new endpoint without a declared expectation fails the suite: no token is a 401 (but on
 * the unsubscribe page, whose signed token is the proof), a role not opened a 403, and another
 * organisation's or coach's contact a 404 (ContactApiIT checks the owners' side).
 */
class NotificationAccessIT extends IntegrationTest {

  /** The roles a caller can hold, each with a token of its own. */
  enum Role {
    ADMIN,
    COACH,
    TRUST_MEMBER,
    ANALYST,
    OPERATOR,
    LEARNING_NETWORK
  }

  /** What is declared for one operation: the roles that reach it, or that anyone does. */
  record Expect(Set<Role> allowed, boolean publicOperation) {

    static Expect roles(Role... roles) {
      return new Expect(Set.of(roles), false);
    }

    static Expect open() {
      return new Expect(Set.of(), true);
    }
  }

  static final Map<String, Expect> EXPECTED = expectations();

  private static Map<String, Expect> expectations() {
    Map<String, Expect> expect = new LinkedHashMap<>();
    Expect contacts = Expect.roles(Role.ADMIN, Role.COACH, Role.TRUST_MEMBER);
    expect.put("POST /api/contacts", contacts);
    expect.put("GET /api/contacts", contacts);
    expect.put("GET /api/contacts/{contactId}", contacts);
    expect.put("PUT /api/contacts/{contactId}/kinds", contacts);
    expect.put("DELETE /api/contacts/{contactId}", contacts);
    expect.put("GET /unsubscribe/{token}", Expect.open());
    expect.put("POST /unsubscribe/{token}", Expect.open());
    expect.put("GET /api/admin/messages/failed", Expect.roles(Role.ADMIN));
    expect.put("GET /api/admin/audit", Expect.roles(Role.ADMIN));
    expect.put("GET /api/admin/dead-letters", Expect.roles(Role.ADMIN));
    expect.put("GET /api/admin/dead-letters/{topic}", Expect.roles(Role.ADMIN));
    expect.put(
        "POST /api/admin/dead-letters/{topic}/{partition}/{offset}/replay",
        Expect.roles(Role.ADMIN));
    return expect;
  }

  private static String token(Role role) {
    return switch (role) {
      case ADMIN -> TestTokens.admin();
      case COACH -> TestTokens.coach("access.coach@example.nhs.uk");
      case TRUST_MEMBER -> TestTokens.trustMember("RQ1");
      case ANALYST -> TestTokens.analyst();
      case OPERATOR -> TestTokens.operator();
      case LEARNING_NETWORK -> TestTokens.learningNetwork("NQ1");
    };
  }

  private List<Operation> operations() {
    return OpenApiOperations.of(api.anonymous().get("/v3/api-docs").expect(200).body());
  }

  /** Path values of objects nobody has: authorization is decided before they are looked up. */
  private static String path(Operation operation, Map<String, String> values) {
    String path = operation.path();
    for (String parameter : operation.pathParameters()) {
      String value = values.getOrDefault(parameter, UUID.randomUUID().toString());
      path = path.replace("{" + parameter + "}", value);
    }
    return path;
  }

  private static final Map<String, String> NOBODYS =
      Map.of("topic", "no-such-topic", "partition", "0", "offset", "0", "token", "not-a-token");

  private static Api.Response call(Api caller, Operation operation, String path) {
    return switch (operation.method()) {
      case "GET" -> caller.get(path);
      case "DELETE" -> caller.delete(path);
      case "PUT" -> caller.put(path, "{}");
      case "POST" ->
          operation.requestBodyContentTypes().isEmpty()
              ? caller.post(path)
              : caller.post(path, "{}");
      default -> throw new AssertionError("No call for " + operation);
    };
  }

  @Test
  void everyDocumentedOperationHasADeclaredExpectation() {
    List<String> documented = operations().stream().map(Operation::key).toList();
    assertThat(documented)
        .as("operations without an expectation in %s", getClass().getSimpleName())
        .allSatisfy(key -> assertThat(EXPECTED).containsKey(key));
    assertThat(EXPECTED.keySet())
        .as("expectations of operations no longer documented")
        .allSatisfy(key -> assertThat(documented).contains(key));
  }

  @Test
  void withoutATokenEveryOperationButTheUnsubscribePageIsA401() {
    List<String> wrong = new ArrayList<>();
    for (Operation operation : operations()) {
      Expect e = EXPECTED.get(operation.key());
      assertThat(e).as("expectation of %s", operation).isNotNull();
      int status = call(api.anonymous(), operation, path(operation, NOBODYS)).status();
      boolean ok = e.publicOperation() ? status != 401 && status != 403 : status == 401;
      if (!ok) {
        wrong.add(operation + " anonymous -> " + status);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void eachRoleReachesExactlyTheOperationsDeclaredForIt() {
    List<String> wrong = new ArrayList<>();
    for (Operation operation : operations()) {
      Expect e = EXPECTED.get(operation.key());
      assertThat(e).as("expectation of %s", operation).isNotNull();
      for (Role role : Role.values()) {
        // Ids of nothing and empty bodies: a role let through gets a 404 or 400, never 401/403.
        int status = call(api.as(token(role)), operation, path(operation, NOBODYS)).status();
        boolean reaches = status != 401 && status != 403;
        boolean declared = e.publicOperation() || e.allowed().contains(role);
        if (reaches != declared || (!declared && status != 403)) {
          wrong.add(operation + " as " + role + " -> " + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void anotherOrganisationsOrCoachsContactIsNotFound() {
    String ods = uniqueOdsCode();
    String coachEmail = "access." + UUID.randomUUID() + "@example.nhs.uk";
    UUID organisations =
        contact(
            organisationContact(
                "lead." + UUID.randomUUID() + "@example.nhs.uk",
                ods,
                Set.of("ENROLLMENT_DECISIONS")));
    UUID coachs =
        contact(coachContact(coachEmail, UUID.randomUUID(), Set.of("SESSION_INVITATIONS")));
    Api otherTrust = api.as(TestTokens.trustMember(uniqueOdsCode()));
    Api otherCoach = api.as(TestTokens.coach("other." + UUID.randomUUID() + "@example.nhs.uk"));

    for (UUID id : List.of(organisations, coachs)) {
      for (Api stranger : List.of(otherTrust, otherCoach)) {
        assertThat(stranger.get("/api/contacts/" + id).status()).isEqualTo(404);
        assertThat(
                stranger
                    .put("/api/contacts/" + id + "/kinds", "{\"kinds\": [\"DATA_RETURNS\"]}")
                    .status())
            .isEqualTo(404);
        assertThat(stranger.delete("/api/contacts/" + id).status()).isEqualTo(404);
      }
    }
    assertThat(api.as(TestTokens.trustMember(ods)).get("/api/contacts/" + organisations).status())
        .isEqualTo(200);
    assertThat(api.as(TestTokens.coach(coachEmail)).get("/api/contacts/" + coachs).status())
        .isEqualTo(200);
  }
}
