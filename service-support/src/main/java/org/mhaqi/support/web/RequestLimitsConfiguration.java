package org.mhaqi.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * Request body limits of every service ({@link RequestSizeLimit}, answered by {@link
 * RequestTooLargeHandling}). The timeouts that go with them are plain Spring Boot properties, set
 * in service-defaults.yml.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestLimitsProperties.class)
@Import(RequestTooLargeHandling.class)
public class RequestLimitsConfiguration {

  /**
   * Early in the chain, before authentication and anything that might read the body, but after the
   * observation filter (HIGHEST_PRECEDENCE + 1), so refused requests still show in the metrics.
   */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(RequestLimitsProperties limits) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(limits));
    registration.setOrder(ORDER);
    return registration;
  }
}
