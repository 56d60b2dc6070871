package org.mhaqi.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against a running authorization server, as the services and operators use it. */
final class TokenClient {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  TokenClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  String base() {
    return base;
  }

  /** POST /oauth2/token with client_credentials and client_secret_basic. */
  HttpResponse<String> clientCredentials(String clientId, String secret) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
            .header("Authorization", basic(clientId, secret))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build());
  }

  /** The access token of a successful token answer. */
  static String accessToken(HttpResponse<String> answer) {
    if (answer.statusCode() != 200) {
      throw new AssertionError(
          "token request answered " + answer.statusCode() + ": " + answer.body());
    }
    return JSON.readTree(answer.body()).path("access_token").asString();
  }

  /** Decodes and verifies a token with the server's JWKS, its issuer and its expiry. */
  Jwt verify(String token, String issuer) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(base + "/oauth2/jwks")
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
    return decoder.decode(token);
  }

  JsonNode get(String path) {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + path)).build());
    if (answer.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + answer.statusCode());
    }
    return JSON.readTree(answer.body());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
