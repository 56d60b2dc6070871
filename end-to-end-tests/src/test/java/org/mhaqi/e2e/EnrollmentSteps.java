package org.mhaqi.e2e;

import java.time.LocalDate;
import org.mhaqi.testing.Api;

/** What enrollment-service's users do before coaching starts, as the end-to-end tests do it. */
final class EnrollmentSteps {

  private EnrollmentSteps() {}

  /** A new programme with one wider-implementation phase; returns the phase's id. */
  static String widerPhase(
      Api enrollments,
      String programmeName,
      LocalDate startsOn,
      LocalDate endsOn,
      int capacity,
      LocalDate coachingStartsOn,
      LocalDate coachingEndsOn) {
    String programme =
        enrollments
            .post("/api/programmes", "{\"name\":\"%s\"}".formatted(programmeName))
            .expect(201)
            .id();
    return enrollments
        .post(
            "/api/programmes/" + programme + "/phases",
            """
            {"kind":"WIDER_IMPLEMENTATION","name":"Wider implementation","startsOn":"%s",
             "endsOn":"%s","capacity":%d,"coachingStartsOn":"%s","coachingEndsOn":"%s"}
            """
                .formatted(startsOn, endsOn, capacity, coachingStartsOn, coachingEndsOn))
        .expect(201)
        .id();
  }

  /** An NHS foundation trust of the region; returns the organisation's id. */
  static String foundationTrust(Api enrollments, String odsCode, String name, String region) {
    return enrollments
        .post(
            "/api/organisations",
            """
            {"odsCode":"%s","name":"%s","providerType":"NHS_FOUNDATION_TRUST","region":"%s"}
            """
                .formatted(odsCode, name, region))
        .expect(201)
        .id();
  }

  /** RX4, the trust the demo's trust member belongs to; returns the organisation's id. */
  static String cumbriaNorthumberlandTyneAndWear(Api enrollments) {
    return foundationTrust(
        enrollments,
        "RX4",
        "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust",
        "NORTH_EAST_AND_YORKSHIRE");
  }

  /** A service of the organisation applies to the phase with its executive commitment. */
  static String committedApplication(
      Api enrollments, String organisation, String phase, String name) {
    String service =
        enrollments
            .post(
                "/api/organisations/" + organisation + "/services",
                "{\"name\":\"%s\",\"serviceType\":\"ADULT_ACUTE\"}".formatted(name))
            .expect(201)
            .id();
    String applied =
        enrollments
            .post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(service, phase))
            .expect(201)
            .id();
    String sponsor =
        enrollments
            .post(
                "/api/enrollments/" + applied + "/team-members",
                "{\"role\":\"EXECUTIVE_SPONSOR\",\"name\":\"Sam Exec\",\"email\":\"sam@example.nhs.uk\"}")
            .expect(201)
            .id();
    enrollments
        .put(
            "/api/enrollments/" + applied + "/executive-commitment",
            """
            {"sponsorMemberId":"%s","organisationInvolvement":true,"teamChangeIdeas":true,
             "proportionateDataCollection":true}
            """
                .formatted(sponsor))
        .expect(200);
    return applied;
  }

  static String admit(Api enrollments, String applied) {
    return enrollments
        .post("/api/enrollments/" + applied + "/admission")
        .expect(200)
        .text("status");
  }
}
