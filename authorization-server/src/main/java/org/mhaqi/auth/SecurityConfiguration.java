package org.mhaqi.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.mhaqi.auth.account.AccountClaims;
import org.mhaqi.auth.key.SigningKey;
import org.mhaqi.auth.ratelimit.TokenRateLimitFilter;
import org.mhaqi.auth.token.ContractClaims;
import org.mhaqi.auth.token.ExpiringAuthorizationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Two filter chains: the authorization server's endpoints (token, authorize, JWKS, metadata) with
 * CORS for the services' Swagger UI and the per-client rate limit on the token endpoint; and the
 * rest, where health and info are public and the login form signs users in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  @Bean
  AuthorizationServerSettings authorizationServerSettings(
      AuthProperties properties, @Value("${server.port:9000}") int port) {
    String issuer =
        properties.issuer() == null || properties.issuer().isBlank()
            ? "http://127.0.0.1:" + port
            : properties.issuer().replaceAll("/+$", "");
    return AuthorizationServerSettings.builder().issuer(issuer).build();
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(AuthProperties properties) {
    RSAKey key;
    if (properties.keyFile() == null) {
      key = SigningKey.generate();
      log.info("Signing tokens with a key made for this run (kid {})", key.getKeyID());
    } else {
      key = SigningKey.fromFile(properties.keyFile());
      log.info("Signing tokens with the key in {} (kid {})", properties.keyFile(), key.getKeyID());
    }
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  OAuth2AuthorizationService authorizationService() {
    return new ExpiringAuthorizationService(Clock.systemUTC());
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> contractClaims(
      AccountClaims accounts, AuthProperties properties) {
    return new ContractClaims(accounts, properties.audience());
  }

  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerChain(
      HttpSecurity http,
      AuthProperties properties,
      AuthorizationServerSettings settings,
      AccountClaims accounts)
      throws Exception {
    http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
        .authorizeHttpRequests(authorize -> authorize.anyRequest().authenticated())
        .cors(Customizer.withDefaults())
        .addFilterAfter(
            new TokenRateLimitFilter(
                properties.rateLimit(), settings.getTokenEndpoint(), accounts::isClient),
            CorsFilter.class)
        // A browser that is not signed in yet is sent to the login form; curl and other
        // programs (Accept */* or none) get 401.
        .exceptionHandling(
            exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"), browserPages()));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain defaultChain(HttpSecurity http) throws Exception {
    // CORS here too: a browser's preflight (OPTIONS) of the token endpoint is no endpoint of the
    // authorization server's chain.
    http.cors(Customizer.withDefaults())
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(EndpointRequest.to("health", "info"))
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(Customizer.withDefaults());
    return http.build();
  }

  private static MediaTypeRequestMatcher browserPages() {
    MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    return html;
  }

  /** The services' origins may call the token endpoint, the JWKS and the metadata from a page. */
  @Bean
  CorsConfigurationSource corsConfigurationSource(
      AuthProperties properties, AuthorizationServerSettings settings) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(properties.corsAllowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Requested-With"));
    cors.setExposedHeaders(List.of("Retry-After"));
    cors.setMaxAge(3600L);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration(settings.getTokenEndpoint(), cors);
    source.registerCorsConfiguration(settings.getJwkSetEndpoint(), cors);
    source.registerCorsConfiguration("/.well-known/**", cors);
    return source;
  }
}
