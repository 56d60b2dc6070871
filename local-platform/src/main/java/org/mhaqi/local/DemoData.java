package org.mhaqi.local;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.mhaqi.local.DemoCatalogue.Organisation;
import org.mhaqi.local.DemoCatalogue.Plan;
import org.mhaqi.local.DemoCatalogue.Ward;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads the demo programme through the enrollment-service REST API, as a programme team would.
 *
 * <p>Usage: {@code DemoData [baseUrl]}, default {@code ENROLLMENT_URL} or http://127.0.0.1:8081;
 * with {@code AUTH_SERVER_URL} set it calls with the {@code platform} client's token ({@code
 * PLATFORM_CLIENT_SECRET}). Idempotent: if the programme already exists it prints "demo data
 * already loaded" and exits 0. Any unexpected HTTP answer stops it with exit code 1 and the problem
 * body.
 */
public final class DemoData {

  static final String PROGRAMME_NAME = "Mental Health Act QI Programme";
  static final int PILOT_CAPACITY = 8;
  static final int WIDER_CAPACITY = 37;

  private static final Set<String> ADMITTED = Set.of("ENROLLED", "WAITLISTED");
  private static final Set<String> SETTLED = Set.of("ENROLLED", "WAITLISTED", "DECLINED");

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final URI base;
  private final Supplier<String> bearerToken;
  private final HttpClient http;
  private final JsonMapper json = JsonMapper.builder().build();
  private int requests;
  private int teams;

  /** Last known status of every enrolment, by phase kind then enrolment id. */
  private final Map<String, Map<String, String>> statuses = new LinkedHashMap<>();

  /** Phase ids by kind. */
  private final Map<String, String> phaseIds = new LinkedHashMap<>();

  private final Map<String, Organisation> organisationByServiceId = new LinkedHashMap<>();

  public DemoData(URI base) {
    this(base, () -> null);
  }

  /**
   * @param bearerToken an administrator's access token for each request (the platform client's, or
   *     a test's); null sends none
   */
  public DemoData(URI base, Supplier<String> bearerToken) {
    this.base = base;
    this.bearerToken = bearerToken;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : System.getenv("ENROLLMENT_URL");
    if (url == null || url.isBlank()) {
      url = "http://127.0.0.1:8081";
    }
    long started = System.nanoTime();
    // The platform client's token when AUTH_SERVER_URL is set (./platform sets it).
    DemoData loader =
        new DemoData(
            URI.create(url.replaceAll("/+$", "")), ClientCredentials.platformFromEnvironment());
    try {
      if (loader.alreadyLoaded()) {
        System.out.println(
            "demo data already loaded (programme \"" + PROGRAMME_NAME + "\" exists)");
        return;
      }
      loader.load();
      System.out.printf(
          Locale.ROOT,
          "Demo data loaded into %s with %d requests in %.1f s%n",
          url,
          loader.requests,
          (System.nanoTime() - started) / 1e9);
      loader.printSummary();
    } catch (UnexpectedAnswer | IllegalStateException e) {
      System.err.println("DemoData: " + e.getMessage());
      System.exit(1);
    } catch (ConnectException e) {
      System.err.println("DemoData: cannot connect to the enrollment-service at " + url);
      System.exit(1);
    } catch (IOException e) {
      System.err.println("DemoData: " + e);
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(130);
    }
  }

  /** Whether the demo programme exists; the list of programmes is read a page at a time. */
  public boolean alreadyLoaded() throws IOException, InterruptedException {
    for (int page = 0; ; page++) {
      JsonNode programmes = call("GET", "/api/programmes?size=200&page=" + page, null, 200);
      if (!programmes.path("content").isArray()) {
        throw new UnexpectedAnswer("GET /api/programmes did not answer with a page of programmes");
      }
      for (JsonNode programme : programmes.path("content").values()) {
        if (PROGRAMME_NAME.equals(programme.path("name").asString(""))) {
          return true;
        }
      }
      if (page + 1 >= programmes.path("page").path("totalPages").asInt(0)) {
        return false;
      }
    }
  }

  public void load() throws IOException, InterruptedException {
    load(DemoTimeline.startingAfter(LocalDate.now(LONDON)));
  }

  /** Loads the demo with its phases at these dates. */
  public void load(DemoTimeline timeline) throws IOException, InterruptedException {
    String programmeId = id(call("POST", "/api/programmes", object().put("name", PROGRAMME_NAME)));
    String pilotId =
        id(
            call(
                "POST",
                "/api/programmes/" + programmeId + "/phases",
                phase("PILOT", "Pilot", timeline.pilot(), PILOT_CAPACITY)));
    String widerId =
        id(
            call(
                "POST",
                "/api/programmes/" + programmeId + "/phases",
                phase(
                    "WIDER_IMPLEMENTATION",
                    "Wider implementation",
                    timeline.wider(),
                    WIDER_CAPACITY)));

    phaseIds.put("PILOT", pilotId);
    phaseIds.put("WIDER_IMPLEMENTATION", widerId);

    // Organisations and their services.
    Map<Ward, String> serviceIds = new IdentityHashMap<>(); // equal wards in two trusts differ
    for (Organisation org : DemoCatalogue.ORGANISATIONS) {
      String orgId =
          id(
              call(
                  "POST",
                  "/api/organisations",
                  object()
                      .put("odsCode", org.odsCode())
                      .put("name", org.name())
                      .put("providerType", org.providerType())
                      .put("region", org.region())));
      for (Ward ward : org.wards()) {
        String serviceId =
            id(
                call(
                    "POST",
                    "/api/organisations/" + orgId + "/services",
                    object().put("name", ward.name()).put("serviceType", ward.serviceType())));
        serviceIds.put(ward, serviceId);
        organisationByServiceId.put(serviceId, org);
      }
    }

    // Pilot: expressions of interest, then commitment and admission in the order they came in.
    List<JsonNode> pilotToAdmit = new ArrayList<>();
    for (Organisation org : DemoCatalogue.ORGANISATIONS) {
      for (Ward ward : org.wards()) {
        if (ward.plan() == Plan.PILOT_COMMITTED || ward.plan() == Plan.PILOT_INTEREST_ONLY) {
          JsonNode enrollment = expressInterest(serviceIds.get(ward), pilotId, "PILOT");
          if (ward.plan() == Plan.PILOT_COMMITTED) {
            pilotToAdmit.add(enrollment);
          }
        }
      }
    }
    for (JsonNode enrollment : pilotToAdmit) {
      commitAndAdmit(enrollment, "PILOT");
    }

    // Wider implementation: pilot interest not met is carried over first, then new interest.
    JsonNode carried = call("POST", "/api/phases/" + widerId + "/carry-over", null, 200);
    if (!carried.isArray()) {
      throw new UnexpectedAnswer("POST /api/phases/{id}/carry-over did not answer with an array");
    }
    List<JsonNode> widerToAdmit = new ArrayList<>();
    for (JsonNode enrollment : carried.values()) {
      record("WIDER_IMPLEMENTATION", enrollment);
      widerToAdmit.add(enrollment);
    }
    for (Organisation org : DemoCatalogue.ORGANISATIONS) {
      for (Ward ward : org.wards()) {
        if (ward.plan() == Plan.WIDER || ward.plan() == Plan.WIDER_INTEREST_ONLY) {
          JsonNode enrollment =
              expressInterest(serviceIds.get(ward), widerId, "WIDER_IMPLEMENTATION");
          if (ward.plan() == Plan.WIDER) {
            widerToAdmit.add(enrollment);
          }
        }
      }
    }
    for (JsonNode enrollment : widerToAdmit) {
      commitAndAdmit(enrollment, "WIDER_IMPLEMENTATION");
    }
  }

  private JsonNode expressInterest(String serviceId, String phaseId, String phaseKind)
      throws IOException, InterruptedException {
    JsonNode enrollment =
        call(
            "POST",
            "/api/enrollments",
            object().put("serviceId", serviceId).put("phaseId", phaseId));
    id(enrollment);
    record(phaseKind, enrollment);
    if (enrollment.path("learningNetwork").asBoolean()) {
      // Declined as not eligible (the independent sector): the central team invites the provider
      // into the learning network; a member already (a second ward, a reload) is a 409.
      callAccepting(
          "POST",
          "/api/learning-network/members",
          object().put("enrollmentId", id(enrollment)),
          Set.of(201, 409));
    }
    return enrollment;
  }

  /**
   * Names an executive sponsor and a service lead, records the executive commitment and asks for
   * admission; steps the enrolment has already been through (a carried-over one) are skipped.
   */
  private void commitAndAdmit(JsonNode enrollment, String phaseKind)
      throws IOException, InterruptedException {
    String enrollmentId = id(enrollment);
    String status = enrollment.path("status").asString("");
    if (SETTLED.contains(status)) {
      return;
    }
    String path = "/api/enrollments/" + enrollmentId;
    if (!enrollment.path("executiveCommitment").isObject()) {
      String sponsorId = nameProjectTeam(enrollment);
      callAccepting(
          "PUT",
          path + "/executive-commitment",
          object()
              .put("sponsorMemberId", sponsorId)
              .put("organisationInvolvement", true)
              .put("teamChangeIdeas", true)
              .put("proportionateDataCollection", true),
          Set.of(200, 204));
    }
    JsonNode admitted = call("POST", path + "/admission", null, 200);
    String newStatus = admitted.path("status").asString("");
    if (!ADMITTED.contains(newStatus)) {
      throw new UnexpectedAnswer(
          "POST " + path + "/admission answered status \"" + newStatus + "\": " + admitted);
    }
    statuses.get(phaseKind).put(enrollmentId, newStatus);
  }

  /**
   * Adds an executive sponsor (one fictional person per trust, as in real life) and a service lead
   * to the enrolment's project team; returns the sponsor's member id.
   */
  private String nameProjectTeam(JsonNode enrollment) throws IOException, InterruptedException {
    String path = "/api/enrollments/" + id(enrollment) + "/team-members";
    Organisation org = organisationByServiceId.get(enrollment.path("serviceId").asString(""));
    List<String> names = DemoCatalogue.FIRST_NAMES;
    int orgIndex = org == null ? 0 : DemoCatalogue.ORGANISATIONS.indexOf(org);
    String ods = org == null ? "demo" : org.odsCode();
    String sponsor = names.get(orgIndex % names.size());
    String sponsorId =
        id(
            call(
                "POST",
                path,
                member(
                    "EXECUTIVE_SPONSOR",
                    sponsor + " " + DemoPeople.SPONSOR_SURNAME,
                    email(sponsor, "demo", ods))));
    teams++;
    String lead = names.get((orgIndex + 1 + teams) % names.size());
    call(
        "POST",
        path,
        member(
            "SERVICE_LEAD",
            lead + " " + DemoPeople.LEAD_SURNAME,
            email(lead, "example" + teams, ods)));
    return sponsorId;
  }

  private void record(String phaseKind, JsonNode enrollment) {
    statuses
        .computeIfAbsent(phaseKind, k -> new LinkedHashMap<>())
        .put(id(enrollment), enrollment.path("status").asString("?"));
  }

  void printSummary() throws IOException, InterruptedException {
    System.out.printf(
        "  %d organisations, %d services%n",
        DemoCatalogue.ORGANISATIONS.size(),
        DemoCatalogue.ORGANISATIONS.stream().mapToInt(o -> o.wards().size()).sum());
    for (Map.Entry<String, Map<String, String>> phase : statuses.entrySet()) {
      Map<String, Integer> counts = new TreeMap<>();
      phase.getValue().values().forEach(s -> counts.merge(s, 1, Integer::sum));
      // The service's own view of the phase, where it has one, is the better source.
      HttpResponse<String> occupancy =
          send("GET", "/api/phases/" + phaseIds.get(phase.getKey()), null);
      if (occupancy.statusCode() == 200) {
        JsonNode byStatus = json.readTree(occupancy.body()).path("enrollments");
        if (byStatus.isObject()) {
          counts.clear();
          for (String status : byStatus.propertyNames()) {
            int count = byStatus.get(status).asInt();
            if (count > 0) {
              counts.put(status, count);
            }
          }
        }
      }
      int capacity = phase.getKey().equals("PILOT") ? PILOT_CAPACITY : WIDER_CAPACITY;
      System.out.printf("  %-21s capacity %2d: %s%n", phase.getKey(), capacity, counts);
    }
  }

  // --- HTTP and JSON helpers -------------------------------------------------------------------

  private ObjectNode object() {
    return json.createObjectNode();
  }

  private ObjectNode phase(String kind, String name, DemoTimeline.Phase dates, int capacity) {
    return object()
        .put("kind", kind)
        .put("name", name)
        .put("startsOn", dates.startsOn().toString())
        .put("endsOn", dates.endsOn().toString())
        .put("capacity", capacity)
        .put("coachingStartsOn", dates.coachingStartsOn().toString())
        .put("coachingEndsOn", dates.coachingEndsOn().toString());
  }

  private ObjectNode member(String role, String name, String email) {
    return object().put("role", role).put("name", name).put("email", email);
  }

  private static String email(String first, String rest, String ods) {
    return (first + "." + rest + "." + ods + "@example.nhs.uk").toLowerCase(Locale.ROOT);
  }

  private String id(JsonNode created) {
    JsonNode id = created.get("id");
    if (id == null || id.asString("").isEmpty()) {
      throw new UnexpectedAnswer("an answer has no \"id\": " + created);
    }
    return id.asString();
  }

  /** POST that must answer 201 Created. */
  private JsonNode call(String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    return call(method, path, body, 201);
  }

  private JsonNode call(String method, String path, JsonNode body, int expected)
      throws IOException, InterruptedException {
    return callAccepting(method, path, body, Set.of(expected));
  }

  private JsonNode callAccepting(String method, String path, JsonNode body, Set<Integer> expected)
      throws IOException, InterruptedException {
    HttpResponse<String> response = send(method, path, body);
    if (!expected.contains(response.statusCode())) {
      throw new UnexpectedAnswer(
          String.format(
              "%s %s answered %d (expected %s)%n  request: %s%n  answer:  %s",
              method,
              path,
              response.statusCode(),
              expected,
              body == null ? "(no body)" : body,
              response.body().isBlank() ? "(empty)" : response.body()));
    }
    String text = response.body();
    return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
  }

  private HttpResponse<String> send(String method, String path, JsonNode body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json");
    String token = bearerToken.get();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    requests++;
    return RateLimited.send(http, request.build());
  }

  /** An HTTP answer the demo did not expect: the message carries the problem body. */
  static final class UnexpectedAnswer extends RuntimeException {
    UnexpectedAnswer(String message) {
      super(message);
    }
  }
}
