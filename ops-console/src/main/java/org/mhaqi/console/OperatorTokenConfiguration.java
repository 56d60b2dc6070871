package org.mhaqi.console;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The services' actuator beyond health wants an OPERATOR token: the console brings its own. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleAuthProperties.class)
class OperatorTokenConfiguration {

  @Bean
  @ConditionalOnBooleanProperty(name = "mhaqi.console.auth.enabled", matchIfMissing = true)
  OperatorToken operatorToken(ConsoleAuthProperties properties) {
    return new OperatorToken(properties, Clock.systemUTC());
  }
}
