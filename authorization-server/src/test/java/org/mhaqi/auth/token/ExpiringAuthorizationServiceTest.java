package org.mhaqi.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ExpiringAuthorizationServiceTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  private final RegisteredClient client =
      RegisteredClient.withId("c")
          .clientId("c")
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
          .build();

  @Test
  void anAuthorizationIsForgottenOnceItsTokenHasExpired() {
    MutableClock clock = new MutableClock(NOW);
    ExpiringAuthorizationService service = new ExpiringAuthorizationService(clock);
    OAuth2Authorization first = authorization("first", "token-1", NOW.plusSeconds(900));
    service.save(first);

    clock.now = NOW.plusSeconds(899);
    service.save(authorization("second", "token-2", clock.now.plusSeconds(900)));
    assertThat(service.findById("first")).isNotNull();

    clock.now = NOW.plusSeconds(901);
    service.save(authorization("third", "token-3", clock.now.plusSeconds(900)));

    assertThat(service.findById("first")).isNull();
    assertThat(service.findByToken("token-1", OAuth2TokenType.ACCESS_TOKEN)).isNull();
    assertThat(service.findById("second")).isNotNull();
    assertThat(service.size()).isEqualTo(2);
  }

  @Test
  void removeForgetsAtOnce() {
    ExpiringAuthorizationService service = new ExpiringAuthorizationService(new MutableClock(NOW));
    OAuth2Authorization authorization = authorization("a", "t", NOW.plusSeconds(60));
    service.save(authorization);

    service.remove(authorization);

    assertThat(service.findById("a")).isNull();
    assertThat(service.size()).isZero();
  }

  /**
   * Twenty people signing in at once (the console benchmark): logins in progress are saved while
   * other requests look tokens up. Spring's in-memory store iterates its logins in progress without
   * holding their lock, which threw ConcurrentModificationException at a token exchange.
   */
  @Test
  void loginsInProgressSavedWhileTokensAreLookedUpDoNotBreakTheLookUps() throws Exception {
    ExpiringAuthorizationService service = new ExpiringAuthorizationService(new MutableClock(NOW));
    RegisteredClient console =
        RegisteredClient.withId("console")
            .clientId("console")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("http://127.0.0.1/callback")
            .build();
    java.util.concurrent.ExecutorService threads =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    java.util.List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
    long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    for (int t = 0; t < 2; t++) {
      int saver = t;
      work.add(
          threads.submit(
              () -> {
                for (int i = 0; System.nanoTime() < until; i++) {
                  service.save(
                      OAuth2Authorization.withRegisteredClient(console)
                          .id(saver + "-" + i)
                          .principalName("admin")
                          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                          .attribute("state", "state-" + saver + "-" + i)
                          .build());
                }
              }));
      work.add(
          threads.submit(
              () -> {
                while (System.nanoTime() < until) {
                  assertThat(service.findByToken("no-such-state", null)).isNull();
                }
              }));
    }
    try {
      for (java.util.concurrent.Future<?> done : work) {
        done.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private OAuth2Authorization authorization(String id, String token, Instant expiresAt) {
    return OAuth2Authorization.withRegisteredClient(client)
        .id(id)
        .principalName("c")
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .accessToken(
            new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER,
                token,
                expiresAt.minus(Duration.ofMinutes(15)),
                expiresAt))
        .build();
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
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
