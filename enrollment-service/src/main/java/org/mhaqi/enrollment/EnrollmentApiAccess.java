package org.mhaqi.enrollment;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.mhaqi.support.security.ApiAccess;
import org.mhaqi.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * enrollment-service's role matrix. Whatever is not named here (registering organisations,
 * programmes and phases, admission, decline, completion, waitlists, carry-over, redaction, the
 * audit trail) is for programme administrators only, by the platform's default.
 *
 * <p>Trust members reach their own organisation's records, services, enrolments and project teams;
 * which objects are theirs is decided where they are loaded (OrganisationScope: another
 * organisation's are not found). Coaches and analysts read programmes and phases, which hold no
 * personal data (a phase's occupancy is counts only); nothing with a name or e-mail address.
 */
@Configuration(proxyBeanMethods = false)
class EnrollmentApiAccess {

  private static final String ADMIN = Role.ADMIN.name();
  private static final String TRUST_MEMBER = Role.TRUST_MEMBER.name();
  private static final String COACH = Role.COACH.name();
  private static final String ANALYST = Role.ANALYST.name();

  @Bean
  ApiAccess enrollmentRoles() {
    return requests ->
        requests
            // Programmes and phases: everyone who works in the programme.
            .requestMatchers(
                GET, "/api/programmes", "/api/programmes/*", "/api/programmes/*/phases")
            .hasAnyRole(ADMIN, COACH, TRUST_MEMBER, ANALYST)
            .requestMatchers(GET, "/api/phases/*")
            .hasAnyRole(ADMIN, COACH, TRUST_MEMBER, ANALYST)
            // A trust's own organisation and services.
            .requestMatchers(
                GET,
                "/api/organisations",
                "/api/organisations/*",
                "/api/organisations/*/services",
                "/api/services/*")
            .hasAnyRole(ADMIN, TRUST_MEMBER)
            .requestMatchers(POST, "/api/organisations/*/services")
            .hasAnyRole(ADMIN, TRUST_MEMBER)
            // Its services' enrolments: apply, follow, commit, withdraw.
            .requestMatchers(POST, "/api/enrollments")
            .hasAnyRole(ADMIN, TRUST_MEMBER)
            .requestMatchers(
                GET, "/api/enrollments", "/api/enrollments/*", "/api/enrollments/*/history")
            .hasAnyRole(ADMIN, TRUST_MEMBER)
            .requestMatchers(PUT, "/api/enrollments/*/executive-commitment")
            .hasAnyRole(ADMIN, TRUST_MEMBER)
            .requestMatchers(POST, "/api/enrollments/*/withdrawal")
            .hasAnyRole(ADMIN, TRUST_MEMBER)
            // Their project teams, and erasure of their members' personal data.
            .requestMatchers(GET, "/api/enrollments/*/team-members")
            .hasAnyRole(ADMIN, TRUST_MEMBER)
            .requestMatchers(POST, "/api/enrollments/*/team-members")
            .hasAnyRole(ADMIN, TRUST_MEMBER)
            .requestMatchers(DELETE, "/api/enrollments/*/team-members/*")
            .hasAnyRole(ADMIN, TRUST_MEMBER)
            .requestMatchers(POST, "/api/team-members/*/erasure")
            .hasAnyRole(ADMIN, TRUST_MEMBER);
  }
}
