package org.mhaqi.support.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Who is calling, from their validated token: its subject (recorded as the actor of what they
 * change), roles, and for a trust member the ODS code of their organisation, for a coach their
 * e-mail address. Never from a header, path or body.
 *
 * @param subject the token's {@code sub}: a user name or, for a client's own token, its client id
 * @param organisation the {@code organisation} claim (an ODS code, e.g. "RX4"); null when absent
 * @param email the {@code email} claim, how coaching-service knows a coach; null when absent
 */
public record Caller(String subject, Set<Role> roles, String organisation, String email) {

  /** What the platform does on its own, e.g. applying another service's event. */
  public static final Caller SYSTEM = new Caller("system", EnumSet.of(Role.ADMIN), null, null);

  /**
   * Somebody without a token on a page that is public (a published report): no role at all, so that
   * nothing they are shown depends on a right they do not have.
   */
  public static final Caller ANONYMOUS =
      new Caller("anonymous", EnumSet.noneOf(Role.class), null, null);

  public Caller {
    roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isAdmin() {
    return has(Role.ADMIN);
  }

  /**
   * Whether what the caller reaches is limited to one organisation's: a trust member who is not
   * also an administrator. Their queries are scoped by {@link #organisation()}.
   */
  public boolean isOrganisationScoped() {
    return has(Role.TRUST_MEMBER) && !isAdmin();
  }

  /**
   * The ODS code a query must be limited to, for SQL such as {@code (cast(:ods AS text) IS NULL OR
   * ods_code = :ods)}: null when the caller sees every organisation's objects; for a trust member
   * their organisation's code in upper case, or "" (no organisation's) when their token names none.
   */
  public String odsCodeFilter() {
    if (!isOrganisationScoped()) {
      return null;
    }
    return organisation == null ? "" : organisation.toUpperCase(Locale.ROOT);
  }

  /**
   * Whether an object of the organisation with this ODS code is the caller's to see: always for an
   * administrator, for a trust member only their own. Other roles are limited by the endpoints they
   * may call at all (ApiAccess), not here.
   */
  public boolean maySee(String odsCode) {
    return !isOrganisationScoped()
        || (organisation != null && organisation.equalsIgnoreCase(odsCode));
  }
}
