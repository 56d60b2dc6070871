package org.mhaqi.auth.account;

import java.util.List;

/**
 * A person who signs in on the login form ({@code mhaqi.auth.users.<username>.*}) to authorize a
 * client such as the services' Swagger UI; their tokens carry these claims.
 *
 * @param password plain or already encoded ({@code {bcrypt}...})
 */
public record UserAccount(String password, List<String> roles, String organisation, String email) {

  public UserAccount {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  public Claims claims() {
    return new Claims(roles, organisation, email);
  }
}
