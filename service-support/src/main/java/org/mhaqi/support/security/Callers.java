package org.mhaqi.support.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the request this thread is handling. */
public final class Callers {

  static final String ROLES_CLAIM = "roles";
  static final String ORGANISATION_CLAIM = "organisation";
  static final String EMAIL_CLAIM = "email";

  private Callers() {}

  /**
   * The authenticated caller; {@link Caller#ANONYMOUS} for a request without a token (only public
   * paths let one through); {@link Caller#SYSTEM} outside any request (an event consumer, a
   * scheduled job), where nobody is authenticated at all.
   */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return of(token.getToken());
    }
    return authentication == null ? Caller.SYSTEM : Caller.ANONYMOUS;
  }

  /** The caller a validated token describes; roles it does not know are ignored. */
  public static Caller of(Jwt jwt) {
    return new Caller(
        jwt.getSubject(),
        roles(jwt.getClaim(ROLES_CLAIM)),
        blankToNull(jwt.getClaimAsString(ORGANISATION_CLAIM)),
        blankToNull(jwt.getClaimAsString(EMAIL_CLAIM)));
  }

  static Set<Role> roles(Object claim) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (claim instanceof Collection<?> values) {
      for (Object value : values) {
        for (Role role : Role.values()) {
          if (role.name().equalsIgnoreCase(String.valueOf(value))) {
            roles.add(role);
          }
        }
      }
    }
    return roles;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
