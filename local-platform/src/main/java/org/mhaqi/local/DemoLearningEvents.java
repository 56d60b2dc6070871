package org.mhaqi.local;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schedules the demo's programme-wide learning event through the coaching-service API, as the
 * central team would, and records the attendance of the first enrolled services: a kick-off webinar
 * for every team and the learning network, held on the last working day, so that it shows in every
 * team's and coach's calendar feed and, once evaluation has read the attendance, in engagement.
 *
 * <p>Usage: {@code DemoLearningEvents [baseUrl]}, default {@code COACHING_URL} or
 * http://127.0.0.1:8082; with {@code AUTH_SERVER_URL} set it calls with the {@code platform}
 * client's token. Idempotent: when any learning event exists it changes nothing.
 */
public final class DemoLearningEvents {

  static final String TITLE = "Programme kick-off: learning from the pilot";

  /** How many services' attendance the demo records. */
  static final int ATTENDING = 3;

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final URI base;
  private final Duration timeout;
  private final Supplier<String> bearerToken;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();

  /** What one run did: the event scheduled (null when one existed) and the services attending. */
  public record Summary(String learningEventId, List<String> attendingServices) {}

  public DemoLearningEvents(URI base, Duration timeout, Supplier<String> bearerToken) {
    this.base = base;
    this.timeout = timeout;
    this.bearerToken = bearerToken;
  }

  public static void main(String[] args) {
    String url = args.length > 0 ? args[0] : System.getenv("COACHING_URL");
    if (url == null || url.isBlank()) {
      url = "http://127.0.0.1:8082";
    }
    DemoLearningEvents loader =
        new DemoLearningEvents(
            URI.create(url.replaceAll("/+$", "")),
            Duration.ofSeconds(120),
            ClientCredentials.platformFromEnvironment());
    try {
      Summary s = loader.load(LocalDate.now(LONDON));
      System.out.println(
          s.learningEventId() == null
              ? "Demo learning event already scheduled"
              : "Demo learning event "
                  + s.learningEventId()
                  + " scheduled; attendance of "
                  + s.attendingServices().size()
                  + " services recorded");
    } catch (ConnectException e) {
      System.err.println("DemoLearningEvents: cannot connect to coaching-service at " + url);
      System.exit(1);
    } catch (IOException | IllegalStateException e) {
      System.err.println("DemoLearningEvents: " + e.getMessage());
      System.exit(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      System.exit(130);
    }
  }

  /** Schedules the webinar on the last working day before {@code today} and records attendance. */
  public Summary load(LocalDate today) throws IOException, InterruptedException {
    JsonNode existing = json.readTree(expect(send("GET", "/api/learning-events", null), 200));
    if (existing.path("content").size() > 0) {
      return new Summary(null, List.of());
    }
    List<String> services = servicesWithPlans();
    String id = null;
    // Back from yesterday to the last working day: the service refuses weekends and bank holidays.
    for (LocalDate day = today.minusDays(1); id == null; day = day.minusDays(1)) {
      if (day.isBefore(today.minusDays(14))) {
        throw new IllegalStateException("no working day in the fortnight before " + today);
      }
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      String body =
          json.writeValueAsString(
              json.createObjectNode()
                  .put("title", TITLE)
                  .put("format", "WEBINAR")
                  .put("startsAt", day.atTime(14, 0).toString())
                  .put("durationMinutes", 90)
                  .put("audience", "ALL_TEAMS")
                  .put("learningNetwork", true));
      HttpResponse<String> answer = send("POST", "/api/learning-events", body);
      if (answer.statusCode() == 201) {
        id = json.readTree(answer.body()).path("id").asString();
      } else if (answer.statusCode() != 422) {
        expect(answer, 201);
      }
    }
    List<String> attending = services.subList(0, Math.min(ATTENDING, services.size()));
    for (int i = 0; i < attending.size(); i++) {
      String body =
          json.writeValueAsString(
              json.createObjectNode()
                  .put("serviceId", attending.get(i))
                  .put("attendees", 3 + i)
                  .put("livedExperiencePartnerTookPart", i == 0));
      expect(send("POST", "/api/learning-events/" + id + "/attendance", body), 201);
    }
    return new Summary(id, List.copyOf(attending));
  }

  /** The services with a coaching plan, once coaching has made any (plans follow enrolments). */
  private List<String> servicesWithPlans() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Set<String> services = new LinkedHashSet<>();
      JsonNode page = json.readTree(expect(send("GET", "/api/plans?size=200", null), 200));
      for (JsonNode plan : page.path("content")) {
        if (plan.path("serviceId").isString() && !plan.path("withdrawnAt").isString()) {
          services.add(plan.path("serviceId").asString());
        }
      }
      if (!services.isEmpty()) {
        return new ArrayList<>(services);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "coaching-service has no coaching plan after " + timeout.toSeconds() + " s");
      }
      Thread.sleep(1000);
    }
  }

  private String expect(HttpResponse<String> answer, int status) {
    if (answer.statusCode() != status) {
      throw new IllegalStateException(
          answer.request().method()
              + " "
              + answer.request().uri()
              + " answered "
              + answer.statusCode()
              + " (expected "
              + status
              + "): "
              + answer.body());
    }
    return answer.body();
  }

  private HttpResponse<String> send(String method, String path, String body)
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
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return RateLimited.send(http, request.build());
  }
}
