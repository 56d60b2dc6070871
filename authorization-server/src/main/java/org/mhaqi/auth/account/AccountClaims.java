package org.mhaqi.auth.account;

import java.util.Optional;
import org.mhaqi.auth.AuthProperties;

/** The claims of a configured client or user by its name, for the tokens issued to it. */
public final class AccountClaims {

  private final AuthProperties properties;

  AccountClaims(AuthProperties properties) {
    this.properties = properties;
  }

  public Optional<Claims> ofClient(String clientId) {
    return Optional.ofNullable(properties.clients().get(clientId)).map(ClientAccount::claims);
  }

  public Optional<Claims> ofUser(String username) {
    return Optional.ofNullable(properties.users().get(username)).map(UserAccount::claims);
  }

  public boolean isClient(String clientId) {
    return properties.clients().containsKey(clientId);
  }
}
