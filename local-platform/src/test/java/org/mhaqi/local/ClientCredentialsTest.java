package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A client's token: fetched with Basic credentials, reused while valid, refusals named. */
class ClientCredentialsTest {

  private HttpServer server;
  private final AtomicInteger issued = new AtomicInteger();
  private final List<String> authorizations = new ArrayList<>();
  private volatile long expiresIn = 900;

  @BeforeEach
  void startTokenEndpoint() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/oauth2/token",
        exchange -> {
          String authorization = exchange.getRequestHeaders().getFirst("Authorization");
          authorizations.add(authorization);
          String form =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean known =
              form.equals("grant_type=client_credentials")
                  && "Basic cGxhdGZvcm06cGxhdGZvcm0tc2VjcmV0".equals(authorization);
          byte[] answer =
              (known
                      ? "{\"access_token\":\"token-"
                          + issued.incrementAndGet()
                          + "\",\"expires_in\":"
                          + expiresIn
                          + "}"
                      : "{\"error\":\"invalid_client\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(known ? 200 : 401, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Test
  void aTokenIsFetchedOnceWhileItIsValid() {
    ClientCredentials platform = new ClientCredentials(url(), "platform", "platform-secret");

    assertThat(platform.get()).isEqualTo("token-1");
    assertThat(platform.get()).isEqualTo("token-1");
    assertThat(issued).hasValue(1);
  }

  @Test
  void aTokenAboutToExpireIsFetchedAgain() {
    expiresIn = 30; // less than the minute it is renewed before its expiry
    ClientCredentials platform = new ClientCredentials(url(), "platform", "platform-secret");

    assertThat(platform.get()).isEqualTo("token-1");
    assertThat(platform.get()).isEqualTo("token-2");
  }

  @Test
  void aRefusalNamesTheClientAndTheAnswer() {
    ClientCredentials wrong = new ClientCredentials(url(), "platform", "wrong");

    assertThatThrownBy(wrong::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("client platform")
        .hasMessageContaining("401")
        .hasMessageContaining("invalid_client");
  }
}
