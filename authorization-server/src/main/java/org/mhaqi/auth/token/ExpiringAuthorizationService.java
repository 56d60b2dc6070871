package org.mhaqi.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Spring's in-memory authorization store, forgetting each authorization once all its tokens have
 * expired. The plain one keeps every authorization for ever, and every client-credentials token
 * adds one: a server that runs for weeks (Prometheus fetches a token every quarter of an hour)
 * would grow without bound.
 *
 * <p>Every method holds this object's lock: Spring's in-memory store iterates its logins in
 * progress without holding their lock, so a sign-in saved while another request looked a token up
 * threw ConcurrentModificationException (20 people signing in at once, the console benchmark). The
 * store is in memory and each call is short, so one lock costs little.
 */
public final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

  /** How long an authorization without any token yet (a login in progress) is kept. */
  private static final Duration PENDING = Duration.ofHours(1);

  private final InMemoryOAuth2AuthorizationService store = new InMemoryOAuth2AuthorizationService();
  private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
  private final Clock clock;

  public ExpiringAuthorizationService(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized void save(OAuth2Authorization authorization) {
    forgetExpired();
    store.save(authorization);
    expiries.put(authorization.getId(), expiryOf(authorization));
  }

  @Override
  public synchronized void remove(OAuth2Authorization authorization) {
    store.remove(authorization);
    expiries.remove(authorization.getId());
  }

  @Override
  public synchronized OAuth2Authorization findById(String id) {
    return store.findById(id);
  }

  @Override
  public synchronized OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return store.findByToken(token, tokenType);
  }

  /** How many authorizations are held (for tests). */
  int size() {
    return expiries.size();
  }

  private void forgetExpired() {
    Instant now = clock.instant();
    expiries.forEach(
        (id, expiry) -> {
          if (expiry.isBefore(now)) {
            OAuth2Authorization expired = store.findById(id);
            if (expired != null) {
              store.remove(expired);
            }
            expiries.remove(id, expiry);
          }
        });
  }

  /** When the last of its tokens expires. */
  private Instant expiryOf(OAuth2Authorization authorization) {
    return Stream.of(
            authorization.getAccessToken(),
            authorization.getRefreshToken(),
            authorization.getToken(
                org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode
                    .class))
        .filter(t -> t != null)
        .map(OAuth2Authorization.Token::getToken)
        .map(OAuth2Token::getExpiresAt)
        .filter(t -> t != null)
        .max(Instant::compareTo)
        .orElseGet(() -> clock.instant().plus(PENDING));
  }
}
