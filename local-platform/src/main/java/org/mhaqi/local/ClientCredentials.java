package org.mhaqi.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bearer token of one client of the platform's authorization server (client credentials,
 * client_secret_basic), fetched when first needed and again a minute before it expires. The
 * launcher and the demo loaders call the services' APIs with the {@code platform} client's token
 * (ADMIN), and their actuator beyond health with an OPERATOR client's.
 */
public final class ClientCredentials implements Supplier<String> {

  /** The launcher's own client (ADMIN): loads the demo data, checks the running platform. */
  public static final String PLATFORM_CLIENT = "platform";

  public static final String PLATFORM_SECRET_VARIABLE = "PLATFORM_CLIENT_SECRET";

  /** The demo secret of the platform client in authorization-server's application.yml. */
  public static final String PLATFORM_DEMO_SECRET = "platform-secret";

  private static final Duration EARLY = Duration.ofMinutes(1);

  private final URI tokenEndpoint;
  private final String clientId;
  private final String secret;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JsonMapper json = JsonMapper.builder().build();
  private String token;
  private Instant renewAt = Instant.MIN;

  public ClientCredentials(String authServerUrl, String clientId, String secret) {
    this.tokenEndpoint = URI.create(authServerUrl.replaceAll("/+$", "") + "/oauth2/token");
    this.clientId = clientId;
    this.secret = secret;
  }

  /**
   * The platform client against {@code AUTH_SERVER_URL} with {@code PLATFORM_CLIENT_SECRET} (or the
   * demo secret); without {@code AUTH_SERVER_URL} a supplier of no token (null), for services that
   * run without security.
   */
  public static Supplier<String> platformFromEnvironment() {
    String url = System.getenv("AUTH_SERVER_URL");
    if (url == null || url.isBlank()) {
      return () -> null;
    }
    return new ClientCredentials(url.trim(), PLATFORM_CLIENT, platformSecret());
  }

  /** {@code PLATFORM_CLIENT_SECRET}, or the demo secret. */
  public static String platformSecret() {
    String secret = System.getenv(PLATFORM_SECRET_VARIABLE);
    return secret == null || secret.isBlank() ? PLATFORM_DEMO_SECRET : secret;
  }

  /** The current access token; fails naming the answer when the server refuses. */
  @Override
  public synchronized String get() {
    if (token == null || Instant.now().isAfter(renewAt)) {
      fetch();
    }
    return token;
  }

  private void fetch() {
    String credentials =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(tokenEndpoint)
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Basic " + credentials)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    HttpResponse<String> answer;
    try {
      answer = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot reach the authorization server at " + tokenEndpoint, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(
          "the authorization server refused a token for client "
              + clientId
              + ": HTTP "
              + answer.statusCode()
              + " "
              + answer.body());
    }
    JsonNode body = json.readTree(answer.body());
    token = body.path("access_token").asString();
    long lifetime = body.path("expires_in").asLong(300);
    renewAt = Instant.now().plusSeconds(lifetime).minus(EARLY);
  }
}
