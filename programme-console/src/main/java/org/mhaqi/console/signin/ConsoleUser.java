package org.mhaqi.console.signin;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The signed-in person as their access token describes them: the same claims the services decide
 * access by, so that the pages offer only what the services will allow.
 *
 * @param name the token's {@code sub} (the user name)
 * @param roles the token's {@code roles}
 * @param organisation the ODS code of a trust member's organisation, else null
 * @param email a coach's e-mail address, else null
 */
public record ConsoleUser(String name, List<String> roles, String organisation, String email)
    implements OAuth2User, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  public ConsoleUser {
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  /** From a verified token's claims. */
  public static ConsoleUser of(Map<String, Object> claims) {
    Object roles = claims.get("roles");
    return new ConsoleUser(
        String.valueOf(claims.get("sub")),
        roles instanceof Collection<?> c ? c.stream().map(String::valueOf).toList() : List.of(),
        (String) claims.get("organisation"),
        (String) claims.get("email"));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public Map<String, Object> getAttributes() {
    return Map.of("sub", name, "roles", roles);
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
  }
}
