package org.mhaqi.console.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A service's API as the console's slice tests need it: fixed answers per method and path (with its
 * query), each request recorded with its body, and 404 problem+json for anything else. Real HTTP,
 * so the console's own clients, token relay and timeouts are what is tested.
 */
public final class FakeService implements AutoCloseable {

  /** One request the console sent. */
  public record Request(String method, String path, String authorization, String body) {}

  private record Answer(int status, String contentType, byte[] body) {}

  private final HttpServer server;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public FakeService() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers "GET /api/phases/1" (the path and query exactly as the console asks) with JSON. */
  public FakeService json(String methodAndPath, int status, String json) {
    answers.put(
        methodAndPath,
        new Answer(
            status,
            status >= 400 ? "application/problem+json" : "application/json",
            json.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  public FakeService answer(String methodAndPath, int status, String contentType, String body) {
    answers.put(
        methodAndPath, new Answer(status, contentType, body.getBytes(StandardCharsets.UTF_8)));
    return this;
  }

  public void reset() {
    answers.clear();
    requests.clear();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestURI().getRawPath();
    if (exchange.getRequestURI().getRawQuery() != null) {
      target += "?" + exchange.getRequestURI().getRawQuery();
    }
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Request(
            exchange.getRequestMethod(),
            target,
            exchange.getRequestHeaders().getFirst("Authorization"),
            body));
    Answer answer = answers.get(exchange.getRequestMethod() + " " + target);
    if (answer == null) {
      answer =
          new Answer(
              404,
              "application/problem+json",
              "{\"status\":404,\"title\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
    }
    exchange.getResponseHeaders().add("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), answer.body().length);
    exchange.getResponseBody().write(answer.body());
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
