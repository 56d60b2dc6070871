package org.mhaqi.auth.token;

import java.util.List;
import org.mhaqi.auth.account.AccountClaims;
import org.mhaqi.auth.account.Claims;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the security contract's claims into every access token: {@code aud} with the platform's
 * audience, {@code roles}, and {@code organisation} and {@code email} where the account has them. A
 * client-credentials token carries the client's claims ({@code sub} is the client id); a token a
 * person authorized carries that user's ({@code sub} is the user name).
 */
public final class ContractClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final AccountClaims accounts;
  private final String audience;

  public ContractClaims(AccountClaims accounts, String audience) {
    this.accounts = accounts;
    this.audience = audience;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    Claims claims =
        AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())
            ? accounts.ofClient(context.getRegisteredClient().getClientId()).orElse(null)
            : accounts.ofUser(context.getPrincipal().getName()).orElse(null);
    if (claims == null) {
      // Not an account of the configuration: a token without roles is refused by every service.
      claims = new Claims(List.of(), null, null);
    }
    JwtClaimsSet.Builder jwt = context.getClaims();
    jwt.audience(List.of(audience));
    jwt.claim("roles", claims.roles());
    if (claims.organisation() != null) {
      jwt.claim("organisation", claims.organisation());
    }
    if (claims.email() != null) {
      jwt.claim("email", claims.email());
    }
  }
}
