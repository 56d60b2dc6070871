package org.mhaqi.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's REST API over real HTTP, as programme staff's tools call it, with JSON answers. */
public final class Api {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  /** The API of a service listening on this machine. */
  public Api(int port) {
    this("http://127.0.0.1:" + port);
  }

  public Api(String base) {
    this.base = base;
  }

  /** An answer: status, content type and the JSON body (null when there is none). */
  public record Response(int status, String contentType, JsonNode body) {

    public String text(String field) {
      return body.path(field).asString();
    }

    public String id() {
      return text("id");
    }

    public Response expect(int expected) {
      if (status != expected) {
        throw new AssertionError("Expected " + expected + " but got " + status + ": " + body);
      }
      return this;
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  public Response post(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response post(String path) {
    return post(path, null);
  }

  public Response put(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.header("X-Actor", "integration-test").timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
