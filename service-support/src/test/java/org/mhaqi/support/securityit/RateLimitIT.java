package org.mhaqi.support.securityit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.RealInfrastructure;
import org.mhaqi.testing.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/** Writes are limited per client: 429 with Retry-After once a client's bucket is empty. */
@SpringBootTest(
    classes = SecuredTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=security-test",
      "mhaqi.consumer.enabled=false",
      "mhaqi.outbox.enabled=false",
      "spring.cloud.function.definition=none",
      "mhaqi.security.rate-limit.capacity=3",
      "mhaqi.security.rate-limit.refill=1",
      "mhaqi.security.rate-limit.period=1m"
    })
@ContextConfiguration(initializers = RealInfrastructure.class)
class RateLimitIT {

  @LocalServerPort int port;

  @Test
  void aClientsWritesBeyondItsBucketAre429WithRetryAfterAndOthersGoOn() {
    var flooding = new Api(port).as(TestTokens.token("script", Set.of("ADMIN"), null, null));
    for (int i = 0; i < 3; i++) {
      flooding.post("/api/things", "{\"odsCode\":\"RX4\",\"name\":\"n" + i + "\"}").expect(201);
    }
    var limited = flooding.post("/api/things", "{\"odsCode\":\"RX4\",\"name\":\"n4\"}");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.text("type")).isEqualTo("urn:mhaqi:problem:rate-limited");
    assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    // Reads are not limited, and another client has its own bucket.
    assertThat(flooding.get("/actuator/health").status()).isEqualTo(200);
    new Api(port)
        .as(TestTokens.token("someone-else", Set.of("ADMIN"), null, null))
        .post("/api/things", "{\"odsCode\":\"RX4\",\"name\":\"other\"}")
        .expect(201);
  }
}
