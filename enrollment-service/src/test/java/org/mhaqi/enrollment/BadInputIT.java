package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.ServiceIntegrationTest;

/**
 * Every kind of bad input gets a 4xx problem+json answer that names the field, and changes nothing:
 * no row written, no event recorded for Kafka.
 */
class BadInputIT extends ServiceIntegrationTest {

  private static final List<String> TABLES =
      List.of(
          "programme",
          "phase",
          "organisation",
          "service",
          "enrollment",
          "enrollment_transition",
          "team_member",
          "outbox_event");

  Scenario scenario;
  String programmeId;
  String phaseId;
  String organisationId;
  String serviceId;
  String enrollmentId;
  String memberId;

  @BeforeEach
  void setUp() {
    scenario = new Scenario(api);
    programmeId = scenario.programme();
    phaseId = scenario.widerPhase(programmeId, 37);
    organisationId = scenario.organisation("NHS_TRUST");
    serviceId = scenario.service(organisationId);
    enrollmentId = scenario.interest(serviceId, phaseId);
    memberId = scenario.member(enrollmentId, "SERVICE_LEAD", "Lee Lead", "lee@example.nhs.uk");
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
    }
    return counts;
  }

  private void assertRefused(
      Supplier<Api.Response> request, int status, String code, String field) {
    Map<String, Long> before = rowCounts();
    Api.Response response = request.get();
    assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("type")).isEqualTo("urn:mhaqi:problem:" + code);
    assertThat(response.text("detail")).isNotBlank();
    if (field != null) {
      assertThat(response.text("field")).isEqualTo(field);
    }
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void malformedJson() {
    assertRefused(
        () -> api.post("/api/organisations", "{\"odsCode\":\"RX4\","), 400, "malformed-body", null);
  }

  @Test
  void wildcardContentType() {
    // Found by EnrollmentFuzzIT: Spring MVC failed on it with a 500 when reading the body.
    Map<String, Long> before = rowCounts();
    Api.Response response = api.post("/api/programmes", "{\"name\":\"Programme\"}", "*/*");
    assertThat(response.status()).as(response.body().toString()).isEqualTo(415);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(rowCounts()).isEqualTo(before);
  }

  @Test
  void multipartWithoutBoundary() {
    // Found by EnrollmentFuzzIT: the unparseable multipart body was a 500.
    assertRefused(
        () -> api.post("/api/programmes", "{\"name\":\"Programme\"}", "multipart/form-data"),
        400,
        "malformed-body",
        null);
  }

  @Test
  void unknownField() {
    assertRefused(
        () -> api.post("/api/programmes", "{\"name\":\"Programme\",\"budget\":1000000}"),
        400,
        "unknown-field",
        "budget");
  }

  @Test
  void wrongType() {
    assertRefused(
        () ->
            api.post(
                "/api/programmes/" + programmeId + "/phases",
                """
                {"kind":"PILOT","name":"Pilot","startsOn":"2024-01-08","endsOn":"2024-06-28",
                 "capacity":"lots","coachingStartsOn":"2024-02-01","coachingEndsOn":"2024-06-28"}
                """),
        400,
        "invalid-value",
        "capacity");
    assertRefused(
        () ->
            api.post(
                "/api/enrollments",
                "{\"serviceId\":\"not-a-uuid\",\"phaseId\":\"%s\"}".formatted(phaseId)),
        400,
        "invalid-value",
        "serviceId");
    assertRefused(
        () -> api.get("/api/enrollments/not-a-uuid"), 400, "invalid-parameter", "enrollmentId");
  }

  @Test
  void unknownEnumValueAndMissingFields() {
    assertRefused(
        () ->
            api.post(
                "/api/organisations",
                "{\"odsCode\":\"RX4\",\"name\":\"T\",\"providerType\":\"NHS_TRUST\",\"region\":\"WALES\"}"),
        400,
        "invalid-value",
        "region");
    assertRefused(
        () -> api.post("/api/organisations", "{\"odsCode\":\"RX4\",\"name\":\" \"}"),
        400,
        "validation-failed",
        "name");
  }

  @Test
  void invalidOdsCode() {
    assertRefused(
        () ->
            api.post(
                "/api/organisations",
                "{\"odsCode\":\"rx4\",\"name\":\"T\",\"providerType\":\"NHS_TRUST\",\"region\":\"LONDON\"}"),
        422,
        "invalid-ods-code",
        "odsCode");
    assertRefused(
        () ->
            api.post(
                "/api/organisations",
                "{\"odsCode\":\"RX4AB\",\"name\":\"T\",\"providerType\":\"NHS_FOUNDATION_TRUST\",\"region\":\"LONDON\"}"),
        422,
        "invalid-ods-code",
        "odsCode");
  }

  @Test
  void datesOutsideThePhase() {
    assertRefused(
        () ->
            api.post(
                "/api/programmes/" + programmeId + "/phases",
                """
                {"kind":"PILOT","name":"Pilot","startsOn":"2024-01-08","endsOn":"2024-06-28",
                 "capacity":8,"coachingStartsOn":"2024-02-01","coachingEndsOn":"2024-07-31"}
                """),
        422,
        "date-outside-phase",
        "coachingEndsOn");
  }

  @Test
  void enrolmentWithoutTheThreeBackings() {
    assertRefused(
        () -> scenario.admit(enrollmentId),
        422,
        "executive-commitment-missing",
        "executiveCommitment");
    String sponsorId =
        scenario.member(enrollmentId, "EXECUTIVE_SPONSOR", "Ash Exec", "ash@example.nhs.uk");
    assertRefused(
        () ->
            api.put(
                "/api/enrollments/" + enrollmentId + "/executive-commitment",
                """
                {"sponsorMemberId":"%s","organisationInvolvement":true,"teamChangeIdeas":true,
                 "proportionateDataCollection":false}
                """
                    .formatted(sponsorId)),
        422,
        "executive-commitment-missing",
        "proportionateDataCollection");
    assertRefused(
        () ->
            api.put(
                "/api/enrollments/" + enrollmentId + "/executive-commitment",
                """
                {"sponsorMemberId":"%s","organisationInvolvement":true,"teamChangeIdeas":true,
                 "proportionateDataCollection":true}
                """
                    .formatted(memberId)),
        422,
        "not-executive-sponsor",
        "sponsorMemberId");
    assertRefused(
        () ->
            api.put(
                "/api/enrollments/" + enrollmentId + "/executive-commitment",
                "{\"sponsorMemberId\":\"%s\",\"organisationInvolvement\":true}"
                    .formatted(sponsorId)),
        400,
        "validation-failed",
        "proportionateDataCollection");
  }

  @Test
  void illegalTransition() {
    assertRefused(
        () -> api.post("/api/enrollments/" + enrollmentId + "/completion"),
        409,
        "illegal-transition",
        "status");
    assertRefused(
        () ->
            api.post(
                "/api/enrollments/" + enrollmentId + "/withdrawal",
                "{\"reason\":\"Changed mind\"}"),
        409,
        "illegal-transition",
        "status");
    assertRefused(
        () -> api.post("/api/enrollments/" + enrollmentId + "/withdrawal", "{}"),
        400,
        "validation-failed",
        "reason");
  }

  @Test
  void unknownIds() {
    UUID unknown = UUID.randomUUID();
    assertRefused(() -> api.get("/api/enrollments/" + unknown), 404, "not-found", null);
    assertRefused(
        () -> api.post("/api/enrollments/" + unknown + "/admission"), 404, "not-found", null);
    assertRefused(
        () ->
            api.post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(unknown, phaseId)),
        422,
        "not-found",
        "serviceId");
    assertRefused(
        () ->
            api.post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(serviceId, unknown)),
        422,
        "not-found",
        "phaseId");
    assertRefused(
        () ->
            api.post(
                "/api/organisations/" + unknown + "/services",
                "{\"name\":\"Ward\",\"serviceType\":\"PICU\"}"),
        404,
        "not-found",
        null);
  }

  @Test
  void duplicates() {
    assertRefused(
        () ->
            api.post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(serviceId, phaseId)),
        409,
        "already-applied",
        "serviceId");
    assertRefused(
        () ->
            api.post(
                "/api/programmes/" + programmeId + "/phases",
                """
                {"kind":"WIDER_IMPLEMENTATION","name":"Again","startsOn":"2024-07-01",
                 "endsOn":"2025-03-31","capacity":37,"coachingStartsOn":"2024-09-02",
                 "coachingEndsOn":"2025-03-31"}
                """),
        409,
        "phase-exists",
        "kind");
  }

  @Test
  void eachOfTheThreeBackingsMissingIsRefusedNamingIt() {
    String sponsorId =
        scenario.member(enrollmentId, "EXECUTIVE_SPONSOR", "Ash Exec", "ash@example.nhs.uk");
    String template =
        """
        {"sponsorMemberId":"%s","organisationInvolvement":%s,"teamChangeIdeas":%s,
         "proportionateDataCollection":%s}
        """;
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put("organisationInvolvement", template.formatted(sponsorId, false, true, true));
    bodies.put("teamChangeIdeas", template.formatted(sponsorId, true, false, true));
    bodies.put("proportionateDataCollection", template.formatted(sponsorId, true, true, false));
    bodies.forEach(
        (field, body) ->
            assertRefused(
                () -> api.put("/api/enrollments/" + enrollmentId + "/executive-commitment", body),
                422,
                "executive-commitment-missing",
                field));
  }

  @Test
  void aPhaseOrCoachingWindowLongerThanTwoYears() {
    assertRefused(
        () ->
            api.post(
                "/api/programmes/" + programmeId + "/phases",
                """
                {"kind":"PILOT","name":"Pilot","startsOn":"2024-01-08","endsOn":"2026-01-08",
                 "capacity":8,"coachingStartsOn":"2024-02-01","coachingEndsOn":"2024-06-28"}
                """),
        400,
        "too-long",
        "endsOn");
  }

  @Test
  void datesOutsideTheSupportedRangeInTheBody() {
    assertRefused(
        () ->
            api.post(
                "/api/programmes/" + programmeId + "/phases",
                """
                {"kind":"PILOT","name":"Pilot","startsOn":"2024-01-08",
                 "endsOn":"+999999999-12-31","capacity":8,"coachingStartsOn":"2024-02-01",
                 "coachingEndsOn":"2024-06-28"}
                """),
        400,
        "invalid-value",
        "endsOn");
    assertRefused(
        () ->
            api.post(
                "/api/programmes/" + programmeId + "/phases",
                """
                {"kind":"PILOT","name":"Pilot","startsOn":"1899-12-31","endsOn":"1900-06-28",
                 "capacity":8,"coachingStartsOn":"1900-02-01","coachingEndsOn":"1900-06-28"}
                """),
        400,
        "invalid-value",
        "startsOn");
  }

  @Test
  void datesOutsideTheSupportedRangeInQueryParameters() {
    assertRefused(
        () -> api.get("/api/enrollments?appliedFrom=%2B999999999-12-31"),
        400,
        "invalid-parameter",
        "appliedFrom");
    assertRefused(
        () -> api.get("/api/enrollments?appliedTo=3000-01-01"),
        400,
        "invalid-parameter",
        "appliedTo");
    assertRefused(
        () -> api.get("/api/enrollments?appliedFrom=1899-12-31"),
        400,
        "invalid-parameter",
        "appliedFrom");
    assertThat(api.get("/api/enrollments?appliedFrom=1900-01-01&appliedTo=2999-12-31").status())
        .isEqualTo(200);
  }

  @Test
  void pagesOutOfRangeAreRefusedNotClamped() {
    for (String list :
        List.of(
            "/api/enrollments",
            "/api/programmes",
            "/api/programmes/" + programmeId + "/phases",
            "/api/organisations",
            "/api/organisations/" + organisationId + "/services",
            "/api/phases/" + phaseId + "/waitlist",
            "/api/enrollments/" + enrollmentId + "/team-members")) {
      assertRefused(() -> api.get(list + "?size=201"), 400, "invalid-parameter", "size");
      assertRefused(() -> api.get(list + "?size=0"), 400, "invalid-parameter", "size");
      assertRefused(() -> api.get(list + "?page=-1"), 400, "invalid-parameter", "page");
      assertRefused(() -> api.get(list + "?sort=id,desc"), 400, "invalid-parameter", "sort");
      assertThat(api.get(list + "?page=0&size=200").status()).as(list).isEqualTo(200);
    }
  }
}
