package org.mhaqi.support.security;

/**
 * What a caller may do, from the {@code roles} claim of their token. The matrix of which role
 * reaches which operation is in the README ("Roles") and each service's {@code ApiAccess}.
 */
public enum Role {
  /** The programme's central team: everything. */
  ADMIN,
  /** A coach: their own sessions and calendar, recording attendance. */
  COACH,
  /** Staff of an NHS trust: their own organisation's services, from the token's organisation. */
  TRUST_MEMBER,
  /** Read-only reports and exports; never a name or an e-mail address. */
  ANALYST,
  /** Operators' tools (Prometheus, the console): the actuator endpoints beyond health. */
  OPERATOR,
  /**
   * A provider of the learning network (independent sector, not eligible to enrol): the shared
   * change-idea library and the published programme reports, nothing else; the organisation claim
   * names the provider.
   */
  LEARNING_NETWORK;

  /** The Spring Security authority the role becomes, as {@code hasRole} expects it. */
  public String authority() {
    return "ROLE_" + name();
  }
}
