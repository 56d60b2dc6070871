package org.mhaqi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A client that exceeds its burst of token requests gets 429 with Retry-After; others do not. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mhaqi.auth.rate-limit.capacity=3",
      "mhaqi.auth.rate-limit.refill-tokens=1",
      "mhaqi.auth.rate-limit.refill-period=1m"
    })
class TokenRateLimitIT {

  @LocalServerPort int port;

  @Test
  void theRequestAfterTheBurstIsAnswered429WithRetryAfter() {
    TokenClient client = new TokenClient(port);
    for (int i = 0; i < 3; i++) {
      assertThat(client.clientCredentials("demo-analyst", "demo-analyst-secret").statusCode())
          .isEqualTo(200);
    }

    HttpResponse<String> limited = client.clientCredentials("demo-analyst", "demo-analyst-secret");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 60L);
    JsonNode problem = TokenClient.JSON.readTree(limited.body());
    assertThat(problem.path("status").asInt()).isEqualTo(429);
    assertThat(problem.path("type").asString()).startsWith("urn:mhaqi:problem:");

    // Another client has a bucket of its own.
    assertThat(client.clientCredentials("demo-coach", "demo-coach-secret").statusCode())
        .isEqualTo(200);
  }

  @Test
  void wrongSecretsCountAgainstTheClientToo() {
    TokenClient client = new TokenClient(port);
    for (int i = 0; i < 3; i++) {
      assertThat(client.clientCredentials("ops-console", "guess-" + i).statusCode()).isEqualTo(401);
    }

    assertThat(client.clientCredentials("ops-console", "ops-console-secret").statusCode())
        .isEqualTo(429);
  }
}
