package org.mhaqi.testing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ApiFuzzerTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String KNOWN_THING = "3f2b8c1e-0d4a-4e5b-9c6d-7e8f9a0b1c2d";
  private static final String KNOWN_OWNER = "11111111-2222-4333-8444-555555555555";

  private static JsonNode apiDocs() {
    try (InputStream in = ApiFuzzerTest.class.getResourceAsStream("/fuzz/openapi.json")) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiFuzzer fuzzer(long seed, int requests, String baseUrl) {
    return ApiFuzzer.builder("things-service", apiDocs(), () -> baseUrl)
        .caller("ADMIN", "admin-token")
        .caller("COACH", "coach-token")
        .caller("ANONYMOUS", null)
        .known("thingId", KNOWN_THING)
        .known("ownerId", KNOWN_OWNER)
        .example("POST /api/things/{thingId}/returns", "measure,month,value\r\nM1,2026-01,12\r\n")
        .seed(seed)
        .requests(requests)
        .build();
  }

  private static List<FuzzRequest> requests(long seed, int count) {
    return fuzzer(seed, count, "http://127.0.0.1:1").requests();
  }

  private static String body(FuzzRequest request) {
    return new String(request.body(), StandardCharsets.UTF_8);
  }

  private static List<FuzzRequest> of(List<FuzzRequest> requests, Mutation mutation) {
    return requests.stream().filter(r -> r.mutation() == mutation).toList();
  }

  @Test
  void readsEveryOperationWithItsReferencedParametersAndBodies() {
    List<FuzzOperation> operations = FuzzOperation.all(apiDocs());

    assertThat(operations)
        .extracting(FuzzOperation::toString)
        .containsExactly(
            "GET /api/things",
            "POST /api/things",
            "DELETE /api/things/{thingId}",
            "GET /api/things/{thingId}",
            "POST /api/things/{thingId}/archive",
            "POST /api/things/{thingId}/returns");
    FuzzOperation delete = operations.get(2);
    assertThat(delete.in("path"))
        .extracting(FuzzOperation.Parameter::name)
        .containsExactly("thingId");
    FuzzOperation create = operations.get(1);
    assertThat(create.bodyRequired()).isTrue();
    assertThat(create.contentTypeLike("json")).isEqualTo("application/json");
    assertThat(operations.get(5).contentTypeLike("csv")).isEqualTo("text/csv");
    assertThat(operations.get(5).contentTypeLike("multipart")).isEqualTo("multipart/form-data");
  }

  @Test
  void theSameSeedMakesTheSameRequestsAndAnotherSeedOthers() {
    List<FuzzRequest> first = requests(42, 600);
    List<FuzzRequest> again = requests(42, 600);
    List<FuzzRequest> other = requests(43, 600);

    assertThat(same(again, first)).isTrue();
    assertThat(other.stream().map(FuzzRequest::describe).toList())
        .isNotEqualTo(first.stream().map(FuzzRequest::describe).toList());
    // One request can be made again from the seed and its index alone.
    assertThat(
            same(
                List.of(fuzzer(42, 600, "http://127.0.0.1:1").request(517)),
                List.of(first.get(517))))
        .isTrue();
  }

  /** Equal requests: every component, the body's bytes included. */
  private static boolean same(List<FuzzRequest> these, List<FuzzRequest> those) {
    if (these.size() != those.size()) {
      return false;
    }
    for (int i = 0; i < these.size(); i++) {
      FuzzRequest a = these.get(i);
      FuzzRequest b = those.get(i);
      if (!Arrays.equals(a.body(), b.body())
          || !a.headers().equals(b.headers())
          || !a.describe().equals(b.describe())) {
        return false;
      }
    }
    return true;
  }

  @Test
  void makesEveryKindOfRequestAndPairsEveryOperationWithEveryCaller() {
    List<FuzzRequest> requests = requests(7, 3000);

    assertThat(requests.stream().map(FuzzRequest::mutation).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Mutation.class));
    assertThat(requests.stream().map(r -> r.operation() + " as " + r.caller()).distinct())
        .hasSize(6 * 3);
    assertThat(requests.stream().map(FuzzRequest::requestId).distinct()).hasSize(3000);
    assertThat(requests.stream().map(FuzzRequest::caller).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("ADMIN", "COACH", "ANONYMOUS");
  }

  @Test
  void validLookingRequestsUseKnownIdsAndFillTheReferencedSchema() {
    List<FuzzRequest> valid = of(requests(11, 3000), Mutation.VALID);

    FuzzRequest create =
        valid.stream()
            .filter(r -> r.operation().equals("POST /api/things"))
            .findFirst()
            .orElseThrow();
    JsonNode thing = JSON.readTree(body(create));
    assertThat(thing.propertyNames()).contains("name", "count", "startsOn", "kind", "ownerId");
    assertThat(thing.path("ownerId").asString()).isEqualTo(KNOWN_OWNER);
    assertThat(thing.path("count").asInt()).isBetween(1, 10);
    assertThat(thing.path("kind").asString()).isIn("SMALL", "LARGE");
    assertThat(create.headers()).containsEntry("Content-Type", "application/json");
    assertThat(
            valid.stream()
                .filter(r -> r.operation().equals("GET /api/things/{thingId}"))
                .map(FuzzRequest::target))
        .contains("/api/things/" + KNOWN_THING);
    // The returns go as the CSV example itself, or as that file in a form.
    List<FuzzRequest> returns =
        valid.stream()
            .filter(r -> r.operation().equals("POST /api/things/{thingId}/returns"))
            .toList();
    assertThat(returns)
        .allMatch(r -> body(r).contains("measure,month,value\r\nM1,2026-01,12\r\n"))
        .anyMatch(r -> r.headers().get("Content-Type").equals("text/csv"))
        .anyMatch(
            r ->
                r.headers().get("Content-Type").startsWith("multipart/form-data; boundary=")
                    && body(r).contains("name=\"file\"; filename=\"returns.csv\""));
  }

  @Test
  void eachBodyMutationChangesOneFieldOfAValidBody() {
    List<FuzzRequest> requests = requests(5, 6000);

    assertThat(of(requests, Mutation.FIELD_MISSING_REQUIRED))
        .allSatisfy(
            r -> {
              JsonNode thing = JSON.readTree(body(r));
              long present =
                  List.of("name", "count", "startsOn", "kind", "ownerId").stream()
                      .filter(thing::has)
                      .count();
              // One required field left out: at the top, or the address's line.
              boolean addressLineLeftOut =
                  thing.has("address") && !thing.path("address").has("line");
              assertThat(5 - present + (addressLineLeftOut ? 1 : 0)).as(r.describe()).isEqualTo(1);
            });
    assertThat(of(requests, Mutation.FIELD_HUGE_STRING))
        .allSatisfy(r -> assertThat(r.body().length).isGreaterThan(100_000));
    assertThat(of(requests, Mutation.BODY_HUGE))
        .allSatisfy(r -> assertThat(r.body().length).isGreaterThanOrEqualTo(2 * 1024 * 1024));
    assertThat(of(requests, Mutation.FIELD_INJECTION).stream().map(ApiFuzzerTest::body))
        .anyMatch(b -> b.contains("' OR 1=1--"))
        .anyMatch(b -> b.contains("<script>"))
        .anyMatch(b -> b.contains("${jndi:"));
    // The only date field takes the extreme dates, a different one from request to request.
    List<String> dates =
        of(requests, Mutation.FIELD_EXTREME_DATE).stream()
            .map(r -> JSON.readTree(body(r)).path("startsOn").asString())
            .toList();
    assertThat(dates).isNotEmpty().allMatch(HostileValues.DATES::contains);
    assertThat(dates.stream().distinct().count()).isGreaterThan(5);
    assertThat(of(requests, Mutation.FIELD_EXTREME_NUMBER).stream().map(ApiFuzzerTest::body))
        .anyMatch(b -> b.contains("\"count\":1e309"))
        .anyMatch(b -> b.contains("\"count\":9223372036854775808"));
    assertThat(of(requests, Mutation.FIELD_BROKEN_UNICODE))
        .anyMatch(r -> body(r).contains("\\ud800"))
        .anyMatch(r -> containsBytes(r.body(), (byte) 0xC0, (byte) 0xAF));
    assertThat(of(requests, Mutation.FIELD_UNICODE).stream().map(ApiFuzzerTest::body))
        .anyMatch(b -> b.contains("\\u0000"))
        .anyMatch(b -> b.contains("\u202E"));
    assertThat(of(requests, Mutation.FIELD_UNKNOWN).stream().map(ApiFuzzerTest::body))
        .allMatch(
            b ->
                JSON.readTree(b)
                    .toString()
                    .matches(".*\"(fuzzUnknown|id|createdBy|actor|__proto__|@class)\":.*"));
    assertThat(of(requests, Mutation.BODY_TRUNCATED))
        .allSatisfy(r -> assertThat(isJson(body(r))).as(r.describe()).isFalse());
  }

  @Test
  void pathAndQueryMutationsReachTheUrl() {
    List<FuzzRequest> requests = requests(9, 6000);

    assertThat(targets(requests, Mutation.PATH_TRAVERSAL)).anyMatch(t -> t.contains("../"));
    assertThat(targets(requests, Mutation.PATH_NUL)).allMatch(t -> t.contains("%00"));
    assertThat(targets(requests, Mutation.PATH_HUGE)).allMatch(t -> t.length() > 1_000);
    assertThat(targets(requests, Mutation.PATH_UNICODE)).allMatch(t -> t.contains("%"));
    assertThat(targets(requests, Mutation.QUERY_EXTREME_NUMBER))
        .anyMatch(t -> t.contains("page=-1"))
        .anyMatch(t -> t.contains("size=100000000"));
    assertThat(targets(requests, Mutation.QUERY_EXTREME_DATE))
        .anyMatch(t -> t.contains("from=0000-01-01"))
        .anyMatch(t -> t.contains("from=2024-02-30"))
        .anyMatch(t -> t.contains("from=%2B999999999-12-31"));
  }

  @Test
  void csvAndMultipartOperationsGetTheirOwnMalformedBodies() {
    List<FuzzRequest> requests = requests(3, 6000);

    assertThat(of(requests, Mutation.MULTIPART_HOSTILE_FILE))
        .allSatisfy(
            r -> {
              assertThat(r.headers().get("Content-Type"))
                  .startsWith("multipart/form-data; boundary=");
              assertThat(body(r)).contains("name=\"file\"");
            });
    assertThat(of(requests, Mutation.CSV_HEADER_ONLY).stream().map(ApiFuzzerTest::body))
        .allMatch(b -> b.strip().equals("measure,month,value"));
    assertThat(of(requests, Mutation.CSV_HOSTILE_CELL))
        .allSatisfy(r -> assertThat(r.headers()).containsEntry("Content-Type", "text/csv"));
  }

  @Test
  void sendsEachRequestWithItsIdAndCallersTokenAndReportsServerErrorsReproducibly()
      throws IOException {
    Map<String, String> seen = new ConcurrentHashMap<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String id = exchange.getRequestHeaders().getFirst("X-Request-Id");
          seen.put(id, String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          String path = exchange.getRequestURI().getRawPath();
          int status = path.endsWith("/archive") ? 500 : path.equals("/api/things") ? 302 : 400;
          if (status == 302) {
            exchange.getResponseHeaders().add("Location", "/elsewhere");
          }
          byte[] answer = "{\"status\":%d}".formatted(status).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    try {
      FuzzReport report =
          fuzzer(99, 120, "http://127.0.0.1:" + server.getAddress().getPort()).run();

      assertThat(report.size()).isEqualTo(120);
      assertThat(seen).hasSize(120);
      assertThat(report.results())
          .allSatisfy(
              result ->
                  assertThat(seen.get(result.request().requestId()))
                      .isEqualTo(
                          switch (result.request().caller()) {
                            case "ADMIN" -> "Bearer admin-token";
                            case "COACH" -> "Bearer coach-token";
                            default -> "null";
                          }));
      assertThat(report.byCaller()).containsEntry("ADMIN", 42L).containsEntry("ANONYMOUS", 36L);
      // Redirects are answers, not followed.
      assertThat(report.byStatusClass()).containsKeys("3xx", "4xx", "5xx");
      Predicate<FuzzReport.Result> toArchive =
          result -> result.request().operation().equals("POST /api/things/{thingId}/archive");
      assertThat(report.failures()).isNotEmpty().allMatch(toArchive);
      assertThat(report.failures())
          .hasSize((int) report.results().stream().filter(toArchive).count());
      FuzzReport.Result failure = report.failures().get(0);
      assertThat(report.failureReport())
          .contains("-Dfuzz.seed=99")
          .contains("500 <- seed=99 #" + failure.request().index() + " ")
          .contains(failure.request().describe());
      assertThat(report.summary())
          .startsWith(
              "fuzz things-service seed=99: 120 requests (ADMIN 42, ANONYMOUS 36, COACH 42), ")
          .contains("5xx " + report.failures().size());
      assertThat(report.refusedRequestIds())
          .containsAll(report.failures().stream().map(r -> r.request().requestId()).toList());
    } finally {
      server.stop(0);
    }
  }

  private static List<String> targets(List<FuzzRequest> requests, Mutation mutation) {
    return of(requests, mutation).stream().map(FuzzRequest::target).toList();
  }

  private static boolean isJson(String text) {
    try {
      JSON.readTree(text);
      return !text.isBlank();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static boolean containsBytes(byte[] haystack, byte... needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return true;
      }
    }
    return false;
  }
}
