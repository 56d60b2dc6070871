/**
 * Who may call what: every API takes an OAuth2 bearer token (a JWT from the platform's
 * authorization server, checked for signature, issuer, audience and expiry), its {@code roles}
 * claim decides which operations a caller reaches ({@link org.mhaqi.support.security.ApiAccess} per
 * service), and a trust member's {@code organisation} claim scopes what they see.
 */
package org.mhaqi.support.security;
