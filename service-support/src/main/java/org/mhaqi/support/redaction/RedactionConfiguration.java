package org.mhaqi.support.redaction;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The redaction endpoint of a service that declares its {@link FreeTextRedaction}. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(FreeTextRedaction.class)
@Import(RedactionController.class)
public class RedactionConfiguration {

  /** The operation's description names the columns of this service. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(OperationCustomizer.class)
  static class Documentation {

    @Bean
    OperationCustomizer redactionCovers(FreeTextRedaction freeText) {
      return (operation, handler) -> {
        if (handler.getBeanType() == RedactionController.class) {
          operation.setDescription(
              operation.getDescription() + " Covers " + freeText.covers() + ".");
        }
        return operation;
      };
    }
  }
}
