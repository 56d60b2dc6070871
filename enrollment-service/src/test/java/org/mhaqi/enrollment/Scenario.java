package org.mhaqi.enrollment;

import java.util.concurrent.atomic.AtomicInteger;
import org.mhaqi.testing.Api;

/**
 * Builds programme data through the public API. Each call makes new organisations with ODS codes
 * unique in the JVM, so tests sharing one database never collide.
 */
public final class Scenario {

  private static final AtomicInteger CODES = new AtomicInteger(new java.util.Random().nextInt(500));
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

  private final Api api;

  public Scenario(Api api) {
    this.api = api;
  }

  /** A fresh 3-character trust code: the first character is a digit so demo codes never clash. */
  public static String nextTrustCode() {
    int n = CODES.getAndIncrement();
    return "9"
        + ALPHABET.charAt((n / ALPHABET.length()) % ALPHABET.length())
        + ALPHABET.charAt(n % ALPHABET.length());
  }

  public String programme() {
    return api.post("/api/programmes", "{\"name\":\"Test programme\"}").expect(201).id();
  }

  public String widerPhase(String programmeId, int capacity) {
    return api.post(
            "/api/programmes/" + programmeId + "/phases",
            """
            {"kind":"WIDER_IMPLEMENTATION","name":"Wider implementation",
             "startsOn":"2024-07-01","endsOn":"2025-03-31","capacity":%d,
             "coachingStartsOn":"2024-09-02","coachingEndsOn":"2025-03-31"}
            """
                .formatted(capacity))
        .expect(201)
        .id();
  }

  public String pilotPhase(String programmeId, int capacity) {
    return api.post(
            "/api/programmes/" + programmeId + "/phases",
            """
            {"kind":"PILOT","name":"Pilot","startsOn":"2024-01-08","endsOn":"2024-06-28",
             "capacity":%d,"coachingStartsOn":"2024-02-01","coachingEndsOn":"2024-06-28"}
            """
                .formatted(capacity))
        .expect(201)
        .id();
  }

  public String organisation(String providerType) {
    String code =
        providerType.equals("INDEPENDENT_SECTOR_PROVIDER")
            ? "9" + nextTrustCode() + "X"
            : nextTrustCode();
    return api.post(
            "/api/organisations",
            """
            {"odsCode":"%s","name":"Organisation %s","providerType":"%s","region":"MIDLANDS"}
            """
                .formatted(code, code, providerType))
        .expect(201)
        .id();
  }

  public String service(String organisationId) {
    return api.post(
            "/api/organisations/" + organisationId + "/services",
            "{\"name\":\"Ward\",\"serviceType\":\"ADULT_ACUTE\"}")
        .expect(201)
        .id();
  }

  /** A new NHS trust service. */
  public String nhsService() {
    return service(organisation("NHS_FOUNDATION_TRUST"));
  }

  public String interest(String serviceId, String phaseId) {
    return api.post(
            "/api/enrollments",
            "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(serviceId, phaseId))
        .expect(201)
        .id();
  }

  public String member(String enrollmentId, String role, String name, String email) {
    return api.post(
            "/api/enrollments/" + enrollmentId + "/team-members",
            "{\"role\":\"%s\",\"name\":\"%s\",\"email\":\"%s\"}".formatted(role, name, email))
        .expect(201)
        .id();
  }

  /** Adds an executive sponsor who confirms the three backings. */
  public String commit(String enrollmentId) {
    String sponsor =
        member(enrollmentId, "EXECUTIVE_SPONSOR", "Sam Sponsor", "sam.sponsor@example.nhs.uk");
    api.put(
            "/api/enrollments/" + enrollmentId + "/executive-commitment",
            """
            {"sponsorMemberId":"%s","organisationInvolvement":true,"teamChangeIdeas":true,
             "proportionateDataCollection":true}
            """
                .formatted(sponsor))
        .expect(200);
    return sponsor;
  }

  /** A new NHS service that expressed interest and has its executive commitment. */
  public String committedEnrollment(String phaseId) {
    String enrollmentId = interest(nhsService(), phaseId);
    commit(enrollmentId);
    return enrollmentId;
  }

  public Api.Response admit(String enrollmentId) {
    return api.post("/api/enrollments/" + enrollmentId + "/admission");
  }
}
