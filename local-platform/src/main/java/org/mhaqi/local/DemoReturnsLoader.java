package org.mhaqi.local;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo's monthly returns into evaluation-service through its public API, after the
 * enrolments: it waits until evaluation-service has consumed them from enrollment.events, then
 * uploads a year of {@link DemoReturns} per enrolled service as the CSV trust analysts use, and
 * records the change idea of each improving service, its adopted PDSA cycle and the baseline its
 * restrictive-interventions chart is judged against, and sets the central team's targets of each
 * phase it loaded ({@link #TARGETS}) and publishes the phase's report.
 *
 * <p>Usage: {@code DemoReturnsLoader [baseUrl]}, default {@code EVALUATION_URL} or
 * http://127.0.0.1:8083. A service that already has returns is left alone, so a second run changes
 * nothing.
 */
public final class DemoReturnsLoader {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /**
   * What one run did: services found, loaded, improving, already loaded; phases given targets and
   * published.
   */
  public record Summary(int services, int loaded, int improving, int skipped, int targeted) {}

  /**
   * The targets the central team sets for each phase, in each measure's unit: restrictive
   * interventions halved from about 44 per 1,000 occupied bed days, fewer than 30% of admissions
   * detained, and assaults on staff (the balancing measure) kept under 20 per 1,000. Against the
   * demo wards' limits they give every assurance verdict: the first ward's baseline never reaches
   * 20 restraints (fail), the sixth ward's assaults always stay under 20 (pass), most are
   * hit-and-miss. Every measure with a direction has one: at least 60% of care plans co-produced,
   * and a mean stay under 35 days (the demo returns no lengths of stay; the target is set anyway).
   */
  public static final Map<String, Double> TARGETS =
      new TreeMap<>(
          Map.of(
              "RESTRICTIVE_INTERVENTIONS", 20.0,
              "DETENTIONS", 30.0,
              "ASSAULTS_ON_STAFF", 20.0,
              "CARE_PLANS_CO_PRODUCED", 60.0,
              "LENGTH_OF_STAY", 35.0));

  private final URI base;
  private final Duration settle;
  private final Duration timeout;
  private final Supplier<String> bearerToken;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  /** The phase of each enrolled service found (its latest enrolment's). */
  private final Map<String, String> phaseOf = new LinkedHashMap<>();

  /**
   * @param settle how long the number of enrolled services must stay the same before loading
   * @param timeout how long to wait for any enrolled service to appear
   */
  public DemoReturnsLoader(URI base, Duration settle, Duration timeout) {
    this(base, settle, timeout, () -> null);
  }

  /**
   * @param bearerToken an administrator's access token for each request; null sends none
   */
  public DemoReturnsLoader(
      URI base, Duration settle, Duration timeout, Supplier<String> bearerToken) {
    this.base = base;
    this.settle = settle;
    this.timeout = timeout;
    this.bearerToken = bearerToken;
  }

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : System.getenv("EVALUATION_URL");
    if (url == null || url.isBlank()) {
      url = "http://127.0.0.1:8083";
    }
    DemoReturnsLoader loader =
        new DemoReturnsLoader(
            URI.create(url.replaceAll("/+$", "")),
            Duration.ofSeconds(5),
            Duration.ofSeconds(120),
            // The platform client's token when AUTH_SERVER_URL is set (./platform sets it).
            ClientCredentials.platformFromEnvironment());
    try {
      Summary s = loader.load(YearMonth.now(LONDON).minusMonths(12));
      System.out.printf(
          Locale.ROOT,
          "Demo returns: a year for %d of %d enrolled services (%d with a sustained fall in"
              + " restrictive interventions), %d already had returns; targets set and reports"
              + " published for %d phases%n",
          s.loaded(),
          s.services(),
          s.improving(),
          s.skipped(),
          s.targeted());
    } catch (ConnectException e) {
      System.err.println("DemoReturnsLoader: cannot connect to evaluation-service at " + url);
      System.exit(1);
    } catch (IOException | IllegalStateException e) {
      System.err.println("DemoReturnsLoader: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(130);
    }
  }

  /** Loads the 12 months from {@code firstMonth} for every enrolled service. */
  public Summary load(YearMonth firstMonth) throws IOException, InterruptedException {
    return load(firstMonth, null);
  }

  /**
   * Loads the 12 months from {@code firstMonth} for the enrolled services of one phase, or of every
   * phase when {@code phaseId} is null.
   */
  public Summary load(YearMonth firstMonth, String phaseId)
      throws IOException, InterruptedException {
    List<String> services = enrolledServices(phaseId);
    Set<String> loadedPhases = new LinkedHashSet<>();
    int loaded = 0;
    int improving = 0;
    int skipped = 0;
    for (int i = 0; i < services.size(); i++) {
      String path = "/api/services/" + services.get(i);
      HttpResponse<String> existing = send("GET", path + "/data-returns", null, null);
      expect(existing, 200, "GET " + path + "/data-returns");
      if (!json.readTree(existing.body()).isEmpty()) {
        skipped++;
        continue;
      }
      String csv = DemoReturns.csv(DemoReturns.year(i, firstMonth));
      expect(send("POST", path + "/data-returns", "text/csv", csv), 201, "POST returns CSV");
      loaded++;
      if (phaseOf.get(services.get(i)) != null) {
        loadedPhases.add(phaseOf.get(services.get(i)));
      }
      if (DemoReturns.improves(i)) {
        String idea =
            json.writeValueAsString(
                json.createObjectNode()
                    .put("title", "Safety huddle before every shift change")
                    .put(
                        "description",
                        "Ten minutes at each handover on who is distressed and what helps them,"
                            + " agreed with the ward's lived-experience partners; tried from month "
                            + (DemoReturns.BASELINE_MONTHS + 1)
                            + " of the demo year.")
                    .put("coProduced", true)
                    .set("measureCodes", json.createArrayNode().add("RESTRICTIVE_INTERVENTIONS")));
        HttpResponse<String> recorded =
            send("POST", path + "/change-ideas", "application/json", idea);
        expect(recorded, 201, "POST change idea");
        String ideaId = json.readTree(recorded.body()).path("id").asString();
        testedAndAdopted(ideaId, firstMonth.plusMonths(DemoReturns.BASELINE_MONTHS));
        // The team shares what it learnt: every other trust's members find the idea, its PDSA
        // cycle and outcome in the shared library.
        expect(
            send("POST", "/api/change-ideas/" + ideaId + "/sharing", null, null),
            200,
            "POST sharing of change idea " + ideaId);
        // The analyst fixes the chart's limits on the months before the change, so the months
        // after it are judged against them (Making Data Count).
        String baseline =
            json.writeValueAsString(
                json.createObjectNode()
                    .put("kind", "BASELINE")
                    .put("month", firstMonth.plusMonths(DemoReturns.BASELINE_MONTHS - 1).toString())
                    .put("reason", "Limits from the months before the safety huddles began"));
        expect(
            send(
                "POST",
                path + "/measures/RESTRICTIVE_INTERVENTIONS/spc-decisions",
                "application/json",
                baseline),
            201,
            "POST SPC baseline decision");
        improving++;
      }
    }
    for (String phase : loadedPhases) {
      setTargets(phase);
      // The central team publishes the phase's report, so that its pages are the public's.
      expect(
          send("POST", "/api/reports/phases/" + phase + "/publication", null, null),
          201,
          "POST publication of phase " + phase);
    }
    return new Summary(services.size(), loaded, improving, skipped, loadedPhases.size());
  }

  /** The central team's targets of the phase: one per measure of {@link #TARGETS}. */
  private void setTargets(String phaseId) throws IOException, InterruptedException {
    for (Map.Entry<String, Double> target : TARGETS.entrySet()) {
      String body =
          json.writeValueAsString(
              json.createObjectNode().put("value", target.getValue()).put("phaseId", phaseId));
      expect(
          send("POST", "/api/measures/" + target.getKey() + "/targets", "application/json", body),
          201,
          "POST target of " + target.getKey());
    }
  }

  /**
   * One PDSA cycle of the idea, run in the three weeks before the month its effect shows from and
   * adopted: the record a ward keeps of how the change was tested.
   */
  private void testedAndAdopted(String ideaId, YearMonth effectFrom)
      throws IOException, InterruptedException {
    String cycles = "/api/change-ideas/" + ideaId + "/cycles";
    LocalDate started = effectFrom.minusMonths(1).atDay(7);
    String plan =
        json.writeValueAsString(
            json.createObjectNode()
                .put("plan", "Try the huddle on the day shift for three weeks; count restraints")
                .put("startedOn", started.toString()));
    expect(send("POST", cycles, "application/json", plan), 201, "POST PDSA cycle");
    String outcome =
        json.writeValueAsString(
            json.createObjectNode()
                .put("done", "Huddles held at 19 of 21 handovers")
                .put("study", "Fewer restraints on huddle days; staff and patients liked it")
                .put("act", "ADOPT")
                .put("completedOn", started.plusWeeks(3).toString()));
    expect(send("POST", cycles + "/1/outcome", "application/json", outcome), 200, "POST outcome");
  }

  /**
   * The services with an enrolment that is not withdrawn, in the API's order, once their number has
   * stayed the same for the settling time.
   */
  List<String> enrolledServices(String phaseId) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> last = List.of();
    long stableSince = System.nanoTime();
    while (true) {
      List<String> now = listEnrolledServices(phaseId);
      if (!now.equals(last)) {
        last = now;
        stableSince = System.nanoTime();
      } else if (!now.isEmpty() && System.nanoTime() - stableSince >= settle.toNanos()) {
        return now;
      }
      if (now.isEmpty() && System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "evaluation-service knows no enrolled service after " + timeout.toSeconds() + " s");
      }
      Thread.sleep(Math.max(100, Math.min(1000, settle.toMillis() / 5)));
    }
  }

  private List<String> listEnrolledServices(String phaseId)
      throws IOException, InterruptedException {
    Set<String> services = new LinkedHashSet<>();
    for (int page = 0; ; page++) {
      String path =
          "/api/engagement/services?size=200&page="
              + page
              + (phaseId == null ? "" : "&phaseId=" + phaseId);
      HttpResponse<String> answer = send("GET", path, null, null);
      expect(answer, 200, "GET " + path);
      JsonNode body = json.readTree(answer.body());
      for (JsonNode item : body.path("content")) {
        if (!"WITHDRAWN".equals(item.path("status").asString(""))
            && !item.path("serviceId").isNull()) {
          services.add(item.path("serviceId").asString());
          if (!item.path("phaseId").isNull() && !item.path("phaseId").isMissingNode()) {
            phaseOf.put(item.path("serviceId").asString(), item.path("phaseId").asString());
          }
        }
      }
      if (page + 1 >= body.path("page").path("totalPages").asLong(0)) {
        return new ArrayList<>(services);
      }
    }
  }

  private void expect(HttpResponse<String> answer, int status, String what) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException(
          what
              + " answered "
              + answer.statusCode()
              + " (expected "
              + status
              + "): "
              + answer.body());
    }
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json, application/problem+json");
    String token = bearerToken.get();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request
          .header("Content-Type", contentType)
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return RateLimited.send(http, request.build());
  }
}
