package org.mhaqi.testing.fuzz;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Seeded fuzzing of a service's HTTP API from its OpenAPI document: every documented operation gets
 * malformed, oversized, wrongly typed, injection-laden, extreme-date and unicode-edge-case requests
 * (see {@link Mutation}), sent as each of the given callers, each with its own {@code X-Request-Id}
 * ({@code fuzz-<n>}) so the service's audit trail can be matched to it.
 *
 * <p>The seed ({@code -Dfuzz.seed}, random when not given) decides every request; it is printed
 * when the run starts and is in every failure's description, so a failure can be sent again. The
 * number of requests is {@code -Dfuzz.requests} (default {@value #DEFAULT_REQUESTS}).
 */
public final class ApiFuzzer {

  public static final int DEFAULT_REQUESTS = 3000;

  private final String service;
  private final Supplier<String> baseUrl;
  private final long seed;
  private final int requests;
  private final int threads;
  private final Map<String, String> tokens;
  private final RequestGenerator generator;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private ApiFuzzer(Builder builder) {
    this.service = builder.service;
    this.baseUrl = builder.baseUrl;
    this.seed = builder.seed;
    this.requests = builder.requests;
    this.threads = builder.threads;
    this.tokens = new LinkedHashMap<>(builder.tokens);
    this.generator =
        new RequestGenerator(
            builder.seed,
            builder.apiDocs,
            new ArrayList<>(builder.tokens.keySet()),
            builder.known,
            builder.examples);
  }

  /**
   * @param service the service's name, for the report
   * @param apiDocs its OpenAPI document, as {@code GET /v3/api-docs} answers it
   * @param baseUrl where it listens, e.g. {@code http://127.0.0.1:4711}
   */
  public static Builder builder(String service, JsonNode apiDocs, Supplier<String> baseUrl) {
    return new Builder(service, apiDocs, baseUrl);
  }

  /** The seed of {@code -Dfuzz.seed}, or a random one. */
  public static long seedFromSystemProperty() {
    String given = System.getProperty("fuzz.seed");
    return given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given);
  }

  /** The request budget of {@code -Dfuzz.requests}, else the default. */
  public static int requestsFromSystemProperty() {
    return Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
  }

  public long seed() {
    return seed;
  }

  /** The operations of the document, in the order requests are dealt to them. */
  public List<FuzzOperation> operations() {
    return generator.operations();
  }

  /** The requests of this run, without sending them. */
  public List<FuzzRequest> requests() {
    List<FuzzRequest> all = new ArrayList<>(requests);
    for (int i = 0; i < requests; i++) {
      all.add(generator.generate(i));
    }
    return all;
  }

  /** Request number {@code index} of a run with this seed, as {@link #run()} sends it. */
  public FuzzRequest request(int index) {
    return generator.generate(index);
  }

  /** Sends every request, a few at a time, and reports the answers in request order. */
  public FuzzReport run() {
    System.out.printf(
        "fuzz %s seed=%d: %d requests to %d operations as %s (rerun with -Dfuzz.seed=%d)%n",
        service, seed, requests, operations().size(), tokens.keySet(), seed);
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<FuzzReport.Result>> answers = new ArrayList<>(requests);
      for (int i = 0; i < requests; i++) {
        int index = i;
        answers.add(pool.submit(() -> send(generator.generate(index))));
      }
      List<FuzzReport.Result> results = new ArrayList<>(requests);
      for (Future<FuzzReport.Result> answer : answers) {
        results.add(answer.get());
      }
      return new FuzzReport(
          service, seed, List.copyOf(results), Duration.ofNanos(System.nanoTime() - started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("fuzz " + service + " seed=" + seed, e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private FuzzReport.Result send(FuzzRequest request) {
    try {
      HttpRequest.Builder http =
          HttpRequest.newBuilder(URI.create(baseUrl.get() + request.target()))
              .timeout(Duration.ofSeconds(30))
              .header("X-Request-Id", request.requestId())
              .method(
                  request.method(),
                  request.body().length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(request.body()));
      request.headers().forEach(http::header);
      String token = tokens.get(request.caller());
      if (token != null) {
        http.header("Authorization", "Bearer " + token);
      }
      HttpResponse<byte[]> response =
          this.http.send(http.build(), HttpResponse.BodyHandlers.ofByteArray());
      String answer = new String(response.body(), StandardCharsets.UTF_8);
      return new FuzzReport.Result(
          request.trimmed(),
          response.statusCode(),
          answer.length() > 500 ? answer.substring(0, 500) + "..." : answer);
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: the client itself refused the request; still a finding to read.
      return new FuzzReport.Result(request.trimmed(), -1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FuzzReport.Result(request.trimmed(), -1, e.toString());
    }
  }

  /** What to fuzz, as whom, and with which known-good values. */
  public static final class Builder {

    private final String service;
    private final JsonNode apiDocs;
    private final Supplier<String> baseUrl;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, List<String>> known = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();
    private long seed = seedFromSystemProperty();
    private int requests = requestsFromSystemProperty();
    private int threads = 4;

    private Builder(String service, JsonNode apiDocs, Supplier<String> baseUrl) {
      this.service = service;
      this.apiDocs = apiDocs;
      this.baseUrl = baseUrl;
    }

    /** A caller (a role, "ANONYMOUS", "EXPIRED"...) and its bearer token; null sends none. */
    public Builder caller(String name, String token) {
      tokens.put(name, token);
      return this;
    }

    /**
     * Values that exist, for path/query parameters and body properties of this name (e.g. {@code
     * enrollmentId}); ids given here are also used for any other UUID some of the time.
     */
    public Builder known(String name, String... values) {
      known.computeIfAbsent(name, n -> new ArrayList<>()).addAll(List.of(values));
      return this;
    }

    /**
     * A valid body for an operation (e.g. {@code "POST /api/data-returns"}), mutated like the ones
     * made from its schema: JSON for its JSON requests, anything else (CSV) for its others.
     */
    public Builder example(String operation, String body) {
      examples.computeIfAbsent(operation, o -> new ArrayList<>()).add(body);
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder requests(int requests) {
      this.requests = requests;
      return this;
    }

    /** How many requests are in flight at once. */
    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public ApiFuzzer build() {
      return new ApiFuzzer(this);
    }
  }
}
