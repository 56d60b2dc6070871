package org.mhaqi.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PageableHandlerMethodArgumentResolver;
import org.springframework.data.web.config.EnableSpringDataWebSupport;
import org.springframework.data.web.config.EnableSpringDataWebSupport.PageSerializationMode;
import org.springframework.data.web.config.PageableHandlerMethodArgumentResolverCustomizer;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;

/**
 * The HTTP edge every service shares beyond problem+json: dates inside {@link SupportedDates} in
 * parameters and bodies, and lists that page the same way ({@link Paging}).
 */
@AutoConfiguration(
    beforeName = "org.springframework.boot.data.autoconfigure.web.DataWebAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebEdgeConfiguration implements WebMvcConfigurer {

  @Override
  public void addFormatters(FormatterRegistry registry) {
    DateParameterFormatters.register(registry);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new RequestContentTypes());
  }

  /** Before everything else, the security chain included, so that a 401 carries an id too. */
  @Bean
  FilterRegistrationBean<RequestIds> requestIds() {
    FilterRegistrationBean<RequestIds> registration =
        new FilterRegistrationBean<>(new RequestIds());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  JacksonModule noNulCharactersModule() {
    return new NoNulCharactersModule();
  }

  @Bean
  JacksonModule supportedDatesModule() {
    return new SupportedDatesModule();
  }

  /** Spring Data's pageable parameters, answered as {@code PagedModel}, with our limits. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(PageableHandlerMethodArgumentResolver.class)
  @EnableSpringDataWebSupport(pageSerializationMode = PageSerializationMode.VIA_DTO)
  static class PagingConfiguration implements WebMvcConfigurer {

    @Bean
    PageableHandlerMethodArgumentResolverCustomizer pagingLimits() {
      return resolver -> {
        resolver.setFallbackPageable(PageRequest.of(0, Paging.DEFAULT_SIZE));
        resolver.setMaxPageSize(Paging.MAX_SIZE);
      };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
      registry.addInterceptor(new Paging());
    }
  }
}
