package org.mhaqi.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's token: fetched with its client's Basic credentials, reused until near expiry. */
class OperatorTokenTest {

  private HttpServer tokenEndpoint;
  private final AtomicInteger issued = new AtomicInteger();
  private final List<String> authorizations = new ArrayList<>();
  private final List<String> bodies = new ArrayList<>();

  @BeforeEach
  void startTokenEndpoint() throws Exception {
    tokenEndpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tokenEndpoint.createContext(
        "/oauth2/token",
        exchange -> {
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer =
              ("{\"access_token\":\"token-"
                      + issued.incrementAndGet()
                      + "\",\"token_type\":\"Bearer\",\"expires_in\":900}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    tokenEndpoint.start();
  }

  @AfterEach
  void stop() {
    tokenEndpoint.stop(0);
  }

  @Test
  void aTokenIsFetchedOnceAndRenewedAMinuteBeforeItExpires() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    OperatorToken token =
        new OperatorToken(
            new ConsoleAuthProperties(
                true,
                "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/oauth2/token",
                "ops-console",
                "s3cret"),
            clock);

    assertThat(token.getHeaders(null).getFirst("Authorization")).isEqualTo("Bearer token-1");
    clock.now = clock.now.plus(Duration.ofMinutes(13));
    assertThat(token.getHeaders(null).getFirst("Authorization")).isEqualTo("Bearer token-1");
    clock.now = clock.now.plus(Duration.ofMinutes(1)).plusSeconds(1);
    assertThat(token.getHeaders(null).getFirst("Authorization")).isEqualTo("Bearer token-2");

    assertThat(issued).hasValue(2);
    assertThat(authorizations).containsOnly("Basic b3BzLWNvbnNvbGU6czNjcmV0");
    assertThat(bodies).containsOnly("grant_type=client_credentials");
  }

  private static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
