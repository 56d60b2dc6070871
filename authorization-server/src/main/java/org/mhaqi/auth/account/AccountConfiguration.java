package org.mhaqi.auth.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mhaqi.auth.AuthProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The registered clients and the users, in memory, from {@code mhaqi.auth.clients} and {@code
 * mhaqi.auth.users}. Secrets and passwords may be given plain (encoded here) or already encoded
 * ({@code {bcrypt}...}).
 */
@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AccountClaims accountClaims(AuthProperties properties) {
    return new AccountClaims(properties);
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(
      AuthProperties properties, PasswordEncoder encoder) {
    List<RegisteredClient> clients = new ArrayList<>();
    TokenSettings tokens =
        TokenSettings.builder().accessTokenTimeToLive(properties.tokenTimeToLive()).build();
    for (Map.Entry<String, ClientAccount> entry : properties.clients().entrySet()) {
      String id = entry.getKey();
      ClientAccount client = entry.getValue();
      invalidIfThrows("mhaqi.auth.clients." + id, client::claims);
      RegisteredClient.Builder builder =
          RegisteredClient.withId(id).clientId(id).tokenSettings(tokens);
      if (client.isPublic()) {
        // A public client (a browser) proves it started the flow with PKCE instead of a secret.
        builder
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .clientSettings(
                ClientSettings.builder()
                    .requireProofKey(true)
                    .requireAuthorizationConsent(false)
                    .build());
      } else {
        builder
            .clientSecret(encoded(encoder, client.secret()))
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .clientSettings(
                ClientSettings.builder()
                    .requireProofKey(client.requireProofKey())
                    .requireAuthorizationConsent(false)
                    .build());
      }
      client
          .grantTypes()
          .forEach(g -> builder.authorizationGrantType(new AuthorizationGrantType(g)));
      client.redirectUris().forEach(builder::redirectUri);
      client.scopes().forEach(builder::scope);
      clients.add(builder.build());
    }
    if (clients.isEmpty()) {
      throw new IllegalStateException("no client is configured (mhaqi.auth.clients)");
    }
    return new InMemoryRegisteredClientRepository(clients);
  }

  @Bean
  UserDetailsService userDetailsService(AuthProperties properties, PasswordEncoder encoder) {
    List<UserDetails> users = new ArrayList<>();
    properties
        .users()
        .forEach(
            (name, user) -> {
              invalidIfThrows("mhaqi.auth.users." + name, user::claims);
              users.add(
                  User.withUsername(name)
                      .password(encoded(encoder, user.password()))
                      .roles(user.roles().toArray(String[]::new))
                      .build());
            });
    return new InMemoryUserDetailsManager(users);
  }

  /** A value already encoded ({@code {id}...}) stays as it is; a plain one is encoded. */
  private static String encoded(PasswordEncoder encoder, String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalStateException("a client secret or password is blank");
    }
    return secret.startsWith("{") ? secret : encoder.encode(secret);
  }

  private static void invalidIfThrows(String property, Runnable check) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + ": " + e.getMessage(), e);
    }
  }
}
