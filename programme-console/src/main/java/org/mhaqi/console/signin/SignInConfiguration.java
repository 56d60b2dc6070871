package org.mhaqi.console.signin;

import jakarta.servlet.http.HttpServletRequest;
import org.mhaqi.console.ConsoleProperties;
import org.mhaqi.console.draft.FormDrafts;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Every page needs a signed-in user: the browser is sent to the platform's authorization server
 * (authorization code with PKCE); the tokens stay in this server's session. CSRF on every POST,
 * with the token in a cookie so that a form sent after the session ended still counts as the user's
 * (its input is kept as a draft, see {@link FormDrafts}). A Content-Security-Policy without inline
 * scripts or styles; no caching of pages (Spring Security's default headers).
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

  static final String REGISTRATION = ConsoleProperties.CLIENT_REGISTRATION;
  static final String SIGN_IN = "/oauth2/authorization/" + REGISTRATION;

  /** The user's tokens live and die with their session, never in the browser. */
  @Bean
  OAuth2AuthorizedClientRepository authorizedClientRepository() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
  }

  @Bean
  SecurityFilterChain pages(
      HttpSecurity http,
      ClientRegistrationRepository registrations,
      ConsoleProperties properties,
      FormDrafts drafts)
      throws Exception {
    DefaultOAuth2AuthorizationRequestResolver pkce =
        new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
    pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    String jwks =
        registrations.findByRegistrationId(REGISTRATION).getProviderDetails().getJwkSetUri();
    CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
    csrfTokens.setCookieName("PROGRAMME_CONSOLE_CSRF");
    csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax").path("/"));
    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(
                        "/nhsuk-frontend/**",
                        "/console/**",
                        "/signed-out",
                        "/session-ended",
                        "/error",
                        "/favicon.ico")
                    .permitAll()
                    .requestMatchers(EndpointRequest.to("health", "info"))
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2Login(
            login ->
                login
                    .loginPage(SIGN_IN)
                    .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(pkce))
                    .userInfoEndpoint(
                        userInfo ->
                            userInfo.userService(
                                new AccessTokenUsers(NimbusJwtDecoder.withJwkSetUri(jwks).build())))
                    .successHandler(resumeDrafts(drafts)))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn()))
        .logout(
            logout ->
                logout.logoutSuccessUrl("/signed-out").deleteCookies("PROGRAMME_CONSOLE_SESSION"))
        .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
        .addFilterAfter(new DraftKeepingFilter(drafts), CsrfFilter.class)
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  static String contentSecurityPolicy(ConsoleProperties properties) {
    String auth = properties.authServerUrl().toString().replaceAll("/+$", "");
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none';"
        // A form sent after the session ended is redirected to the sign-in.
        + " form-action 'self' "
        + auth;
  }

  /**
   * Not signed in: straight to the sign-in, unless the browser brought a session that has ended,
   * which deserves a word of explanation first.
   */
  private static AuthenticationEntryPoint signIn() {
    return (request, response, exception) ->
        response.sendRedirect(
            request.getContextPath() + (sessionEnded(request) ? "/session-ended" : SIGN_IN));
  }

  private static boolean sessionEnded(HttpServletRequest request) {
    return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
  }

  /** After signing in again, back to the form whose input was kept. */
  private static AuthenticationSuccessHandler resumeDrafts(FormDrafts drafts) {
    SavedRequestAwareAuthenticationSuccessHandler otherwise =
        new SavedRequestAwareAuthenticationSuccessHandler();
    return (request, response, authentication) -> {
      String resume = drafts.takeResumePath(request);
      if (resume != null) {
        response.sendRedirect(request.getContextPath() + resume);
      } else {
        otherwise.onAuthenticationSuccess(request, response, authentication);
      }
    };
  }
}
