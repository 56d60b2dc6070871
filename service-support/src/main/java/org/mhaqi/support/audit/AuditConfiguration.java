package org.mhaqi.support.audit;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail of every service with an API. Boot registers the {@link AuditTrail} listener with
 * the service's transaction manager (TransactionExecutionListener beans are picked up).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(AuditController.class)
public class AuditConfiguration {

  @Bean
  AuditTrail auditTrail(JdbcClient jdbc, Clock clock) {
    return new AuditTrail(jdbc, clock);
  }

  @Bean
  AuditQueries auditQueries(JdbcClient jdbc) {
    return new AuditQueries(jdbc);
  }
}
