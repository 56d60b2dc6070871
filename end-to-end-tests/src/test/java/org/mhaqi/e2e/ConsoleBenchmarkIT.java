package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.BenchmarkRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Benchmark 7 (issue 19): the programme console's pages under 20 concurrent signed-in users, beside
 * the same pages' API calls made directly. The real processes run from their jars (authorization
 * server, enrollment-, coaching- and evaluation-service over Kafka and PostgreSQL, the console).
 * Each user signs in through the authorization server's login form (the JDK HttpClient with a
 * cookie jar of its own: authorization code with PKCE, as a browser does) and then, for {@code
 * -Dbenchmark.console.seconds} (15), walks its role's pages in turn with {@code
 * -Dbenchmark.console.think} ms (250) between them: the central team (admin) home, programme, a
 * phase, organisations and coaches; the analyst home, analysis and a phase's report. The baseline
 * is the same users, pages and pauses, each page replaced by the calls its controller makes to the
 * services' APIs (in the same order, one after the other, as the console makes them) with a token
 * of the same role (the demo clients' client-credentials tokens: a user's token never leaves the
 * console). Home calls no API and has no baseline sample. Not a timed test: it prints p50, p95 and
 * p99 of both and their ratio, and checks only that every page answered 200. Skipped unless run
 * with {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ConsoleBenchmarkIT {

  private static final Logger log = LoggerFactory.getLogger(ConsoleBenchmarkIT.class);

  private static final int USERS = Integer.getInteger("benchmark.console.users", 20);
  private static final int SECONDS = Integer.getInteger("benchmark.console.seconds", 15);
  private static final int THINK_MS = Integer.getInteger("benchmark.console.think", 250);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Pattern CSRF =
      Pattern.compile(
          "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

  private static ConsolePlatform platform;
  private static String consoleUrl;
  private static String phase;

  /** Each role's API of each service, by "role service", e.g. "admin enrollment". */
  private static final Map<String, Api> APIS = new java.util.HashMap<>();

  @BeforeAll
  static void startThePlatformWithAPhase() {
    // Its own platform, started here and closed after its test, like each journey's.
    platform = ConsolePlatform.startAlone();
    consoleUrl = platform.consoleUrl();
    String admin = platform.client("demo-admin").get();
    String analyst = platform.client("demo-analyst").get();
    for (String service : List.of("enrollment", "coaching", "evaluation")) {
      int port = platform.port(service + "-service");
      APIS.put("admin " + service, new Api(port).as(admin));
      APIS.put("analyst " + service, new Api(port).as(analyst));
    }
    aPhaseWithEnrolmentsAndCoaches(admin);
  }

  @AfterAll
  static void stopEverything() {
    if (platform != null) {
      platform.close();
    }
  }

  @Test
  void consolePagesBesideTheirApiCalls() throws Exception {
    List<User> users = new ArrayList<>();
    for (int i = 0; i < USERS; i++) {
      // Three central team members to each analyst: the central team has more pages.
      users.add(new User(i % 4 == 3 ? "analyst" : "admin"));
    }
    ExecutorService signingIn = Executors.newFixedThreadPool(USERS);
    List<Future<?>> signedIn = new ArrayList<>();
    for (User user : users) {
      signedIn.add(signingIn.submit(() -> user.signIn()));
    }
    for (Future<?> done : signedIn) {
      done.get();
    }
    signingIn.shutdown();

    // A short warm-up of both paths, not measured.
    run(users, 3, true);
    run(users, 3, false);
    Result pages = run(users, SECONDS, true);
    Result apis = run(users, SECONDS, false);

    assertThat(pages.errors()).as("console pages not answered 200").isZero();
    assertThat(apis.errors()).as("API calls not answered 200").isZero();
    double p95 = pages.percentile(0.95);
    double p99 = pages.percentile(0.99);
    log.info(
        String.format(
            Locale.ROOT,
            "BENCHMARK console: %d signed-in users for %d s (think %d ms): %d pages p50 %.0f ms,"
                + " p95 %.0f ms, p99 %.0f ms; the same pages' API calls made directly, %d"
                + " samples: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms",
            USERS,
            SECONDS,
            THINK_MS,
            pages.count(),
            pages.percentile(0.5),
            p95,
            p99,
            apis.count(),
            apis.percentile(0.5),
            apis.percentile(0.95),
            apis.percentile(0.99)));
    log.info(
        "{}",
        BenchmarkRow.atMost(
            String.format(
                Locale.ROOT,
                "7 console: pages p95, %d signed-in users for %d s (p50 %.0f; API calls direct"
                    + " p50 %.0f)",
                USERS,
                SECONDS,
                pages.percentile(0.5),
                apis.percentile(0.5)),
            p95,
            apis.percentile(0.95),
            "ms",
            300));
    log.info(
        "{}",
        BenchmarkRow.atMost(
            String.format(
                Locale.ROOT,
                "7 console: pages p99, %d signed-in users for %d s (%d pages)",
                USERS,
                SECONDS,
                pages.count()),
            p99,
            apis.percentile(0.99),
            "ms",
            800));
  }

  /** Every user walks its pages (through the console, or as API calls) for the given seconds. */
  private static Result run(List<User> users, int seconds, boolean throughConsole)
      throws Exception {
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService walking = Executors.newFixedThreadPool(users.size());
    List<Double> millis = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger errors = new AtomicInteger();
    List<Future<?>> walks = new ArrayList<>();
    for (int u = 0; u < users.size(); u++) {
      User user = users.get(u);
      int offset = u;
      walks.add(
          walking.submit(
              () -> {
                List<String> pages = pagesOf(user.name);
                for (int i = offset; System.nanoTime() < until; i++) {
                  String page = pages.get(i % pages.size());
                  long started = System.nanoTime();
                  boolean ok;
                  if (throughConsole) {
                    ok = user.page(page);
                  } else {
                    List<String> calls = apiCalls(page, user.name);
                    if (calls.isEmpty()) {
                      continue;
                    }
                    ok = true;
                    for (String call : calls) {
                      int colon = call.indexOf(':');
                      ok &=
                          api(user.name, call.substring(0, colon))
                                  .get(call.substring(colon + 1))
                                  .status()
                              == 200;
                    }
                  }
                  millis.add((System.nanoTime() - started) / 1e6);
                  if (!ok) {
                    errors.incrementAndGet();
                  }
                  Thread.sleep(THINK_MS);
                }
                return null;
              }));
    }
    for (Future<?> walk : walks) {
      walk.get();
    }
    walking.shutdown();
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return new Result(sorted, errors.get());
  }

  private record Result(List<Double> sorted, int errors) {
    int count() {
      return sorted.size();
    }

    double percentile(double p) {
      return sorted.isEmpty()
          ? Double.NaN
          : sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }
  }

  private static List<String> pagesOf(String user) {
    return user.equals("analyst")
        ? List.of("/", "/analysis", "/analysis/phases/" + phase)
        : List.of("/", "/programme", "/programme/phases/" + phase, "/organisations", "/coaches");
  }

  private static Api api(String user, String service) {
    return APIS.get(user + " " + service);
  }

  /**
   * The calls the console's controller makes for a page, in its order (ProgrammeController,
   * OrganisationsController, CoachesController, AnalysisController), followed through the answers
   * as it does: a phase's occupancy per phase of the programme list, a service's name per
   * enrolment, this and next week's sessions per coach.
   */
  private static List<String> apiCalls(String page, String user) {
    List<String> calls = new ArrayList<>();
    if (page.equals("/programme")) {
      calls.add("enrollment:/api/programmes?size=200");
      for (JsonNode p : content(user, "enrollment", "/api/programmes?size=200")) {
        for (JsonNode ph : p.path("phases")) {
          calls.add("enrollment:/api/phases/" + ph.path("id").asString());
        }
      }
    } else if (page.startsWith("/programme/phases/")) {
      calls.add("enrollment:/api/phases/" + phase);
      calls.add("enrollment:/api/enrollments?phaseId=" + phase + "&status=INTERESTED&size=200");
      calls.add("enrollment:/api/phases/" + phase + "/waitlist?size=200");
      calls.add("enrollment:/api/enrollments?phaseId=" + phase + "&size=200");
      Set<String> serviceIds = new LinkedHashSet<>();
      for (JsonNode e :
          content(user, "enrollment", "/api/enrollments?phaseId=" + phase + "&size=200")) {
        serviceIds.add(e.path("serviceId").asString());
      }
      serviceIds.forEach(id -> calls.add("enrollment:/api/services/" + id));
    } else if (page.equals("/organisations")) {
      calls.add("enrollment:/api/organisations?size=200");
    } else if (page.equals("/coaches")) {
      calls.add("coaching:/api/coaches?size=200");
      LocalDate monday = LocalDate.now(LONDON).with(java.time.DayOfWeek.MONDAY);
      for (JsonNode c : content(user, "coaching", "/api/coaches?size=200")) {
        calls.add(
            "coaching:/api/coaches/%s/sessions?from=%s&to=%s&size=200"
                .formatted(c.path("id").asString(), monday, monday.plusDays(13)));
      }
    } else if (page.equals("/analysis")) {
      calls.add("enrollment:/api/programmes?size=200");
    } else if (page.startsWith("/analysis/phases/")) {
      calls.add("evaluation:/api/reports/phases/" + phase);
    }
    return calls;
  }

  /** The calls' lists, read once: the data does not change while the benchmark runs. */
  private static final Map<String, List<JsonNode>> LISTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static List<JsonNode> content(String user, String service, String path) {
    return LISTS.computeIfAbsent(
        user + " " + service + path,
        key -> {
          List<JsonNode> items = new ArrayList<>();
          api(user, service).get(path).expect(200).body().path("content").forEach(items::add);
          return items;
        });
  }

  /** One signed-in user: a cookie jar of its own, as a browser's. */
  private static final class User {
    final String name;
    final HttpClient http;

    User(String name) {
      this.name = name;
      this.http =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
    }

    /** Through the authorization server's login form, as a person does. */
    void signIn() {
      HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(consoleUrl + "/")).GET());
      assertThat(form.uri().toString()).as("the login form").endsWith("/login");
      Matcher csrf = CSRF.matcher(form.body());
      assertThat(csrf.find()).as("the login form's CSRF token").isTrue();
      String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
      String body =
          "username="
              + name
              + "&password="
              + name
              + "&_csrf="
              + URLEncoder.encode(token, StandardCharsets.UTF_8);
      HttpResponse<String> home =
          send(
              HttpRequest.newBuilder(form.uri())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body)));
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.uri().toString()).as("back on the console, signed in").startsWith(consoleUrl);
    }

    boolean page(String path) {
      HttpResponse<String> answer =
          send(HttpRequest.newBuilder(URI.create(consoleUrl + path)).GET());
      // A page that lost its session would land on the login form: not a page answered.
      return answer.statusCode() == 200 && answer.uri().toString().startsWith(consoleUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(
            request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A phase with applications, enrolments and a waitlist, two coaches; as the admin, by API. */
  private static void aPhaseWithEnrolmentsAndCoaches(String adminToken) {
    Api enrollments = new Api(platform.port("enrollment-service")).as(adminToken);
    Api coaching = new Api(platform.port("coaching-service")).as(adminToken);
    Api evaluation = new Api(platform.port("evaluation-service")).as(adminToken);
    LocalDate today = LocalDate.now(LONDON);
    String programme =
        enrollments.post("/api/programmes", "{\"name\":\"Benchmark programme\"}").expect(201).id();
    phase =
        enrollments
            .post(
                "/api/programmes/" + programme + "/phases",
                """
                {"kind":"WIDER_IMPLEMENTATION","name":"Benchmark phase","startsOn":"%s",
                 "endsOn":"%s","capacity":4,"coachingStartsOn":"%s","coachingEndsOn":"%s"}
                """
                    .formatted(
                        today.minusMonths(2),
                        today.plusMonths(10),
                        today.minusMonths(2),
                        today.plusMonths(10)))
            .expect(201)
            .id();
    String organisation =
        EnrollmentSteps.foundationTrust(
            enrollments, "RXB", "Benchmark Trust", "NORTH_EAST_AND_YORKSHIRE");
    for (String coach : List.of("Casey", "Robin")) {
      coaching
          .post(
              "/api/coaches",
              """
              {"name":"%s Coach","email":"%s.coach@example.nhs.uk",
               "levels":["EXECUTIVE","SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY"],
               "workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
               "weeklyCapacityHours":15}
              """
                  .formatted(coach, coach.toLowerCase(Locale.ROOT)))
          .expect(201);
    }
    // Six admitted to four places (two on the waitlist), and three waiting for a decision.
    for (int i = 0; i < 9; i++) {
      String applied =
          EnrollmentSteps.committedApplication(enrollments, organisation, phase, "Ward " + i);
      if (i < 6) {
        EnrollmentSteps.admit(enrollments, applied);
      }
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> evaluation.get("/api/reports/phases/" + phase).status() == 200);
  }
}
