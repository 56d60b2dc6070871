package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.OpenApiOperations;
import org.mhaqi.testing.OpenApiOperations.Operation;
import org.mhaqi.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Who reaches which of evaluation's operations, generated from its OpenAPI document so that a new
 * operation without a declared expectation fails: no token is a 401; each role is let through or
 * refused (403) as the role matrix says; a trust member of another organisation gets a 404 for
 * every id of the first organisation's objects while the first organisation's own member is let
 * through; lists hold a trust member's own organisation's objects only; an analyst never sees a
 * person's identifier; and every JSON body refuses an unknown field, naming it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationAccessIT extends EvaluationIntegrationTest {

  static final String RESTRAINT = "RESTRICTIVE_INTERVENTIONS";

  /** An independent-sector provider of the learning network. */
  static final String NETWORK_PROVIDER = "NQ1";

  /** The roles besides ADMIN, which reaches everything. */
  enum Role {
    ANALYST,
    COACH,
    TRUST_MEMBER,
    OPERATOR,
    LEARNING_NETWORK
  }

  /**
   * What an operation allows.
   *
   * @param roles the roles besides ADMIN that reach it (the rest get 403)
   * @param ownServiceOnly its path names an object of one organisation's service: a trust member of
   *     another organisation gets 404
   * @param isPublic reached without a token (the report pages)
   * @param adminNotCalled why an administrator's call is not made (null: it is)
   */
  record Expectation(
      Set<Role> roles, boolean ownServiceOnly, boolean isPublic, String adminNotCalled) {

    static Expectation adminOnly() {
      return new Expectation(EnumSet.noneOf(Role.class), false, false, null);
    }

    static Expectation of(Role... roles) {
      return new Expectation(set(roles), false, false, null);
    }

    static Expectation ownService(Role... roles) {
      return new Expectation(set(roles), true, false, null);
    }

    static Expectation publicPage() {
      return new Expectation(EnumSet.allOf(Role.class), false, true, null);
    }

    Expectation adminNotCalled(String why) {
      return new Expectation(roles, ownServiceOnly, isPublic, why);
    }

    private static Set<Role> set(Role... roles) {
      return roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
    }
  }

  static final Map<String, Expectation> EXPECTED = new LinkedHashMap<>();

  static {
    Role a = Role.ANALYST;
    Role c = Role.COACH;
    Role t = Role.TRUST_MEMBER;
    Role n = Role.LEARNING_NETWORK;
    // A service's own records: its trust's members, scoped to their organisation.
    EXPECTED.put("POST /api/services/{serviceId}/data-returns", Expectation.ownService(t));
    EXPECTED.put("GET /api/services/{serviceId}/data-returns", Expectation.ownService(t));
    EXPECTED.put(
        "GET /api/services/{serviceId}/data-returns/{measureCode}/{month}",
        Expectation.ownService(t));
    EXPECTED.put("POST /api/services/{serviceId}/change-ideas", Expectation.ownService(t));
    EXPECTED.put("GET /api/change-ideas/{id}", Expectation.ownService(t, a));
    EXPECTED.put("GET /api/change-ideas", Expectation.of(t, a));
    EXPECTED.put("POST /api/change-ideas/{id}/cycles", Expectation.ownService(t));
    EXPECTED.put("POST /api/change-ideas/{id}/cycles/{number}/outcome", Expectation.ownService(t));
    EXPECTED.put("POST /api/change-ideas/{id}/sharing", Expectation.ownService(t));
    EXPECTED.put("DELETE /api/change-ideas/{id}/sharing", Expectation.ownService(t));
    EXPECTED.put("POST /api/change-ideas/{id}/adopted-from", Expectation.ownService(t));
    // The shared library: every team's shared ideas, for everyone in the programme.
    EXPECTED.put("GET /api/shared-change-ideas", Expectation.of(t, a, c, n));
    EXPECTED.put("GET /api/shared-change-ideas/{id}", Expectation.of(t, a, c, n));
    EXPECTED.put("POST /api/services/{serviceId}/time-commitment", Expectation.ownService(t));
    EXPECTED.put("GET /api/services/{serviceId}/time-commitment", Expectation.ownService(t));
    EXPECTED.put("GET /api/time-commitment", Expectation.of(t));
    EXPECTED.put(
        "POST /api/services/{serviceId}/measures/{measureCode}/spc-decisions",
        Expectation.ownService(t));
    EXPECTED.put(
        "GET /api/services/{serviceId}/measures/{measureCode}/spc-decisions",
        Expectation.ownService(t));
    EXPECTED.put("DELETE /api/spc-decisions/{id}", Expectation.ownService(t));
    // One service's figures.
    EXPECTED.put(
        "GET /api/reports/phases/{phaseId}/services/{serviceId}", Expectation.ownService(a, c, t));
    EXPECTED.put("GET /api/engagement/services", Expectation.of(a, c, t));
    EXPECTED.put("GET /api/engagement/services/{serviceId}", Expectation.ownService(a, c, t));
    // Programme-wide aggregates and the export.
    EXPECTED.put("GET /api/reports/phases/{phaseId}", Expectation.of(a, c, n));
    EXPECTED.put("GET /api/reports/phases/{phaseId}/summary", Expectation.of(a, c, n));
    EXPECTED.put("GET /api/reports/phases/{phaseId}/summary.csv", Expectation.of(a, c, n));
    EXPECTED.put(
        "GET /api/reports/phases/{phaseId}/services/{serviceId}/summary",
        Expectation.ownService(a, c, t));
    EXPECTED.put(
        "GET /api/reports/phases/{phaseId}/services/{serviceId}/summary.csv",
        Expectation.ownService(a, c, t));
    EXPECTED.put("GET /api/reports/phases/{phaseId}/regions/{region}", Expectation.of(a, c, n));
    EXPECTED.put("GET /api/reports/pilot-vs-wider", Expectation.of(a, c, n));
    EXPECTED.put("GET /api/reports/phases/{phaseId}/returns.csv", Expectation.of(a));
    EXPECTED.put("GET /api/engagement/phases", Expectation.of(a, c));
    EXPECTED.put("GET /api/engagement/regions", Expectation.of(a, c));
    EXPECTED.put("GET /api/engagement/levels", Expectation.of(a, c));
    // The report pages: public once published (ReportPublicationIT); the seeded phase's is not,
    // so its readers are those of its reports.
    EXPECTED.put("GET /reports/phases/{phaseId}", Expectation.of(a, c));
    EXPECTED.put(
        "GET /reports/phases/{phaseId}/services/{serviceId}", Expectation.ownService(a, c, t));
    EXPECTED.put("GET /reports/phases/{phaseId}/measures/{code}", Expectation.of(a, c));
    EXPECTED.put(
        "GET /reports/phases/{phaseId}/measures/{code}/chart.{format}", Expectation.of(a, c));
    EXPECTED.put(
        "GET /reports/phases/{phaseId}/services/{serviceId}/measures/{code}",
        Expectation.ownService(a, c, t));
    EXPECTED.put(
        "GET /reports/phases/{phaseId}/services/{serviceId}/measures/{code}/chart.{format}",
        Expectation.ownService(a, c, t));
    // The equity forest plot's downloads: the same readers as the charts beside them.
    EXPECTED.put(
        "GET /reports/phases/{phaseId}/measures/{code}/equity.{format}", Expectation.of(a, c));
    EXPECTED.put(
        "GET /reports/phases/{phaseId}/services/{serviceId}/measures/{code}/equity.{format}",
        Expectation.ownService(a, c, t));
    // The small multiples of a measure across the phase's services: the phase's readers.
    EXPECTED.put(
        "GET /reports/phases/{phaseId}/measures/{code}/services.{format}", Expectation.of(a, c));
    // The phase's coaching hours as bars: the phase's readers.
    EXPECTED.put("GET /reports/phases/{phaseId}/engagement/hours.{format}", Expectation.of(a, c));
    // The index lists what the caller may read.
    EXPECTED.put("GET /reports", Expectation.publicPage());
    // Pilot against wider draws every phase, published or not: the API's comparison's readers.
    EXPECTED.put("GET /reports/pilot-vs-wider", Expectation.of(a, c, n));
    EXPECTED.put(
        "GET /reports/pilot-vs-wider/measures/{code}/chart.{format}", Expectation.of(a, c, n));
    // Publication: the central team's decision.
    String opensThePages =
        "publishing opens the seeded phase's pages to everyone; ReportPublicationIT publishes";
    EXPECTED.put(
        "POST /api/reports/phases/{phaseId}/publication",
        Expectation.adminOnly().adminNotCalled(opensThePages));
    EXPECTED.put(
        "DELETE /api/reports/phases/{phaseId}/publication",
        Expectation.adminOnly().adminNotCalled(opensThePages));
    EXPECTED.put("GET /api/reports/phases/{phaseId}/publications", Expectation.adminOnly());
    EXPECTED.put("GET /api/data-returns/owed", Expectation.adminOnly());
    // Catalogues and computations.
    EXPECTED.put("GET /api/measures", Expectation.of(a, c, t));
    EXPECTED.put("GET /api/measures/{code}", Expectation.of(a, c, t));
    EXPECTED.put("GET /api/ethnic-categories", Expectation.of(a, c, t));
    // Targets: the central team's.
    EXPECTED.put("POST /api/measures/{code}/targets", Expectation.adminOnly());
    EXPECTED.put("GET /api/measures/{code}/targets", Expectation.adminOnly());
    EXPECTED.put("GET /api/measures/{code}/targets/history", Expectation.adminOnly());
    EXPECTED.put("POST /api/analysis/spc", Expectation.of(a));
    EXPECTED.put("POST /api/analysis/rate-ratio", Expectation.of(a));
    EXPECTED.put("POST /api/analysis/spc/chart.svg", Expectation.of(a));
    // Administration.
    EXPECTED.put(
        "POST /api/admin/engagement/rebuild",
        Expectation.adminOnly()
            .adminNotCalled("it replays every topic; EngagementRebuildIT runs it as an admin"));
    EXPECTED.put("GET /api/admin/dead-letters", Expectation.adminOnly());
    EXPECTED.put("GET /api/admin/dead-letters/{topic}", Expectation.adminOnly());
    EXPECTED.put(
        "POST /api/admin/dead-letters/{topic}/{partition}/{offset}/replay",
        Expectation.adminOnly());
    EXPECTED.put("GET /api/admin/audit", Expectation.adminOnly());
    EXPECTED.put("POST /api/admin/redactions", Expectation.adminOnly());
  }

  /** One organisation's seeded objects, recorded by a named member of its trust. */
  record Seed(
      String odsCode,
      String member,
      EnrolledService service,
      YearMonth returnMonth,
      String changeIdeaId,
      String sharedIdeaId,
      String spcDecisionId) {

    String token() {
      return TestTokens.token(member, Set.of("TRUST_MEMBER"), odsCode, null);
    }
  }

  Seed ours;
  Seed theirs;
  List<Operation> operations;

  @BeforeAll
  void seedTwoOrganisations() {
    ours = seed(uniqueOdsCode(), "jo.bloggs@trust-one.nhs.uk");
    theirs = seed(uniqueOdsCode(), "sam.smith@trust-two.nhs.uk");
    operations = OpenApiOperations.of(api.get("/v3/api-docs").expect(200).body());
  }

  @Test
  void everyOperationHasADeclaredExpectation() {
    List<String> documented = operations.stream().map(Operation::key).distinct().toList();
    assertThat(documented)
        .as("operations without an expectation in EvaluationAccessIT.EXPECTED")
        .allMatch(EXPECTED::containsKey);
    assertThat(EXPECTED.keySet())
        .as("expectations of operations that are not documented (any more)")
        .allMatch(documented::contains);
  }

  @Test
  void withoutATokenOnlyThePublicPagesAnswer() {
    for (Operation operation : operations) {
      for (Call call : calls(operation, ours)) {
        int status = call.send(api.anonymous());
        if (EXPECTED.get(operation.key()).isPublic()) {
          assertThat(status).as("%s anonymously", call).isNotIn(401, 403);
        } else {
          assertThat(status).as("%s anonymously", call).isEqualTo(401);
        }
      }
    }
  }

  @Test
  void eachRoleReachesWhatTheMatrixOpensAndIsRefusedTheRest() {
    Map<Role, String> tokens = new LinkedHashMap<>();
    tokens.put(Role.ANALYST, TestTokens.analyst());
    tokens.put(Role.COACH, TestTokens.coach("coach.one@mhaqi.example"));
    tokens.put(Role.TRUST_MEMBER, ours.token());
    tokens.put(Role.OPERATOR, TestTokens.operator());
    tokens.put(Role.LEARNING_NETWORK, TestTokens.learningNetwork(NETWORK_PROVIDER));
    List<String> wrong = new ArrayList<>();
    for (Operation operation : operations) {
      Expectation expected = EXPECTED.get(operation.key());
      for (Call call : calls(operation, ours)) {
        if (expected.adminNotCalled() == null) {
          int status = call.send(api.as(TestTokens.admin()));
          if (status == 401 || status == 403 || status == 404 && expected.ownServiceOnly()) {
            wrong.add(call + " as ADMIN: " + status);
          }
        }
        tokens.forEach(
            (role, token) -> {
              int status = call.send(api.as(token));
              boolean allowed = expected.roles().contains(role);
              if (allowed ? status == 401 || status == 403 : status != 403) {
                wrong.add(call + " as " + role + ": " + status + (allowed ? "" : ", not 403"));
              }
              if (allowed && role == Role.TRUST_MEMBER && expected.ownServiceOnly()) {
                // Their own organisation's object: found, so that another's 404 means something.
                if (status == 404) {
                  wrong.add(call + " as a member of its own organisation: 404");
                }
              }
            });
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void anotherOrganisationsObjectsAreNotFoundThroughEveryOperationNamingThem() {
    String stranger = theirs.token();
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Operation operation : operations) {
      Expectation expected = EXPECTED.get(operation.key());
      if (!expected.ownServiceOnly()) {
        continue;
      }
      assertThat(operation.takesAnId()).as("%s names an object", operation).isTrue();
      for (Call call : calls(operation, ours)) {
        checked++;
        int status = call.send(api.as(stranger));
        if (status != 404) {
          wrong.add(call + " by another organisation's member: " + status);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isGreaterThanOrEqualTo(16);
    // Nothing of theirs was written into our service by those refused calls.
    assertThat(
            jdbc.sql("select count(*) from time_commitment_return where submitted_by = ?")
                .param(theirs.member())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void listsHoldOnlyTheTrustMembersOwnOrganisationsObjects() {
    Api member = api.as(ours.token());
    String ourService = ours.service().serviceId().toString();
    String theirService = theirs.service().serviceId().toString();

    JsonNode ideas = member.get("/api/change-ideas").expect(200).body();
    assertThat(ideas.valueStream().map(i -> i.path("serviceId").asString()))
        .isNotEmpty()
        .allMatch(ourService::equals);
    assertThat(
            member.get("/api/change-ideas?serviceId=" + theirService).expect(200).body().isEmpty())
        .isTrue();
    // Not vacuous: an administrator finds theirs.
    assertThat(api.get("/api/change-ideas?serviceId=" + theirService).expect(200).body().size())
        .isEqualTo(2);
    // The shared library is every team's, by design: what another trust chose to share.
    assertThat(
            member
                .get(expand("/api/shared-change-ideas/{id}", theirs.sharedIdeaId()))
                .expect(200)
                .text("serviceId"))
        .isEqualTo(theirService);

    JsonNode engagement = member.get("/api/engagement/services?size=200").expect(200).body();
    assertThat(engagement.path("content").valueStream().map(e -> e.path("odsCode").asString()))
        .isNotEmpty()
        .allMatch(ours.odsCode()::equals);
    assertThat(engagement.path("page").path("totalElements").asLong()).isEqualTo(1);

    JsonNode commitments = member.get("/api/time-commitment?size=200").expect(200).body();
    assertThat(commitments.path("content").valueStream().map(r -> r.path("serviceId").asString()))
        .containsExactly(ourService);
    assertThat(
            api.get("/api/time-commitment?size=200")
                .expect(200)
                .body()
                .path("content")
                .valueStream()
                .map(r -> r.path("serviceId").asString()))
        .contains(ourService, theirService);
  }

  @Test
  void anAnalystSeesNoPersonsIdentifierInAnythingTheyMayRead() {
    assertThat(readsWithoutAPersonsIdentifier(Role.ANALYST, TestTokens.analyst()))
        .isGreaterThanOrEqualTo(10);
  }

  @Test
  void aLearningNetworkMemberSeesNoPersonsIdentifierInTheLibraryOrTheReports() {
    assertThat(
            readsWithoutAPersonsIdentifier(
                Role.LEARNING_NETWORK, TestTokens.learningNetwork(NETWORK_PROVIDER)))
        .isGreaterThanOrEqualTo(7);
  }

  /** Reads every GET the role may call, each answered 200 without a person's identifier. */
  private int readsWithoutAPersonsIdentifier(Role role, String token) {
    Api caller = api.as(token);
    int read = 0;
    for (Operation operation : operations) {
      if (!operation.method().equals("GET")
          || !EXPECTED.get(operation.key()).roles().contains(role)) {
        continue;
      }
      for (Call call : calls(operation, ours)) {
        Api.Response answer = call.answer(caller);
        assertThat(answer.status()).as("%s as %s", call, role).isEqualTo(200);
        read++;
        assertThat(answer.body().toString())
            .as("%s as %s", call, role)
            .doesNotContain(ours.member(), theirs.member(), "jo.bloggs", "sam.smith");
      }
    }
    return read;
  }

  @Test
  void everyJsonBodyRefusesAnUnknownFieldNamingIt() {
    int checked = 0;
    for (Operation operation : operations) {
      if (!operation.requestBodyContentTypes().contains("application/json")) {
        continue;
      }
      Call call = call(operation, ours, "application/json");
      ObjectNode body = (ObjectNode) json.readTree(call.body());
      // First, so that it is the one field Jackson trips over.
      ObjectNode withId = json.createObjectNode();
      withId.put("id", UUID.randomUUID().toString());
      withId.setAll(body);
      Api.Response answer =
          api.post(call.path(), withId.toString(), "application/json").expect(400);
      assertThat(answer.text("field")).as("%s", call).isEqualTo("id");
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(9);
  }

  // --- seeding and calls ------------------------------------------------------------------------

  private Seed seed(String odsCode, String member) {
    EnrolledService service = enrol(4, odsCode);
    Api asMember = api.as(TestTokens.token(member, Set.of("TRUST_MEMBER"), odsCode, null));
    YearMonth month = thisMonth().minusMonths(2);
    asMember
        .post(
            expand("/api/services/{id}/data-returns", service.serviceId()),
            json.writeValueAsString(dataReturn(month)))
        .expect(201);
    String idea =
        asMember
            .post(
                expand("/api/services/{id}/change-ideas", service.serviceId()),
                json.writeValueAsString(changeIdea()))
            .expect(201)
            .id();
    asMember
        .post(expand("/api/change-ideas/{id}/cycles", idea), json.writeValueAsString(cycle()))
        .expect(201);
    String shared =
        asMember
            .post(
                expand("/api/services/{id}/change-ideas", service.serviceId()),
                json.writeValueAsString(changeIdea()))
            .expect(201)
            .id();
    asMember.post(expand("/api/change-ideas/{id}/sharing", shared)).expect(200);
    asMember
        .post(
            expand("/api/services/{id}/time-commitment", service.serviceId()),
            json.writeValueAsString(week(3)))
        .expect(201);
    String decision =
        asMember
            .post(
                expand(
                    "/api/services/{id}/measures/{code}/spc-decisions",
                    service.serviceId(),
                    RESTRAINT),
                json.writeValueAsString(decision()))
            .expect(201)
            .id();
    return new Seed(odsCode, member, service, month, idea, shared, decision);
  }

  private static String uniqueOdsCode() {
    StringBuilder code = new StringBuilder("Q");
    for (int i = 0; i < 4; i++) {
      code.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
    }
    return code.toString();
  }

  private Map<String, Object> dataReturn(YearMonth month) {
    return Map.of(
        "measureCode",
        RESTRAINT,
        "month",
        month.toString(),
        "strata",
        List.of(Map.of("code", "A", "numerator", 3, "denominator", 400)));
  }

  private static Map<String, Object> changeIdea() {
    return Map.of(
        "title",
        "Safety huddle at handover",
        "description",
        "Ten minutes at each handover on patients at risk of restraint",
        "coProduced",
        true,
        "measureCodes",
        List.of(RESTRAINT));
  }

  private Map<String, Object> cycle() {
    return Map.of("plan", "Night shift for two weeks", "startedOn", monday(6).toString());
  }

  private Map<String, Object> outcome() {
    return Map.of(
        "done", "Ran on nights",
        "study", "Fewer restraints",
        "act", "ADAPT",
        "completedOn", monday(4).toString());
  }

  private Map<String, Object> week(int weeksAgo) {
    return Map.of(
        "weekStarting",
        monday(weeksAgo).toString(),
        "teamMembers",
        5,
        "qiHours",
        "6",
        "coachingHours",
        "4");
  }

  private Map<String, Object> decision() {
    return Map.of(
        "kind", "BASELINE", "month", thisMonth().minusMonths(1).toString(), "reason", "Stable");
  }

  private LocalDate monday(int weeksAgo) {
    return today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(weeksAgo);
  }

  /** One request: the operation's path with the seed's ids, a valid body of one content type. */
  record Call(String method, String path, String contentType, String body) {

    int send(Api api) {
      return answer(api).status();
    }

    Api.Response answer(Api api) {
      return switch (method) {
        case "GET" -> api.get(path);
        case "DELETE" -> api.delete(path);
        case "POST" ->
            contentType == null
                ? api.post(path)
                : contentType.startsWith("multipart/")
                    ? api.postFile(path, "file", "returns.csv", "text/csv", body)
                    : api.post(path, body, contentType);
        default -> throw new IllegalArgumentException(method);
      };
    }

    @Override
    public String toString() {
      return method + " " + path + (contentType == null ? "" : " (" + contentType + ")");
    }
  }

  /** The operation's calls on the seed's objects: one per request body content type. */
  private List<Call> calls(Operation operation, Seed seed) {
    if (operation.requestBodyContentTypes().isEmpty()) {
      return List.of(call(operation, seed, null));
    }
    return operation.requestBodyContentTypes().stream()
        .map(type -> call(operation, seed, type))
        .toList();
  }

  private Call call(Operation operation, Seed seed, String contentType) {
    String path = operation.path();
    for (String name : operation.pathParameters()) {
      path = path.replace("{" + name + "}", pathValue(operation.path(), name, seed));
    }
    String body = contentType == null ? null : body(operation, seed, contentType);
    return new Call(operation.method(), path, contentType, body);
  }

  private String pathValue(String template, String name, Seed seed) {
    return switch (name) {
      case "serviceId" -> seed.service().serviceId().toString();
      case "phaseId" -> seed.service().phaseId().toString();
      case "region" -> seed.service().region().name();
      case "measureCode", "code" -> RESTRAINT;
      case "month" -> seed.returnMonth().toString();
      case "number" -> "1";
      case "id" ->
          template.startsWith("/api/change-ideas/")
              ? seed.changeIdeaId()
              : template.startsWith("/api/shared-change-ideas/")
                  ? seed.sharedIdeaId()
                  : seed.spcDecisionId();
      case "topic" -> "evaluation-access-it.DLT";
      case "partition", "offset" -> "0";
      case "format" -> "png";
      default ->
          throw new AssertionError("no value for path parameter " + name + " of " + template);
    };
  }

  private String body(Operation operation, Seed seed, String contentType) {
    String key = operation.key();
    if (!contentType.equals("application/json")) {
      // The data returns' CSV, as text or as a form's file.
      return "measure_code,month,stratum_code,numerator,denominator\n"
          + RESTRAINT
          + ","
          + seed.returnMonth()
          + ",A,3,400\n";
    }
    Object body =
        switch (key) {
          case "POST /api/services/{serviceId}/data-returns" -> dataReturn(seed.returnMonth());
          case "POST /api/services/{serviceId}/change-ideas" -> changeIdea();
          case "POST /api/change-ideas/{id}/cycles" -> cycle();
          case "POST /api/change-ideas/{id}/cycles/{number}/outcome" -> outcome();
          case "POST /api/change-ideas/{id}/adopted-from" ->
              Map.of("sourceId", (seed == ours ? theirs : ours).sharedIdeaId());
          case "POST /api/services/{serviceId}/time-commitment" -> week(2);
          case "POST /api/services/{serviceId}/measures/{measureCode}/spc-decisions" -> decision();
          case "POST /api/analysis/spc", "POST /api/analysis/spc/chart.svg" ->
              Map.of(
                  "values", List.of(10, 11, 12, 11, 10),
                  "improvement", "decrease",
                  "ruleSet", "making-data-count");
          case "POST /api/measures/{code}/targets" -> Map.of("value", 5);
          case "POST /api/analysis/rate-ratio" ->
              Map.of(
                  "group", Map.of("events", 5, "population", 100),
                  "reference", Map.of("events", 4, "population", 120));
          case "POST /api/admin/redactions" ->
              Map.of(
                  "text", "no such text " + UUID.randomUUID().toString().toLowerCase(Locale.ROOT));
          default -> throw new AssertionError("no JSON body declared for " + key);
        };
    return json.writeValueAsString(body);
  }
}
