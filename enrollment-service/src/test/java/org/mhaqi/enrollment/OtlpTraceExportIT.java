package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With an OTLP endpoint configured ({@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}),
 * a request's spans are exported to it: here a collector of our own that records what it is sent.
 */
class OtlpTraceExportIT extends ServiceIntegrationTest {

  private static final List<String> received = new CopyOnWriteArrayList<>();
  private static final HttpServer collector = collector();

  private static HttpServer collector() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/v1/traces",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void otlpEndpoint(DynamicPropertyRegistry registry) {
    registry.add(
        "management.opentelemetry.tracing.export.otlp.endpoint",
        () -> "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces");
    registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "200ms");
  }

  @AfterAll
  static void stopCollector() {
    collector.stop(0);
  }

  @Test
  void aRequestsSpansReachTheConfiguredOtlpEndpoint() {
    api.get("/api/programmes?size=1").expect(200);

    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
    assertThat(received.get(0)).isEqualTo("application/x-protobuf");
  }
}
