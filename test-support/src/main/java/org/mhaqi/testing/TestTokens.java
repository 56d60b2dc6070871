package org.mhaqi.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The tests' token issuer: an RSA key made once per JVM, its public half served as a JWKS over real
 * HTTP from this JVM, and JWTs signed with it carrying the platform's claims. Services under test
 * validate them exactly as they validate the authorization server's (RealInfrastructure and
 * ServiceProcess point them here): signature, issuer, audience, expiry.
 */
public final class TestTokens {

  public static final String AUDIENCE = "mhaqi-api";

  private static RSAKey key;
  private static HttpServer server;

  private TestTokens() {}

  /** The issuer URL; the JWKS is at {@code /oauth2/jwks} under it, as on the real server. */
  public static synchronized String issuer() {
    start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public static String jwkSetUri() {
    return issuer() + "/oauth2/jwks";
  }

  public static String admin() {
    return token("test-admin", Set.of("ADMIN"), null, null);
  }

  public static String operator() {
    return token("test-operator", Set.of("OPERATOR"), null, null);
  }

  public static String analyst() {
    return token("test-analyst", Set.of("ANALYST"), null, null);
  }

  public static String coach(String email) {
    return token("test-coach", Set.of("COACH"), null, email);
  }

  public static String trustMember(String odsCode) {
    return token("test-trust-" + odsCode, Set.of("TRUST_MEMBER"), odsCode, null);
  }

  /** A learning-network member of the independent-sector provider with this ODS code. */
  public static String learningNetwork(String odsCode) {
    return token("test-network-" + odsCode, Set.of("LEARNING_NETWORK"), odsCode, null);
  }

  /**
   * A token with these claims, valid for five minutes.
   *
   * @param roles role names as in the token's claim: ADMIN, COACH, TRUST_MEMBER, ANALYST, OPERATOR,
   *     LEARNING_NETWORK
   */
  public static String token(String subject, Set<String> roles, String organisation, String email) {
    return sign(claims(subject, roles, organisation, email, Instant.now()).build(), key());
  }

  /** An administrator's token that expired a minute ago. */
  public static String expired() {
    Instant issued = Instant.now().minus(Duration.ofMinutes(10));
    return sign(
        claims("test-admin", Set.of("ADMIN"), null, null, issued)
            .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(1))))
            .build(),
        key());
  }

  /** An administrator's token meant for another API. */
  public static String wrongAudience() {
    return sign(
        claims("test-admin", Set.of("ADMIN"), null, null, Instant.now())
            .audience("another-api")
            .build(),
        key());
  }

  /** An administrator's token signed by a key the services do not know. */
  public static String foreignKey() {
    return sign(claims("test-admin", Set.of("ADMIN"), null, null, Instant.now()).build(), newKey());
  }

  private static JWTClaimsSet.Builder claims(
      String subject, Set<String> roles, String organisation, String email, Instant issuedAt) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer())
            .subject(subject)
            .audience(List.of(AUDIENCE))
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(5))))
            .jwtID(UUID.randomUUID().toString())
            .claim("roles", roles.stream().sorted().toList());
    if (organisation != null) {
      claims.claim("organisation", organisation);
    }
    if (email != null) {
      claims.claim("email", email);
    }
    return claims;
  }

  private static String sign(JWTClaimsSet claims, RSAKey signingKey) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
              claims);
      jwt.sign(new RSASSASigner(signingKey));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized RSAKey key() {
    start();
    return key;
  }

  private static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048)
          .keyUse(KeyUse.SIGNATURE)
          .keyID(UUID.randomUUID().toString())
          .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized void start() {
    if (server != null) {
      return;
    }
    key = newKey();
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/oauth2/jwks",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(jwks);
          }
        });
    // Started from a daemon thread, so that its dispatcher thread is a daemon too and never keeps
    // a finished test JVM alive.
    Thread starter = new Thread(server::start, "test-jwks-start");
    starter.setDaemon(true);
    starter.start();
    try {
      starter.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
