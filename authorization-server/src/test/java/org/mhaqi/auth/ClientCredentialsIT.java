package org.mhaqi.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Every demo client gets, over real HTTP, a JWT with the claims of the security contract that
 * verifies with the server's JWKS; a wrong secret or an unknown client gets 401.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "mhaqi.auth.issuer=" + ClientCredentialsIT.ISSUER)
class ClientCredentialsIT {

  static final String ISSUER = "http://auth.test:9000";

  @LocalServerPort int port;

  static Stream<Arguments> demoClients() {
    return Stream.of(
        Arguments.of("demo-admin", "demo-admin-secret", List.of("ADMIN"), null, null),
        Arguments.of(
            "demo-coach",
            "demo-coach-secret",
            List.of("COACH"),
            null,
            "demo.coach.a@example.nhs.uk"),
        Arguments.of("demo-trust", "demo-trust-secret", List.of("TRUST_MEMBER"), "RX4", null),
        Arguments.of("demo-analyst", "demo-analyst-secret", List.of("ANALYST"), null, null),
        Arguments.of(
            "demo-network", "demo-network-secret", List.of("LEARNING_NETWORK"), "NQ1", null),
        Arguments.of("prometheus", "prometheus-secret", List.of("OPERATOR"), null, null),
        Arguments.of("ops-console", "ops-console-secret", List.of("OPERATOR"), null, null),
        Arguments.of("platform", "platform-secret", List.of("ADMIN"), null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demoClients")
  void aDemoClientGetsATokenWithTheContractsClaims(
      String clientId, String secret, List<String> roles, String organisation, String email) {
    TokenClient client = new TokenClient(port);
    HttpResponse<String> answer = client.clientCredentials(clientId, secret);
    assertThat(TokenClient.JSON.readTree(answer.body()).path("token_type").asString())
        .isEqualTo("Bearer");

    Jwt jwt = client.verify(TokenClient.accessToken(answer), ISSUER);

    assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
    assertThat(jwt.getIssuer().toString()).isEqualTo(ISSUER);
    assertThat(jwt.getSubject()).isEqualTo(clientId);
    assertThat(jwt.getAudience()).contains("mhaqi-api");
    assertThat(jwt.getClaimAsStringList("roles")).isEqualTo(roles);
    assertThat(jwt.getClaimAsString("organisation")).isEqualTo(organisation);
    assertThat(jwt.getClaimAsString("email")).isEqualTo(email);
    assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()))
        .isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aWrongSecretIsRefusedWith401() {
    HttpResponse<String> answer = new TokenClient(port).clientCredentials("demo-admin", "wrong");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).doesNotContain("access_token");
  }

  @Test
  void anUnknownClientIsRefusedWith401() {
    assertThat(new TokenClient(port).clientCredentials("nobody", "secret").statusCode())
        .isEqualTo(401);
  }

  @Test
  void aPublicClientCannotUseClientCredentials() {
    TokenClient client = new TokenClient(port);
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(URI.create(client.base() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=swagger-ui"))
                .build());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(answer.body()).doesNotContain("access_token");
  }

  @Test
  void healthIsPublicForReadinessPolling() {
    TokenClient client = new TokenClient(port);

    assertThat(client.get("/actuator/health").path("status").asString()).isEqualTo("UP");
    assertThat(client.get("/actuator/health/readiness").path("status").asString()).isEqualTo("UP");
  }

  @Test
  void metadataNamesTheIssuerAndTheJwks() {
    var metadata = new TokenClient(port).get("/.well-known/oauth-authorization-server");

    assertThat(metadata.path("issuer").asString()).isEqualTo(ISSUER);
    assertThat(metadata.path("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
  }

  @Test
  void swaggerUiOfAServiceMayCallTheTokenEndpointFromTheBrowser() {
    TokenClient client = new TokenClient(port);

    HttpResponse<String> allowed = preflight(client, "http://127.0.0.1:8082");
    HttpResponse<String> foreign = preflight(client, "http://evil.example");

    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("http://127.0.0.1:8082");
    assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  private static HttpResponse<String> preflight(TokenClient client, String origin) {
    return client.send(
        HttpRequest.newBuilder(URI.create(client.base() + "/oauth2/token"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type")
            .build());
  }
}
