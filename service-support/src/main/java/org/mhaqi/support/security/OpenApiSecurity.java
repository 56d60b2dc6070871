package org.mhaqi.support.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.mhaqi.support.openapi.OpenApiProperties;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * How the OpenAPI document (and so Swagger UI's Authorize button) says to call the API: with a
 * bearer token from the platform's authorization server, either pasted as it is ({@code bearer}),
 * or fetched by Swagger UI itself ({@code oauth2}: client credentials of a demo client, or a person
 * signing in with the authorization code flow and PKCE as public client {@code swagger-ui}). One
 * requirement covers every operation; the public ones ignore it.
 *
 * <p>The URLs are the ones a browser reaches: {@code mhaqi.openapi.auth-url}, by default the
 * issuer.
 */
@AutoConfiguration
@ConditionalOnClass(GlobalOpenApiCustomizer.class)
@EnableConfigurationProperties(OpenApiProperties.class)
public class OpenApiSecurity {

  static final String OAUTH2 = "oauth2";
  static final String BEARER = "bearer";

  @Bean
  GlobalOpenApiCustomizer tokenSecuritySchemes(OpenApiProperties properties) {
    String base = properties.authUrl().replaceAll("/+$", "");
    return openApi -> {
      if (openApi.getComponents() == null) {
        openApi.setComponents(new Components());
      }
      openApi
          .getComponents()
          .addSecuritySchemes(
              OAUTH2,
              new SecurityScheme()
                  .type(SecurityScheme.Type.OAUTH2)
                  .description(
                      "Tokens of the platform's authorization server: a demo client"
                          + " (client credentials), or sign in as a demo user (authorization"
                          + " code, client swagger-ui, PKCE). README.md, \"Roles and tokens\".")
                  .flows(
                      new OAuthFlows()
                          .clientCredentials(
                              new OAuthFlow().tokenUrl(base + "/oauth2/token").scopes(new Scopes()))
                          .authorizationCode(
                              new OAuthFlow()
                                  .authorizationUrl(base + "/oauth2/authorize")
                                  .tokenUrl(base + "/oauth2/token")
                                  .scopes(new Scopes()))))
          .addSecuritySchemes(
              BEARER,
              new SecurityScheme()
                  .type(SecurityScheme.Type.HTTP)
                  .scheme("bearer")
                  .bearerFormat("JWT")
                  .description("An access token of the platform's authorization server"));
      // Either scheme will do: two requirements, each alone.
      openApi.addSecurityItem(new SecurityRequirement().addList(OAUTH2));
      openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
    };
  }
}
