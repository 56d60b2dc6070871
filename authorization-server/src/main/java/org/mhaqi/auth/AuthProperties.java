package org.mhaqi.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.mhaqi.auth.account.ClientAccount;
import org.mhaqi.auth.account.UserAccount;
import org.mhaqi.auth.ratelimit.RateLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What operators configure ({@code mhaqi.auth.*}), all without code.
 *
 * @param issuer the {@code iss} of every token; services compare it with their {@code
 *     AUTH_SERVER_URL}
 * @param audience put into every access token's {@code aud}
 * @param keyFile the RSA signing key as PKCS#8 PEM, created on first start; without it a new key
 *     per start (tokens then die with the process)
 * @param tokenTimeToLive how long an access token is valid
 * @param corsAllowedOrigins browser origins (the services' Swagger UI) allowed to call the token
 *     endpoint and the JWKS
 * @param rateLimit token requests allowed per client before 429
 * @param clients the registered clients by client id: secret, grant types, roles and claims
 * @param users the people who sign in on the login form, by user name: password, roles and claims
 */
@ConfigurationProperties("mhaqi.auth")
public record AuthProperties(
    String issuer,
    @DefaultValue("mhaqi-api") String audience,
    Path keyFile,
    @DefaultValue("15m") Duration tokenTimeToLive,
    List<String> corsAllowedOrigins,
    @DefaultValue @NestedConfigurationProperty RateLimit rateLimit,
    Map<String, ClientAccount> clients,
    Map<String, UserAccount> users) {

  public AuthProperties {
    corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
    clients = clients == null ? Map.of() : Map.copyOf(clients);
    users = users == null ? Map.of() : Map.copyOf(users);
  }
}
