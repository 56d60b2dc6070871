package org.mhaqi.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's REST API over real HTTP, as programme staff's tools call it, with JSON answers. */
public final class Api {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Supplier<String> base;

  /** The bearer token for a path; null sends none. */
  private final Function<String, String> token;

  /**
   * The API of a service listening on this machine, called as a programme administrator (an
   * operator for the actuator): tokens from {@link TestTokens}.
   */
  public Api(int port) {
    this("http://127.0.0.1:" + port);
  }

  public Api(String base) {
    this(() -> base);
  }

  /** The API at a base URL known only later, e.g. once a test's server has its random port. */
  public Api(Supplier<String> base) {
    this(base, path -> path.startsWith("/actuator") ? TestTokens.operator() : TestTokens.admin());
  }

  private Api(Supplier<String> base, Function<String, String> token) {
    this.base = base;
    this.token = token;
  }

  /** The same API called with this bearer token, e.g. {@code TestTokens.trustMember("RX4")}. */
  public Api as(String bearerToken) {
    return new Api(base, path -> bearerToken);
  }

  /** The same API called without a token. */
  public Api anonymous() {
    return new Api(base, path -> null);
  }

  /**
   * An answer: status, content type and the JSON body (a JSON null when there is none, a text node
   * when the body is not JSON), and its headers.
   */
  public record Response(
      int status, String contentType, JsonNode body, Map<String, List<String>> headers) {

    public Response(int status, String contentType, JsonNode body) {
      this(status, contentType, body, Map.of());
    }

    public String text(String field) {
      return body.path(field).asString();
    }

    public String id() {
      return text("id");
    }

    /** The first value of a header, e.g. {@code Location}; null when there is none. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(h -> h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
          .map(h -> h.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public Response expect(int expected) {
      if (status != expected) {
        throw new AssertionError("Expected " + expected + " but got " + status + ": " + body);
      }
      return this;
    }
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, String json) {
    return post(path, json, "application/json");
  }

  /** Posts a body of another content type, e.g. {@code text/csv}. */
  public Response post(String path, String body, String contentType) {
    return send(
        request(path)
            .header("Content-Type", contentType)
            .POST(
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response post(String path) {
    return post(path, null);
  }

  /** Uploads a file as a browser form would: multipart/form-data with one file part. */
  public Response postFile(
      String path, String field, String filename, String contentType, String content) {
    String boundary = "mhaqi-" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + filename
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n"
            + content
            + "\r\n--"
            + boundary
            + "--\r\n";
    return post(path, body, "multipart/form-data; boundary=" + boundary);
  }

  public Response put(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.get() + path));
    String bearer = token.apply(path);
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return request;
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      return new Response(
          response.statusCode(),
          contentType,
          body == null || body.isBlank()
              ? JSON.nullNode()
              // CSV, iCalendar or HTML arrive as one text node: body().asString() is the text.
              : contentType.contains("json")
                  ? JSON.readTree(body)
                  : JSON.getNodeFactory().stringNode(body),
          response.headers().map());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
