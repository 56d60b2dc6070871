package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.it.EnrollmentEventsIT.list;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.OpenApiOperations;
import org.mhaqi.testing.OpenApiOperations.Operation;
import org.mhaqi.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Who reaches which of coaching's operations, generated from the service's own OpenAPI document so
 * that a new endpoint without a declared expectation fails the suite: no token is a 401, a role not
 * opened a 403, another organisation's (or another coach's) object a 404, lists filtered to the
 * caller's organisation, no name or e-mail address in an analyst's answers, and an unknown field in
 * any JSON request body a 400 naming it.
 */
class CoachingAccessIT extends IntegrationTest {

  static final String ORG = "RQ1";
  static final String OTHER_ORG = "RQ2";

  /** The roles a caller can hold, each with a token of its own. */
  enum Role {
    ADMIN,
    COACH,
    TRUST_MEMBER,
    ANALYST,
    OPERATOR,
    LEARNING_NETWORK
  }

  /** Whose objects an operation's path id names, when a role is limited to its own. */
  enum Scope {
    /** A trust member reaches only their organisation's: another organisation's is a 404. */
    ORGANISATION,
    /** A coach reaches only their own: another coach's is a 404. */
    COACH
  }

  /**
   * What is declared for one operation.
   *
   * @param allowed the roles that reach it (every other one: 403); empty for a public operation
   * @param scopes how the roles limited to their own are limited
   * @param body a valid JSON body, for the calls that must get past validation; null for none
   * @param query required query parameters, e.g. {@code from=...&to=...}
   * @param publicOperation no token needed
   */
  record Expect(
      Set<Role> allowed, Set<Scope> scopes, String body, String query, boolean publicOperation) {

    static Expect roles(Role... roles) {
      return new Expect(Set.of(roles), Set.of(), null, "", false);
    }

    static Expect open() {
      return new Expect(Set.of(), Set.of(), null, "", true);
    }

    Expect scoped(Scope... scopes) {
      return new Expect(allowed, Set.of(scopes), body, query, publicOperation);
    }

    Expect body(String json) {
      return new Expect(allowed, scopes, json, query, publicOperation);
    }

    Expect query(String parameters) {
      return new Expect(allowed, scopes, body, parameters, publicOperation);
    }
  }

  /** A far-off Monday for days away: no session of anyone's lies there. */
  static final String AWAY = "2030-01-07";

  /** Every documented operation, declared. */
  static Map<String, Expect> expectations(Seeded seeded) {
    LocalDateTime saturday =
        seeded.sessionStartsAt().with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
    Map<String, Expect> expect = new LinkedHashMap<>();
    expect.put("GET /api/coaches", Expect.roles(Role.ADMIN));
    expect.put("POST /api/coaches", Expect.roles(Role.ADMIN));
    expect.put("GET /api/coaches/mine", Expect.roles(Role.ADMIN, Role.COACH));
    expect.put(
        "GET /api/coaches/{coachId}", Expect.roles(Role.ADMIN, Role.COACH).scoped(Scope.COACH));
    expect.put(
        "POST /api/coaches/{coachId}/days-away",
        Expect.roles(Role.ADMIN, Role.COACH)
            .scoped(Scope.COACH)
            .body("{\"from\":\"" + AWAY + "\",\"to\":\"" + AWAY + "\",\"reason\":\"Training\"}"));
    expect.put(
        "DELETE /api/coaches/{coachId}/days-away",
        Expect.roles(Role.ADMIN, Role.COACH)
            .scoped(Scope.COACH)
            .query("from=" + AWAY + "&to=" + AWAY));
    expect.put("POST /api/coaches/{coachId}/erasure", Expect.roles(Role.ADMIN));
    expect.put(
        "GET /api/coaches/{coachId}/sessions",
        Expect.roles(Role.ADMIN, Role.COACH).scoped(Scope.COACH));
    expect.put(
        "GET /api/coaches/{coachId}/calendar.ics",
        Expect.roles(Role.ADMIN, Role.COACH).scoped(Scope.COACH));
    expect.put(
        "GET /api/services/{serviceId}/calendar.ics",
        Expect.roles(Role.ADMIN, Role.TRUST_MEMBER).scoped(Scope.ORGANISATION));
    expect.put(
        "GET /api/enrollments/{enrollmentId}/plan",
        Expect.roles(Role.ADMIN, Role.TRUST_MEMBER, Role.ANALYST).scoped(Scope.ORGANISATION));
    expect.put("GET /api/plans", Expect.roles(Role.ADMIN, Role.TRUST_MEMBER, Role.ANALYST));
    expect.put(
        "GET /api/sessions/{sessionId}",
        Expect.roles(Role.ADMIN, Role.COACH, Role.TRUST_MEMBER, Role.ANALYST)
            .scoped(Scope.ORGANISATION, Scope.COACH));
    expect.put(
        "GET /api/sessions/{sessionId}/history",
        Expect.roles(Role.ADMIN, Role.COACH, Role.TRUST_MEMBER)
            .scoped(Scope.ORGANISATION, Scope.COACH));
    expect.put("GET /api/sessions/unstaffed", Expect.roles(Role.ADMIN));
    expect.put("POST /api/sessions/unstaffed/staffing", Expect.roles(Role.ADMIN));
    // Valid bodies that the owner's call gets refused for after the access check (a Saturday, a
    // session not yet started), except the cancellation, which the owner really makes.
    expect.put(
        "POST /api/sessions/{sessionId}/reschedule",
        Expect.roles(Role.ADMIN, Role.COACH)
            .scoped(Scope.COACH)
            .body("{\"startsAt\":\"" + saturday + "\",\"reason\":\"Access check\"}"));
    expect.put(
        "POST /api/sessions/{sessionId}/completion",
        Expect.roles(Role.ADMIN, Role.COACH)
            .scoped(Scope.COACH)
            .body(
                "{\"minutesDelivered\":30,\"attendance\":{},"
                    + "\"livedExperiencePartnerTookPart\":false}"));
    expect.put(
        "POST /api/sessions/{sessionId}/cancellation",
        Expect.roles(Role.ADMIN, Role.COACH)
            .scoped(Scope.COACH)
            .body("{\"reason\":\"Access check\"}"));
    expect.put(
        "GET /api/calendar-subscriptions", Expect.roles(Role.ADMIN, Role.COACH, Role.TRUST_MEMBER));
    expect.put(
        "POST /api/calendar-subscriptions",
        Expect.roles(Role.ADMIN, Role.COACH, Role.TRUST_MEMBER));
    expect.put(
        "DELETE /api/calendar-subscriptions/{subscriptionId}",
        Expect.roles(Role.ADMIN, Role.COACH, Role.TRUST_MEMBER).scoped(Scope.ORGANISATION));
    expect.put("GET /calendars/{token}.ics", Expect.open());
    // The central team schedules learning events and records attendance; teams and coaches see
    // them in their calendar feeds.
    expect.put("GET /api/learning-events", Expect.roles(Role.ADMIN));
    expect.put("POST /api/learning-events", Expect.roles(Role.ADMIN));
    expect.put("GET /api/learning-events/{learningEventId}", Expect.roles(Role.ADMIN));
    expect.put("POST /api/learning-events/{learningEventId}/attendance", Expect.roles(Role.ADMIN));
    expect.put("POST /api/admin/redactions", Expect.roles(Role.ADMIN));
    expect.put("GET /api/admin/audit", Expect.roles(Role.ADMIN));
    expect.put("GET /api/admin/dead-letters", Expect.roles(Role.ADMIN));
    expect.put("GET /api/admin/dead-letters/{topic}", Expect.roles(Role.ADMIN));
    expect.put(
        "POST /api/admin/dead-letters/{topic}/{partition}/{offset}/replay",
        Expect.roles(Role.ADMIN));
    return expect;
  }

  /**
   * Operations whose administrator call would change what other tests of the shared context see
   * (staffing every unstaffed session); the other roles' refusals are still checked, and other
   * tests call them as administrators.
   */
  static final Set<String> ADMIN_CALL_LEFT_OUT = Set.of("POST /api/sessions/unstaffed/staffing");

  /**
   * The objects of the first organisation and its coach, and the second of each.
   *
   * @param subscriptionId a calendar subscription of the first organisation's trust member
   */
  record Seeded(
      UUID enrollmentId,
      UUID serviceId,
      UUID phaseId,
      UUID sessionId,
      LocalDateTime sessionStartsAt,
      UUID coachId,
      String coachEmail,
      String coachName,
      UUID otherEnrollmentId,
      String otherCoachEmail,
      String otherCoachName,
      UUID subscriptionId) {}

  private static Seeded seeded;

  String adminToken() {
    return TestTokens.admin();
  }

  String coachToken(String email) {
    return TestTokens.token("coach-" + email, Set.of("COACH"), null, email);
  }

  String token(Role role) {
    Seeded s = seed();
    return switch (role) {
      case ADMIN -> TestTokens.admin();
      case COACH -> coachToken(s.coachEmail());
      case TRUST_MEMBER -> TestTokens.trustMember(ORG);
      case ANALYST -> TestTokens.analyst();
      case OPERATOR -> TestTokens.operator();
      // The learning network reads nothing of coaching-service: 403 everywhere.
      case LEARNING_NETWORK -> TestTokens.learningNetwork("NQ1");
    };
  }

  /**
   * Two coaches, an enrolment of each organisation, a session of the first with the first coach.
   */
  synchronized Seeded seed() {
    if (seeded != null) {
      return seeded;
    }
    String run = UUID.randomUUID().toString().substring(0, 8);
    String coachName = "Ada Accesscoach " + run;
    String coachEmail = "ada." + run + "@coaching.example";
    String otherName = "Bo Othercoach " + run;
    String otherEmail = "bo." + run + "@coaching.example";
    UUID coachId = UUID.fromString(registerCoach(coachName, coachEmail));
    registerCoach(otherName, otherEmail);

    LocalDate first = today().plusWeeks(8);
    LocalDate last = today().plusWeeks(20);
    ServiceEnrolled ours = enrolledIn(ORG, first, last);
    ServiceEnrolled theirs = enrolledIn(OTHER_ORG, first, last);
    for (ServiceEnrolled e : List.of(ours, theirs)) {
      enrollmentService().send(team(e.enrollmentId(), e.serviceId()));
      enrollmentService().send(e);
    }
    JsonNode plan = awaitPlan(ours.enrollmentId());
    awaitPlan(theirs.enrollmentId());

    // The first organisation's session, moved (same time) to the first coach.
    JsonNode session = SessionApiIT.weeklySession(plan, s -> true);
    String sessionId = session.get("id").asString();
    LocalDateTime startsAt = LocalDateTime.parse(session.get("startsAt").asString());
    postJson(
            "/api/sessions/{id}/reschedule",
            Map.of("startsAt", startsAt, "coachId", coachId, "reason", "Seeding access tests"),
            sessionId)
        .expect(200);

    String subscriptionId =
        api.as(TestTokens.trustMember(ORG))
            .post("/api/calendar-subscriptions", "{\"serviceId\":\"" + ours.serviceId() + "\"}")
            .expect(201)
            .id();
    seeded =
        new Seeded(
            ours.enrollmentId(),
            ours.serviceId(),
            ours.phaseId(),
            UUID.fromString(sessionId),
            startsAt,
            coachId,
            coachEmail,
            coachName,
            theirs.enrollmentId(),
            otherEmail,
            otherName,
            UUID.fromString(subscriptionId));
    return seeded;
  }

  String registerCoach(String name, String email) {
    return postJson(
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
                // Little capacity: the shared context's other plans barely notice these coaches.
                "weeklyCapacityHours",
                2))
        .expect(201)
        .id();
  }

  static ServiceEnrolled enrolledIn(String odsCode, LocalDate first, LocalDate last) {
    return new ServiceEnrolled(
        UUID.randomUUID(),
        UUID.randomUUID(),
        UUID.randomUUID(),
        odsCode,
        ProviderType.NHS_TRUST,
        Region.LONDON,
        ServiceType.ADULT_ACUTE,
        UUID.randomUUID(),
        PhaseKind.WIDER_IMPLEMENTATION,
        first,
        last,
        false,
        first.minusWeeks(2).atStartOfDay(LONDON).toInstant());
  }

  List<Operation> operations() {
    return OpenApiOperations.of(api.anonymous().get("/v3/api-docs").expect(200).body());
  }

  /** The path with every parameter filled in by the function, plus the required query. */
  static String path(Operation operation, Map<String, String> values, Expect expect) {
    String path = operation.path();
    for (String parameter : operation.pathParameters()) {
      String value = values.get(parameter);
      assertThat(value).as("a value for {%s} of %s", parameter, operation).isNotNull();
      path = path.replace("{" + parameter + "}", value);
    }
    return expect.query().isEmpty() ? path : path + "?" + expect.query();
  }

  /** Path values of objects nobody has: authorization is decided before they are looked up. */
  static Map<String, String> randomIds() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String name :
        List.of(
            "coachId",
            "serviceId",
            "enrollmentId",
            "sessionId",
            "subscriptionId",
            "token",
            "learningEventId")) {
      values.put(name, UUID.randomUUID().toString());
    }
    values.put("topic", "no-such-topic");
    values.put("partition", "0");
    values.put("offset", "0");
    return values;
  }

  /** Path values naming the first organisation's objects and its coach. */
  static Map<String, String> firstOrganisations(Seeded s) {
    Map<String, String> values = new LinkedHashMap<>(randomIds());
    values.put("coachId", s.coachId().toString());
    values.put("serviceId", s.serviceId().toString());
    values.put("enrollmentId", s.enrollmentId().toString());
    values.put("sessionId", s.sessionId().toString());
    values.put("subscriptionId", s.subscriptionId().toString());
    return values;
  }

  static Api.Response call(Api caller, Operation operation, String path, String body) {
    return switch (operation.method()) {
      case "GET" -> caller.get(path);
      case "DELETE" -> caller.delete(path);
      case "PUT" -> caller.put(path, body == null ? "{}" : body);
      case "POST" ->
          operation.requestBodyContentTypes().isEmpty()
              ? caller.post(path)
              : caller.post(path, body == null ? "{}" : body);
      default -> throw new AssertionError("No call for " + operation);
    };
  }

  @Test
  void everyDocumentedOperationHasADeclaredExpectation() {
    Map<String, Expect> expect = expectations(seed());
    List<String> documented = operations().stream().map(Operation::key).toList();
    assertThat(documented)
        .as("operations without an expectation in %s", getClass().getSimpleName())
        .allSatisfy(key -> assertThat(expect).containsKey(key));
    assertThat(expect.keySet())
        .as("expectations of operations no longer documented")
        .allSatisfy(key -> assertThat(documented).contains(key));
  }

  @Test
  void withoutATokenEveryOperationButThePublicOnesIsA401() {
    Map<String, Expect> expect = expectations(seed());
    List<String> wrong = new ArrayList<>();
    for (Operation operation : operations()) {
      Expect e = expect.get(operation.key());
      assertThat(e).as("expectation of %s", operation).isNotNull();
      int status =
          call(api.anonymous(), operation, path(operation, randomIds(), e), e.body()).status();
      boolean ok = e.publicOperation() ? status != 401 && status != 403 : status == 401;
      if (!ok) {
        wrong.add(operation + " anonymous -> " + status);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void eachRoleReachesExactlyTheOperationsDeclaredForIt() {
    Map<String, Expect> expect = expectations(seed());
    List<String> wrong = new ArrayList<>();
    for (Operation operation : operations()) {
      Expect e = expect.get(operation.key());
      assertThat(e).as("expectation of %s", operation).isNotNull();
      for (Role role : Role.values()) {
        if (role == Role.ADMIN && ADMIN_CALL_LEFT_OUT.contains(operation.key())) {
          continue;
        }
        // Ids of nothing and empty bodies: a role let through gets a 404 or 400, never 401/403.
        int status =
            call(api.as(token(role)), operation, path(operation, randomIds(), e), null).status();
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
  void anotherOrganisationsOrCoachsObjectIsNotFoundAndTheOwnerReachesIt() {
    Seeded s = seed();
    Map<String, Expect> expect = expectations(s);
    Map<String, String> ours = firstOrganisations(s);
    Api otherTrustMember = api.as(TestTokens.trustMember(OTHER_ORG));
    Api otherCoach = api.as(coachToken(s.otherCoachEmail()));
    Api trustMember = api.as(TestTokens.trustMember(ORG));
    Api coach = api.as(coachToken(s.coachEmail()));
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Operation operation : operations()) {
      Expect e = expect.get(operation.key());
      if (!operation.takesAnId() || e.scopes().isEmpty()) {
        continue;
      }
      String path = path(operation, ours, e);
      for (Scope scope : e.scopes()) {
        Api stranger = scope == Scope.ORGANISATION ? otherTrustMember : otherCoach;
        Api owner = scope == Scope.ORGANISATION ? trustMember : coach;
        int strangers = call(stranger, operation, path, e.body()).status();
        if (strangers != 404) {
          wrong.add(operation + " as another " + scope + "'s -> " + strangers);
        }
        Api.Response owners = call(owner, operation, path, e.body());
        if (Set.of(401, 403, 404).contains(owners.status())) {
          wrong.add(operation + " as the " + scope + "'s own -> " + owners.status());
        }
        checked++;
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).as("scoped operations checked").isGreaterThanOrEqualTo(10);
  }

  /** The console learns a coach's id from their token alone: their own record, nobody else's. */
  @Test
  void aCoachFindsTheirOwnRecordAndNoOneElses() {
    Seeded s = seed();

    List<JsonNode> own =
        list(api.as(coachToken(s.coachEmail())).get("/api/coaches/mine").expect(200).body());
    List<JsonNode> others =
        list(api.as(coachToken(s.otherCoachEmail())).get("/api/coaches/mine").expect(200).body());

    assertThat(own).extracting(c -> c.get("id").asString()).containsExactly(s.coachId().toString());
    assertThat(own.get(0).get("name").asString()).isEqualTo(s.coachName());
    assertThat(others)
        .extracting(c -> c.get("name").asString())
        .containsExactly(s.otherCoachName());
    assertThat(list(api.get("/api/coaches/mine").expect(200).body())).isEmpty();
  }

  @Test
  void aTrustMembersListsHoldOnlyTheirOrganisationsObjects() {
    Seeded s = seed();
    Api trustMember = api.as(TestTokens.trustMember(ORG));

    Set<String> plans = enrollmentIds(trustMember.get("/api/plans?size=200").expect(200).body());
    assertThat(plans).contains(s.enrollmentId().toString());
    assertThat(plans).allSatisfy(id -> assertThat(odsCodeOf(id)).isEqualToIgnoringCase(ORG));
    Set<String> ofPhase =
        enrollmentIds(
            trustMember.get("/api/plans?size=200&phaseId=" + s.phaseId()).expect(200).body());
    assertThat(ofPhase).containsExactly(s.enrollmentId().toString());
    assertThat(
            enrollmentIds(
                api.as(TestTokens.trustMember(OTHER_ORG)).get("/api/plans?size=200").body()))
        .contains(s.otherEnrollmentId().toString())
        .doesNotContain(s.enrollmentId().toString());
    // The administrator's list holds both.
    assertThat(enrollmentIds(api.get("/api/plans?size=200&phaseId=" + s.phaseId()).body()))
        .containsExactly(s.enrollmentId().toString());

    assertThat(ids(trustMember.get("/api/calendar-subscriptions?size=200").expect(200).body()))
        .contains(s.subscriptionId().toString());
    assertThat(
            ids(
                api.as(TestTokens.trustMember(OTHER_ORG))
                    .get("/api/calendar-subscriptions?size=200")
                    .expect(200)
                    .body()))
        .doesNotContain(s.subscriptionId().toString());
  }

  @Test
  void anAnalystsAnswersNameNoCoach() {
    Seeded s = seed();
    Api analyst = api.as(TestTokens.analyst());
    List<String> answers =
        List.of(
            analyst.get("/api/plans?size=200").expect(200).body().toString(),
            analyst
                .get("/api/enrollments/" + s.enrollmentId() + "/plan")
                .expect(200)
                .body()
                .toString(),
            analyst.get("/api/sessions/" + s.sessionId()).expect(200).body().toString());
    for (String answer : answers) {
      assertThat(answer)
          .doesNotContainIgnoringCase(s.coachName())
          .doesNotContainIgnoringCase(s.coachEmail())
          .doesNotContainIgnoringCase(s.otherCoachName())
          .doesNotContainIgnoringCase(s.otherCoachEmail());
    }
    // The session is the coach's: the analyst sees the id, never who it is.
    assertThat(answers.get(2)).contains(s.coachId().toString());
    assertThat(analyst.get("/api/coaches/" + s.coachId()).status()).isEqualTo(403);
    assertThat(analyst.get("/api/sessions/" + s.sessionId() + "/history").status()).isEqualTo(403);
  }

  @Test
  void everyJsonRequestBodyRefusesAnUnknownFieldNamingIt() {
    seed();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Operation operation : operations()) {
      if (!operation.requestBodyContentTypes().contains("application/json")) {
        continue;
      }
      Expect e = expectations(seed()).get(operation.key());
      Api.Response answer =
          call(
              api,
              operation,
              path(operation, randomIds(), e),
              "{\"id\":\"" + UUID.randomUUID() + "\"}");
      if (answer.status() != 400 || !"id".equals(answer.text("field"))) {
        wrong.add(operation + " -> " + answer.status() + " " + answer.body());
      }
      checked++;
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).as("operations with a JSON body").isGreaterThanOrEqualTo(7);
  }

  private Set<String> enrollmentIds(JsonNode page) {
    return list(page.get("content")).stream()
        .map(p -> p.get("enrollmentId").asString())
        .collect(Collectors.toSet());
  }

  private static Set<String> ids(JsonNode page) {
    return list(page.get("content")).stream()
        .map(p -> p.get("id").asString())
        .collect(Collectors.toSet());
  }

  private String odsCodeOf(String enrollmentId) {
    return jdbc.sql("select ods_code from enrollment where id = ?")
        .param(UUID.fromString(enrollmentId))
        .query(String.class)
        .single();
  }
}
