package org.mhaqi.console;

import de.codecentric.boot.admin.server.domain.entities.Instance;
import de.codecentric.boot.admin.server.web.client.HttpHeadersProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Sends an OPERATOR bearer token with every call the console makes to a service's actuator: a
 * client-credentials token of the console's own client, fetched from the platform's authorization
 * server when first needed and again a minute before it expires.
 */
final class OperatorToken implements HttpHeadersProvider {

  private static final Duration EARLY = Duration.ofMinutes(1);

  private final RestClient tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private String token;
  private Instant renewAt = Instant.MIN;

  OperatorToken(ConsoleAuthProperties properties, Clock clock) {
    this.tokenEndpoint = RestClient.builder().baseUrl(properties.tokenUri()).build();
    this.clientId = properties.clientId();
    this.clientSecret = properties.clientSecret();
    this.clock = clock;
  }

  @Override
  public HttpHeaders getHeaders(Instance instance) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(current());
    return headers;
  }

  synchronized String current() {
    if (token == null || clock.instant().isAfter(renewAt)) {
      MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
      form.add("grant_type", "client_credentials");
      Map<?, ?> answer =
          tokenEndpoint
              .post()
              .headers(h -> h.setBasicAuth(clientId, clientSecret))
              .contentType(MediaType.APPLICATION_FORM_URLENCODED)
              .body(form)
              .retrieve()
              .body(Map.class);
      if (answer == null || !(answer.get("access_token") instanceof String accessToken)) {
        throw new IllegalStateException("the token endpoint answered no access_token");
      }
      long lifetime =
          answer.get("expires_in") instanceof Number seconds ? seconds.longValue() : 300;
      token = accessToken;
      renewAt = clock.instant().plusSeconds(lifetime).minus(EARLY);
    }
    return token;
  }
}
