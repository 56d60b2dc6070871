package org.mhaqi.support.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Every API takes a bearer token (a JWT validated by Spring Security's resource server against the
 * authorization server's keys, issuer and audience: service-defaults.yml). Public: health, the API
 * documents and Swagger UI, the report pages (the programme's publication of suppressed aggregates)
 * and calendar feeds (authenticated by the token in their URL). The rest of the actuator is for
 * operators; each service opens its operations to roles with {@link ApiAccess}; whatever under
 * {@code /api} no rule opens is for administrators only.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(RateLimitProperties.class)
public class SecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http, ObjectProvider<ApiAccess> serviceRules, RateLimitProperties rateLimit)
      throws Exception {
    AuthenticationEntryPoint unauthenticated = unauthenticated();
    AccessDeniedHandler forbidden = forbidden();
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .anonymous(Customizer.withDefaults())
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(Customizer.withDefaults())
                    .authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
        .authorizeHttpRequests(
            requests -> {
              requests
                  .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                  .permitAll()
                  .requestMatchers("/actuator", "/actuator/**")
                  .hasRole(Role.OPERATOR.name())
                  .requestMatchers(
                      "/v3/api-docs",
                      "/v3/api-docs/**",
                      "/v3/api-docs.yaml",
                      "/swagger-ui.html",
                      "/swagger-ui/**",
                      "/calendars/**",
                      "/error",
                      "/favicon.ico")
                  .permitAll();
              serviceRules.orderedStream().forEach(rules -> rules.authorize(requests));
              requests
                  .requestMatchers("/api", "/api/**")
                  .hasRole(Role.ADMIN.name())
                  .anyRequest()
                  .authenticated();
            })
        // Not a bean: Boot would also register a bean filter with the servlet container, outside
        // the security chain, where no caller is known yet.
        .addFilterAfter(new WriteRateLimit(rateLimit), BearerTokenAuthenticationFilter.class);
    return http.build();
  }

  /** 401 with the bearer challenge (RFC 6750) and a problem+json body saying why. */
  private static AuthenticationEntryPoint unauthenticated() {
    BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    return (request, response, exception) -> {
      challenge.commence(request, response, exception);
      ProblemAnswers.write(
          response,
          401,
          "unauthenticated",
          "Authentication required",
          request.getHeader("Authorization") == null
              ? "This API takes an OAuth2 bearer token from the platform's authorization server:"
                  + " Authorization: Bearer <token>."
              : "The bearer token was refused: " + exception.getMessage(),
          path(request));
    };
  }

  /** 403: the caller's roles do not reach this operation at all. */
  private static AccessDeniedHandler forbidden() {
    BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
    return (request, response, exception) -> {
      challenge.handle(request, response, exception);
      ProblemAnswers.write(
          response,
          403,
          "forbidden",
          "Not allowed for your role",
          "Your roles ("
              + Callers.current().roles()
              + ") do not allow "
              + request.getMethod()
              + " "
              + path(request)
              + ".",
          path(request));
    };
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI();
  }
}
