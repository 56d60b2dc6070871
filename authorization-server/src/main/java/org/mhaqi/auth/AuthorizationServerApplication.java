package org.mhaqi.auth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The platform's OAuth2 authorization server: signs the JWTs (RS256) the services accept, with the
 * claims of the security contract ({@code roles}, {@code organisation}, {@code email}, {@code aud}
 * containing {@code mhaqi-api}). Clients and users come from configuration ({@code
 * mhaqi.auth.clients.*}, {@code mhaqi.auth.users.*}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AuthorizationServerApplication {

  public static void main(String[] args) {
    SpringApplication.run(AuthorizationServerApplication.class, args);
  }
}
