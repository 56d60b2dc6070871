package org.mhaqi.auth.account;

import java.util.List;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A registered client ({@code mhaqi.auth.clients.<client-id>.*}).
 *
 * @param secret the client secret (client_secret_basic or client_secret_post); plain or already
 *     encoded ({@code {bcrypt}...}); blank for a public client, which must use PKCE
 * @param grantTypes {@code client_credentials}, {@code authorization_code}, {@code refresh_token}
 * @param redirectUris where an authorization code may be sent (authorization_code only)
 * @param scopes scopes the client may ask for
 * @param requireProofKey whether a confidential client must use PKCE too (a public one always must)
 */
public record ClientAccount(
    String secret,
    @DefaultValue("client_credentials") List<String> grantTypes,
    List<String> redirectUris,
    List<String> scopes,
    boolean requireProofKey,
    List<String> roles,
    String organisation,
    String email) {

  public ClientAccount {
    grantTypes = List.copyOf(grantTypes);
    redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  public boolean isPublic() {
    return secret == null || secret.isBlank();
  }

  /** The claims a client-credentials token of this client carries. */
  public Claims claims() {
    return new Claims(roles, organisation, email);
  }
}
