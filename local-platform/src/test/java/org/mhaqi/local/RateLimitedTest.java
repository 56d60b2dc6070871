package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimitedTest {

  @Test
  void a429IsSentAgainAfterRetryAfter() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          if (calls.incrementAndGet() == 1) {
            exchange.getResponseHeaders().set("Retry-After", "1");
            exchange.sendResponseHeaders(429, -1);
          } else {
            exchange.sendResponseHeaders(201, -1);
          }
          exchange.close();
        });
    server.start();
    try {
      long started = System.nanoTime();
      var response =
          RateLimited.send(
              HttpClient.newHttpClient(),
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(calls).hasValue(2);
      assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(1_000_000_000L);
    } finally {
      server.stop(0);
    }
  }
}
