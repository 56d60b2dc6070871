package org.mhaqi.coaching;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.mhaqi.support.security.ApiAccess;
import org.mhaqi.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * coaching-service's role matrix, beside the application rather than in a feature package: it
 * depends on no feature and no feature on it. Rules apply in order, the first that matches decides;
 * whatever no rule names (registering coaches, listing them, staffing, erasure, redaction, learning
 * events, the admin API) stays for administrators.
 *
 * <pre>
 * operation                                         ADMIN COACH TRUST_MEMBER ANALYST
 * GET    /api/sessions/unstaffed                      x
 * GET    /api/coaches/{id}, .../sessions, .../calendar.ics
 *                                                     x   own
 * POST   /api/coaches/{id}/days-away, DELETE same     x   own
 * GET    /api/services/{id}/calendar.ics              x          own org
 * GET    /api/enrollments/{id}/plan (and /enrolments) x          own org      x
 * GET    /api/plans                                   x          own org      x
 * GET    /api/sessions/{id}                           x   own    own org      x
 * GET    /api/sessions/{id}/history                   x   own    own org
 * POST   /api/sessions/{id}/reschedule|cancellation|completion
 *                                                     x   own
 * POST, GET /api/calendar-subscriptions, DELETE /{id} x   own    own org
 * GET, POST /api/learning-events, GET /{id}, POST /{id}/attendance
 *                                                     x
 * </pre>
 *
 * The analyst reads plans and sessions, which carry ids and no names; never a coach's record, nor a
 * session's history, whose recorded actors are people.
 */
@Configuration(proxyBeanMethods = false)
class CoachingApiAccess {

  private static final String ADMIN = Role.ADMIN.name();
  private static final String COACH = Role.COACH.name();
  private static final String TRUST_MEMBER = Role.TRUST_MEMBER.name();
  private static final String ANALYST = Role.ANALYST.name();

  @Bean
  ApiAccess coachingRoles() {
    return requests ->
        requests
            // Before /api/sessions/*, which would match it.
            .requestMatchers(GET, "/api/sessions/unstaffed")
            .hasRole(ADMIN)
            .requestMatchers(GET, "/api/coaches/*", "/api/coaches/*/sessions")
            .hasAnyRole(ADMIN, COACH)
            .requestMatchers(GET, "/api/coaches/*/calendar.ics")
            .hasAnyRole(ADMIN, COACH)
            .requestMatchers(POST, "/api/coaches/*/days-away")
            .hasAnyRole(ADMIN, COACH)
            .requestMatchers(DELETE, "/api/coaches/*/days-away")
            .hasAnyRole(ADMIN, COACH)
            .requestMatchers(GET, "/api/services/*/calendar.ics")
            .hasAnyRole(ADMIN, TRUST_MEMBER)
            // Both spellings: the plan's address and its old one, which redirects to it.
            .requestMatchers(GET, "/api/enrol*/*/plan", "/api/plans")
            .hasAnyRole(ADMIN, TRUST_MEMBER, ANALYST)
            .requestMatchers(GET, "/api/sessions/*")
            .hasAnyRole(ADMIN, COACH, TRUST_MEMBER, ANALYST)
            .requestMatchers(GET, "/api/sessions/*/history")
            .hasAnyRole(ADMIN, COACH, TRUST_MEMBER)
            .requestMatchers(
                POST,
                "/api/sessions/*/reschedule",
                "/api/sessions/*/cancellation",
                "/api/sessions/*/completion")
            .hasAnyRole(ADMIN, COACH)
            .requestMatchers(GET, "/api/calendar-subscriptions")
            .hasAnyRole(ADMIN, COACH, TRUST_MEMBER)
            .requestMatchers(POST, "/api/calendar-subscriptions")
            .hasAnyRole(ADMIN, COACH, TRUST_MEMBER)
            .requestMatchers(DELETE, "/api/calendar-subscriptions/*")
            .hasAnyRole(ADMIN, COACH, TRUST_MEMBER);
  }
}
