package org.mhaqi.evaluation.web;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.mhaqi.support.security.ApiAccess;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * evaluation-service's role matrix: which role reaches which operation (403 otherwise). Which of a
 * service's objects a trust member reaches is decided where they are loaded ({@code
 * OrganisationScope}: another organisation's is a 404, lists hold their own only). Anything not
 * named here, /api/admin/** among it (rebuild, dead letters, audit, redactions), stays for
 * administrators only.
 *
 * <p>Programme-wide aggregates (phase, region and pilot-against-wider reports, engagement per
 * phase, region and level) are not for trust members: a region or level with one or two services
 * would show another organisation's figures. The published, suppressed form of the phase report is
 * the public /reports pages. The returns export has a row per service: administrators and analysts.
 *
 * <p>The learning network (independent-sector providers that cannot enrol) reads the shared
 * change-idea library and the programme reports, suppressed as for anyone, and nothing else.
 */
@Component
class EvaluationApiAccess implements ApiAccess {

  private static final String ADMIN = "ADMIN";
  private static final String COACH = "COACH";
  private static final String TRUST_MEMBER = "TRUST_MEMBER";
  private static final String ANALYST = "ANALYST";
  private static final String NETWORK = "LEARNING_NETWORK";

  @Override
  public void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests) {
    requests
        // A service's own records, kept by its trust's team (scoped to their organisation).
        .requestMatchers(
            GET,
            "/api/services/*/data-returns",
            "/api/services/*/data-returns/**",
            "/api/services/*/time-commitment",
            "/api/time-commitment",
            "/api/services/*/measures/*/spc-decisions")
        .hasAnyRole(ADMIN, TRUST_MEMBER)
        .requestMatchers(
            POST,
            "/api/services/*/data-returns",
            "/api/services/*/change-ideas",
            "/api/change-ideas/*/cycles",
            "/api/change-ideas/*/cycles/*/outcome",
            "/api/change-ideas/*/sharing",
            "/api/change-ideas/*/adopted-from",
            "/api/services/*/time-commitment",
            "/api/services/*/measures/*/spc-decisions")
        .hasAnyRole(ADMIN, TRUST_MEMBER)
        .requestMatchers(DELETE, "/api/spc-decisions/*", "/api/change-ideas/*/sharing")
        .hasAnyRole(ADMIN, TRUST_MEMBER)
        // The change idea library: no names in it (the recorder is not answered).
        .requestMatchers(GET, "/api/change-ideas", "/api/change-ideas/*")
        .hasAnyRole(ADMIN, TRUST_MEMBER, ANALYST)
        // The shared library: what teams chose to share, every team's, for everyone in the
        // programme to learn from (no names in it).
        .requestMatchers(GET, "/api/shared-change-ideas", "/api/shared-change-ideas/*")
        .hasAnyRole(ADMIN, TRUST_MEMBER, ANALYST, COACH, NETWORK)
        // One service's figures: its own trust's members too.
        .requestMatchers(
            GET,
            "/api/reports/phases/*/services/*",
            "/api/reports/phases/*/services/*/summary",
            "/api/reports/phases/*/services/*/summary.csv",
            "/api/engagement/services",
            "/api/engagement/services/*")
        .hasAnyRole(ADMIN, ANALYST, COACH, TRUST_MEMBER)
        // The export of every service's returns, per service: evaluators.
        .requestMatchers(GET, "/api/reports/phases/*/returns.csv")
        .hasAnyRole(ADMIN, ANALYST)
        // The programme's reports (suppressed), as published: the learning network reads them too.
        .requestMatchers(
            GET,
            "/api/reports/phases/*",
            "/api/reports/phases/*/summary",
            "/api/reports/phases/*/summary.csv",
            "/api/reports/phases/*/regions/*",
            "/api/reports/pilot-vs-wider")
        .hasAnyRole(ADMIN, ANALYST, COACH, NETWORK)
        // Programme-wide engagement.
        .requestMatchers(
            GET, "/api/engagement/phases", "/api/engagement/regions", "/api/engagement/levels")
        .hasAnyRole(ADMIN, ANALYST, COACH)
        // Catalogues everyone works with.
        .requestMatchers(GET, "/api/measures", "/api/measures/*", "/api/ethnic-categories")
        .hasAnyRole(ADMIN, ANALYST, COACH, TRUST_MEMBER)
        // Computations on figures the caller sends: nothing stored, nothing read.
        .requestMatchers(
            POST, "/api/analysis/spc", "/api/analysis/rate-ratio", "/api/analysis/spc/chart.svg")
        .hasAnyRole(ADMIN, ANALYST);
  }
}
