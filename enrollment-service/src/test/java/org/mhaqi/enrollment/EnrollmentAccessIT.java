package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.OpenApiOperations;
import org.mhaqi.testing.OpenApiOperations.Operation;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.mhaqi.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who reaches which of enrollment-service's operations, generated from its OpenAPI document so that
 * a new operation without a declared expectation fails here: anonymous callers get 401, each role
 * is let through or refused (403) as declared; a trust member of another organisation finds none of
 * the first organisation's objects (404) where one of that organisation is let through; a coach's
 * and an analyst's answers hold no name or e-mail address; lists are a trust member's own; and no
 * request body takes an id, status or time it would ignore.
 */
class EnrollmentAccessIT extends ServiceIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The roles as tokens name them, each with a token of its own. */
  enum Role {
    ADMIN,
    COACH,
    TRUST_MEMBER,
    ANALYST,
    OPERATOR,
    LEARNING_NETWORK
  }

  private static final Set<Role> ALL_STAFF =
      EnumSet.of(Role.ADMIN, Role.COACH, Role.TRUST_MEMBER, Role.ANALYST);
  private static final Set<Role> TRUSTS = EnumSet.of(Role.ADMIN, Role.TRUST_MEMBER);
  private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

  /**
   * What each operation expects.
   *
   * @param allowed the roles let through; the others get 403
   * @param organisationObject whether the path names an object of an organisation, which a trust
   *     member of another organisation must not find
   */
  record Expectation(Set<Role> allowed, boolean organisationObject) {}

  private static Expectation open(Set<Role> allowed) {
    return new Expectation(allowed, false);
  }

  private static Expectation organisations(Set<Role> allowed) {
    return new Expectation(allowed, true);
  }

  /** The role matrix under test: every documented operation must be here. */
  private static final Map<String, Expectation> EXPECTED =
      Map.ofEntries(
          Map.entry("POST /api/programmes", open(ADMINS)),
          Map.entry("GET /api/programmes", open(ALL_STAFF)),
          Map.entry("GET /api/programmes/{programmeId}", open(ALL_STAFF)),
          Map.entry("POST /api/programmes/{programmeId}/phases", open(ADMINS)),
          Map.entry("GET /api/programmes/{programmeId}/phases", open(ALL_STAFF)),
          Map.entry("GET /api/phases/{phaseId}", open(ALL_STAFF)),
          Map.entry("GET /api/phases/{phaseId}/waitlist", open(ADMINS)),
          Map.entry("POST /api/phases/{phaseId}/carry-over", open(ADMINS)),
          Map.entry("POST /api/organisations", open(ADMINS)),
          Map.entry("GET /api/organisations", open(TRUSTS)),
          Map.entry("GET /api/organisations/{organisationId}", organisations(TRUSTS)),
          Map.entry("POST /api/organisations/{organisationId}/services", organisations(TRUSTS)),
          Map.entry("GET /api/organisations/{organisationId}/services", organisations(TRUSTS)),
          Map.entry("GET /api/services/{serviceId}", organisations(TRUSTS)),
          Map.entry("POST /api/enrollments", open(TRUSTS)),
          Map.entry("GET /api/enrollments", open(TRUSTS)),
          Map.entry("GET /api/enrollments/{enrollmentId}", organisations(TRUSTS)),
          Map.entry("GET /api/enrollments/{enrollmentId}/history", organisations(TRUSTS)),
          Map.entry(
              "PUT /api/enrollments/{enrollmentId}/executive-commitment", organisations(TRUSTS)),
          Map.entry("POST /api/enrollments/{enrollmentId}/admission", organisations(ADMINS)),
          Map.entry("POST /api/enrollments/{enrollmentId}/decline", organisations(ADMINS)),
          Map.entry("POST /api/enrollments/{enrollmentId}/withdrawal", organisations(TRUSTS)),
          Map.entry("POST /api/enrollments/{enrollmentId}/completion", organisations(ADMINS)),
          Map.entry("GET /api/enrollments/{enrollmentId}/team-members", organisations(TRUSTS)),
          Map.entry("POST /api/enrollments/{enrollmentId}/team-members", organisations(TRUSTS)),
          Map.entry(
              "DELETE /api/enrollments/{enrollmentId}/team-members/{memberId}",
              organisations(TRUSTS)),
          Map.entry("POST /api/team-members/{memberId}/erasure", organisations(TRUSTS)),
          Map.entry("POST /api/learning-network/members", open(ADMINS)),
          Map.entry("GET /api/learning-network/members", open(ADMINS)),
          Map.entry("POST /api/learning-network/members/{organisationId}/interests", open(ADMINS)),
          Map.entry("POST /api/admin/redactions", open(ADMINS)),
          Map.entry("GET /api/admin/audit", open(ADMINS)));

  /**
   * The field a trust member's list is scoped by, per list a trust member may call: its items must
   * all be their organisation's; empty for a list that is not of organisations' objects.
   */
  private static final Map<String, String> TRUST_MEMBER_LISTS =
      Map.of(
          "GET /api/organisations", "id",
          "GET /api/enrollments", "organisationId",
          "GET /api/programmes", "");

  /** One organisation's objects, made through the API as an administrator. */
  record Seeded(
      String odsCode,
      String organisationId,
      String serviceId,
      String enrollmentId,
      String sponsorId,
      String memberToRemove,
      String memberToErase,
      List<String> personalData) {}

  private static Seeded first;
  private static Seeded second;
  private static String programmeId;
  private static String phaseId;

  /** An independent-sector provider in the learning network, and its declined interest. */
  private static String networkOrganisationId;

  private static String networkEnrollmentId;

  @BeforeEach
  void seed() {
    if (first != null) {
      return;
    }
    Scenario scenario = new Scenario(api);
    programmeId = scenario.programme();
    scenario.pilotPhase(programmeId, 5);
    phaseId = scenario.widerPhase(programmeId, 5);
    first = seed(scenario);
    second = seed(scenario);
    networkOrganisationId = scenario.organisation("INDEPENDENT_SECTOR_PROVIDER");
    networkEnrollmentId = scenario.interest(scenario.service(networkOrganisationId), phaseId);
    api.post(
            "/api/learning-network/members",
            "{\"enrollmentId\":\"%s\"}".formatted(networkEnrollmentId))
        .expect(201);
  }

  private Seeded seed(Scenario scenario) {
    String organisationId = scenario.organisation("NHS_TRUST");
    String odsCode = api.get("/api/organisations/" + organisationId).expect(200).text("odsCode");
    String serviceId = scenario.service(organisationId);
    String enrollmentId = scenario.interest(serviceId, phaseId);
    String tag = odsCode.toLowerCase();
    List<String> personal =
        List.of(
            "Sponsor Seeded" + tag,
            "sponsor." + tag + "@example.nhs.uk",
            "Leaver Seeded" + tag,
            "leaver." + tag + "@example.nhs.uk",
            "Erasable Seeded" + tag,
            "erasable." + tag + "@example.nhs.uk");
    String sponsor =
        scenario.member(enrollmentId, "EXECUTIVE_SPONSOR", personal.get(0), personal.get(1));
    String leaver =
        scenario.member(enrollmentId, "FRONTLINE_STAFF", personal.get(2), personal.get(3));
    String erasable = scenario.member(enrollmentId, "QI_LEAD", personal.get(4), personal.get(5));
    return new Seeded(
        odsCode, organisationId, serviceId, enrollmentId, sponsor, leaver, erasable, personal);
  }

  private Api as(Role role, Seeded organisation) {
    return switch (role) {
      case ADMIN -> api.as(TestTokens.admin());
      case COACH -> api.as(TestTokens.coach("coach.access@example.nhs.uk"));
      case TRUST_MEMBER -> api.as(TestTokens.trustMember(organisation.odsCode()));
      case ANALYST -> api.as(TestTokens.analyst());
      case OPERATOR -> api.as(TestTokens.operator());
      // The learning network reads nothing of enrollment-service: 403 everywhere.
      case LEARNING_NETWORK -> api.as(TestTokens.learningNetwork("NQ1"));
    };
  }

  private List<Operation> operations() {
    return OpenApiOperations.of(api.anonymous().get("/v3/api-docs").expect(200).body()).stream()
        .filter(o -> o.path().startsWith("/api/"))
        .toList();
  }

  /** The path with the first organisation's ids (or another's) in its template. */
  private static String path(Operation operation, Seeded of) {
    String path = operation.path();
    Map<String, String> ids = new LinkedHashMap<>();
    ids.put("programmeId", programmeId);
    ids.put("phaseId", phaseId);
    ids.put(
        "organisationId",
        path.startsWith("/api/learning-network/") ? networkOrganisationId : of.organisationId());
    ids.put("serviceId", of.serviceId());
    ids.put("enrollmentId", of.enrollmentId());
    ids.put("memberId", path.endsWith("/erasure") ? of.memberToErase() : of.memberToRemove());
    for (String parameter : operation.pathParameters()) {
      assertThat(ids).as("an id for {%s} of %s", parameter, operation).containsKey(parameter);
      path = path.replace("{" + parameter + "}", ids.get(parameter));
    }
    return path;
  }

  /** A request body the operation accepts, naming the given organisation's objects. */
  private static String body(Operation operation, Seeded of) {
    return switch (operation.key()) {
      case "POST /api/programmes" -> "{\"name\":\"Access programme\"}";
      case "POST /api/programmes/{programmeId}/phases" ->
          """
          {"kind":"PILOT","name":"Pilot","startsOn":"2024-01-08","endsOn":"2024-06-28",
           "capacity":5,"coachingStartsOn":"2024-02-01","coachingEndsOn":"2024-06-28"}""";
      case "POST /api/organisations" ->
          """
          {"odsCode":"%s","name":"Access trust","providerType":"NHS_TRUST","region":"LONDON"}"""
              .formatted(Scenario.nextTrustCode());
      case "POST /api/organisations/{organisationId}/services" ->
          "{\"name\":\"Access ward\",\"serviceType\":\"ADULT_ACUTE\"}";
      case "POST /api/enrollments" ->
          "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(of.serviceId(), phaseId);
      case "PUT /api/enrollments/{enrollmentId}/executive-commitment" ->
          """
          {"sponsorMemberId":"%s","organisationInvolvement":true,"teamChangeIdeas":true,
           "proportionateDataCollection":true}"""
              .formatted(of.sponsorId());
      case "POST /api/enrollments/{enrollmentId}/decline",
          "POST /api/enrollments/{enrollmentId}/withdrawal" ->
          "{\"reason\":\"Access check\"}";
      case "POST /api/enrollments/{enrollmentId}/team-members" ->
          "{\"role\":\"FRONTLINE_STAFF\",\"name\":\"Added Later\",\"email\":\"added@example.org\"}";
      // A member already: 409 for the one role let through.
      case "POST /api/learning-network/members" ->
          "{\"enrollmentId\":\"%s\"}".formatted(networkEnrollmentId);
      case "POST /api/learning-network/members/{organisationId}/interests" ->
          "{\"areas\":[\"NOMINATED_PERSON\"],\"expressedOn\":\"2024-07-01\"}";
      // Matches nothing: the check must not redact anyone's data.
      case "POST /api/admin/redactions" -> "{\"text\":\"nothing-%s\"}".formatted(UUID.randomUUID());
      default -> null;
    };
  }

  private static Api.Response call(Api caller, Operation operation, Seeded of) {
    String path = path(operation, of);
    return switch (operation.method()) {
      case "GET" -> caller.get(path);
      case "DELETE" -> caller.delete(path);
      case "PUT" -> caller.put(path, body(operation, of));
      case "POST" ->
          operation.requestBodyContentTypes().isEmpty()
              ? caller.post(path)
              : caller.post(path, body(operation, of));
      default -> throw new AssertionError("no call for " + operation);
    };
  }

  @Test
  void everyOperationHasADeclaredExpectation() {
    Set<String> documented = new TreeSet<>();
    operations().forEach(o -> documented.add(o.key()));
    assertThat(documented)
        .as("operations without an expectation in EXPECTED")
        .isSubsetOf(EXPECTED.keySet());
    assertThat(EXPECTED.keySet()).as("expectations of no operation").isSubsetOf(documented);
    for (Operation operation : operations()) {
      if (operation.requestBodyContentTypes().contains("application/json")) {
        assertThat(body(operation, first)).as("a request body for %s", operation).isNotNull();
      }
    }
  }

  @Test
  void anonymousCallersAreRefusedEverywhere() {
    for (Operation operation : operations()) {
      Api.Response answer = call(api.anonymous(), operation, first);
      assertThat(answer.status()).as("anonymous %s", operation).isEqualTo(401);
      assertThat(answer.contentType()).as("%s", operation).startsWith("application/problem+json");
    }
  }

  @Test
  void eachRoleReachesWhatItsRolesAllowAndIsRefusedTheRest() {
    List<String> wrong = new ArrayList<>();
    for (Operation operation : operations()) {
      Expectation expected = EXPECTED.get(operation.key());
      // Another organisation's trust member first: the same organisation's call may change the
      // object (a withdrawal), which must not decide what the other one gets.
      if (expected.organisationObject() && expected.allowed().contains(Role.TRUST_MEMBER)) {
        int other = call(as(Role.TRUST_MEMBER, second), operation, first).status();
        if (other != 404) {
          wrong.add(operation + ": a trust member of another organisation got " + other);
        }
      }
      for (Role role : Role.values()) {
        Api.Response answer = call(as(role, first), operation, first);
        boolean allowed = expected.allowed().contains(role);
        int status = answer.status();
        if (allowed && (status == 401 || status == 403 || status == 404 || status >= 500)) {
          wrong.add(
              operation + ": " + role + " is allowed but got " + status + " " + answer.body());
        } else if (!allowed && status != 403) {
          wrong.add(operation + ": " + role + " should get 403 but got " + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void aTrustMembersListsHoldTheirOwnOrganisationsObjectsOnly() {
    Api trust = as(Role.TRUST_MEMBER, first);
    for (Operation operation : operations()) {
      Expectation expected = EXPECTED.get(operation.key());
      if (!operation.method().equals("GET")
          || operation.takesAnId()
          || !expected.allowed().contains(Role.TRUST_MEMBER)) {
        continue;
      }
      assertThat(TRUST_MEMBER_LISTS)
          .as("which field scopes the list %s", operation)
          .containsKey(operation.key());
      String field = TRUST_MEMBER_LISTS.get(operation.key());
      if (field.isEmpty()) {
        continue;
      }
      JsonNode content =
          trust.get(operation.path() + "?size=200").expect(200).body().path("content");
      assertThat(content).as("%s as a trust member", operation).isNotEmpty();
      for (JsonNode item : content) {
        assertThat(item.path(field).asString())
            .as("%s", operation)
            .isEqualTo(first.organisationId());
      }
    }
    // Asking for another organisation's objects by filter finds none.
    assertThat(
            trust
                .get("/api/enrollments?organisationId=" + second.organisationId())
                .expect(200)
                .body()
                .path("content"))
        .isEmpty();
    assertThat(
            trust
                .get("/api/organisations?odsCode=" + second.odsCode())
                .expect(200)
                .body()
                .path("content"))
        .isEmpty();
    // The administrator's lists hold both, so the filtering above is the trust member's.
    assertThat(
            api.get("/api/enrollments?phaseId=" + phaseId + "&size=200")
                .expect(200)
                .body()
                .path("content")
                .findValuesAsString("organisationId"))
        .contains(first.organisationId(), second.organisationId());
    // A trust member of an organisation not registered here sees nothing at all.
    Api stranger = api.as(TestTokens.trustMember("ZZ9"));
    assertThat(stranger.get("/api/enrollments").expect(200).body().path("content")).isEmpty();
    assertThat(stranger.get("/api/organisations").expect(200).body().path("content")).isEmpty();
  }

  @Test
  void anotherOrganisationsServiceIsUnknownWhenExpressingInterest() {
    Api other = as(Role.TRUST_MEMBER, second);
    String unknown =
        other
            .post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(UUID.randomUUID(), phaseId))
            .body()
            .path("type")
            .asString();
    Api.Response theirs =
        other.post(
            "/api/enrollments",
            "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(first.serviceId(), phaseId));
    assertThat(theirs.status()).isEqualTo(422);
    assertThat(theirs.text("type")).isEqualTo(unknown);
    assertThat(theirs.text("field")).isEqualTo("serviceId");
  }

  @Test
  void coachesAndAnalystsReadNoNameOrEmailAddress() {
    List<String> personal = new ArrayList<>(first.personalData());
    personal.addAll(second.personalData());
    for (Role role : List.of(Role.COACH, Role.ANALYST)) {
      for (Operation operation : operations()) {
        if (!operation.method().equals("GET")
            || !EXPECTED.get(operation.key()).allowed().contains(role)) {
          continue;
        }
        String answer = call(as(role, first), operation, first).expect(200).body().toString();
        for (String text : personal) {
          assertThat(answer).as("%s as %s", operation, role).doesNotContainIgnoringCase(text);
        }
      }
    }
    // Not vacuous: the team's own organisation reads the names.
    assertThat(
            as(Role.TRUST_MEMBER, first)
                .get("/api/enrollments/" + first.enrollmentId() + "/team-members")
                .expect(200)
                .body()
                .toString())
        .contains(first.personalData().get(0));
  }

  @Test
  void noRequestBodyTakesAFieldItWouldIgnore() {
    List<String> wrong = new ArrayList<>();
    for (Operation operation : operations()) {
      if (!operation.requestBodyContentTypes().contains("application/json")) {
        continue;
      }
      for (String field : List.of("id", "status", "createdAt")) {
        ObjectNode body = (ObjectNode) JSON.readTree(body(operation, first));
        body.put(field, field.equals("id") ? UUID.randomUUID().toString() : "2024-01-01T00:00:00Z");
        Function<String, Api.Response> send =
            json ->
                operation.method().equals("PUT")
                    ? api.put(path(operation, first), json)
                    : api.post(path(operation, first), json);
        Api.Response answer = send.apply(body.toString());
        if (answer.status() != 400
            || !answer.text("type").equals("urn:mhaqi:problem:unknown-field")
            || !answer.text("field").equals(field)) {
          wrong.add(operation + " with " + field + ": " + answer.status() + " " + answer.body());
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyListIsPagedOrSaysWhyItIsBounded() {
    JsonNode docs = api.anonymous().get("/v3/api-docs").expect(200).body();
    List<String> unbounded = new ArrayList<>();
    for (Operation operation : operations()) {
      JsonNode documented =
          docs.path("paths").path(operation.path()).path(operation.method().toLowerCase());
      // An answer that is an array itself (a paged one is an object with its content).
      boolean listAnswer = documented.path("responses").toString().contains("\"type\":\"array\"");
      if (listAnswer
          && !operation.queryParameters().containsKey("size")
          && !documented.path("description").asString().contains("Not paged")) {
        unbounded.add(operation.key());
      }
    }
    assertThat(unbounded).as("lists neither paged nor bounded by design").isEmpty();
    for (Operation operation : operations()) {
      if (operation.queryParameters().containsKey("size")
          && EXPECTED.get(operation.key()).allowed().contains(Role.ADMIN)) {
        assertThat(api.get(path(operation, first) + "?size=201").status())
            .as("%s?size=201", operation)
            .isEqualTo(400);
      }
    }
  }
}
