package org.mhaqi.support.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's rules of which role reaches which of its operations, as a bean. They are applied
 * after the platform's own (health, API documents and pages public; the rest of the actuator for
 * operators) and before its default: anything under {@code /api} that no rule names is for
 * administrators only, so a new endpoint is closed until it is opened on purpose.
 *
 * <p>Rules say who may call an operation at all (403 otherwise); which objects a trust member sees
 * is decided where they are loaded, with {@link Caller#maySee(String)} (404 otherwise).
 */
@FunctionalInterface
public interface ApiAccess {

  void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          requests);
}
