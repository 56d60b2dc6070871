package org.mhaqi.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * One Thymeleaf engine for the messages' plain-text ({@code .txt}) and HTML ({@code .html})
 * templates and the unsubscribe page, all under {@code templates/}.
 */
@Configuration(proxyBeanMethods = false)
class TemplateConfiguration {

  @Bean
  TemplateEngine templateEngine() {
    TemplateEngine engine = new TemplateEngine();
    engine.addTemplateResolver(resolver("*.txt", TemplateMode.TEXT, 1));
    engine.addTemplateResolver(resolver("*.html", TemplateMode.HTML, 2));
    return engine;
  }

  private static ClassLoaderTemplateResolver resolver(
      String pattern, TemplateMode mode, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setResolvablePatterns(java.util.Set.of(pattern));
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setOrder(order);
    resolver.setCheckExistence(true);
    return resolver;
  }
}
