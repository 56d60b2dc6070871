package org.mhaqi.evaluation.publication;

import static org.springframework.http.HttpMethod.GET;

import java.util.UUID;
import org.mhaqi.support.security.ApiAccess;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;

/**
 * Who reads a phase's report pages: anyone once the central team has published it; before, those
 * who may read the phase's reports through the API (a trust member its own services' pages only, as
 * {@code OrganisationScope} decides where they are loaded). Without a token an unpublished report
 * is a 401, as any API call without one; with a role that may not read it, a 403.
 */
@Component
class ReportAccess implements ApiAccess {

  private final ReportPublications publications;

  ReportAccess(ReportPublications publications) {
    this.publications = publications;
  }

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        // The index lists what the caller may read: published reports to everyone.
        .requestMatchers(GET, "/reports")
        .permitAll()
        // Every phase side by side, published or not: those who read the API's comparison.
        .requestMatchers(GET, "/reports/pilot-vs-wider", "/reports/pilot-vs-wider/**")
        .hasAnyRole("ADMIN", "ANALYST", "COACH", "LEARNING_NETWORK")
        .requestMatchers(
            GET,
            "/reports/phases/{phaseId}",
            "/reports/phases/{phaseId}/measures/**",
            "/reports/phases/{phaseId}/engagement/**")
        .access(publishedOr("ADMIN", "ANALYST", "COACH"))
        .requestMatchers(
            GET,
            "/reports/phases/{phaseId}/services/{serviceId}",
            "/reports/phases/{phaseId}/services/{serviceId}/**")
        .access(publishedOr("ADMIN", "ANALYST", "COACH", "TRUST_MEMBER"));
  }

  private AuthorizationManager<RequestAuthorizationContext> publishedOr(String... roles) {
    AuthorizationManager<RequestAuthorizationContext> published =
        (authentication, context) ->
            new AuthorizationDecision(published(context.getVariables().get("phaseId")));
    return AuthorizationManagers.anyOf(published, AuthorityAuthorizationManager.hasAnyRole(roles));
  }

  private boolean published(String phaseId) {
    try {
      return phaseId != null && publications.published(UUID.fromString(phaseId));
    } catch (IllegalArgumentException notAPhaseId) {
      // Not an id: nothing published by that name; readers get the page's own 400.
      return false;
    }
  }
}
