package org.mhaqi.auth.account;

import java.util.List;

/**
 * The fixed claims of a client or user, as the security contract names them: {@code roles} (ADMIN,
 * COACH, TRUST_MEMBER, ANALYST, OPERATOR, LEARNING_NETWORK), {@code organisation} (a trust member's
 * or a learning-network provider's ODS code) and {@code email} (a coach's address).
 */
public record Claims(List<String> roles, String organisation, String email) {

  static final List<String> ROLES =
      List.of("ADMIN", "COACH", "TRUST_MEMBER", "ANALYST", "OPERATOR", "LEARNING_NETWORK");

  public Claims {
    roles = roles == null ? List.of() : List.copyOf(roles);
    for (String role : roles) {
      if (!ROLES.contains(role)) {
        throw new IllegalArgumentException("unknown role " + role + "; one of " + ROLES);
      }
    }
    if (roles.contains("TRUST_MEMBER") && (organisation == null || organisation.isBlank())) {
      throw new IllegalArgumentException("a TRUST_MEMBER needs an organisation (ODS code)");
    }
    if (roles.contains("LEARNING_NETWORK") && (organisation == null || organisation.isBlank())) {
      throw new IllegalArgumentException(
          "a LEARNING_NETWORK member needs an organisation (ODS code)");
    }
    if (roles.contains("COACH") && (email == null || email.isBlank())) {
      throw new IllegalArgumentException("a COACH needs an email");
    }
    organisation = blankToNull(organisation);
    email = blankToNull(email);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
