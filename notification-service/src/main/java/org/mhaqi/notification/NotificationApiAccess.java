package org.mhaqi.notification;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.mhaqi.support.security.ApiAccess;
import org.mhaqi.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * notification-service's role matrix. Which contacts a trust member or coach reaches is decided
 * where they are loaded (Contacts); whatever no rule names (the failed messages, the admin API)
 * stays for administrators.
 *
 * <pre>
 * operation                                          ADMIN COACH TRUST_MEMBER ANALYST
 * POST, GET /api/contacts; GET, DELETE /api/contacts/{id}; PUT .../kinds
 *                                                      x   own    own org
 * GET, POST /unsubscribe/{token}                       anyone: the signed token is the proof
 * </pre>
 *
 * Analysts never reach contacts: they are names and e-mail addresses.
 */
@Configuration(proxyBeanMethods = false)
class NotificationApiAccess {

  private static final String ADMIN = Role.ADMIN.name();
  private static final String COACH = Role.COACH.name();
  private static final String TRUST_MEMBER = Role.TRUST_MEMBER.name();

  @Bean
  ApiAccess notificationRoles() {
    return requests ->
        requests
            .requestMatchers(GET, "/unsubscribe/*")
            .permitAll()
            .requestMatchers(POST, "/unsubscribe/*")
            .permitAll()
            .requestMatchers(GET, "/api/contacts", "/api/contacts/*")
            .hasAnyRole(ADMIN, COACH, TRUST_MEMBER)
            .requestMatchers(POST, "/api/contacts")
            .hasAnyRole(ADMIN, COACH, TRUST_MEMBER)
            .requestMatchers(PUT, "/api/contacts/*/kinds")
            .hasAnyRole(ADMIN, COACH, TRUST_MEMBER)
            .requestMatchers(DELETE, "/api/contacts/*")
            .hasAnyRole(ADMIN, COACH, TRUST_MEMBER);
  }
}
