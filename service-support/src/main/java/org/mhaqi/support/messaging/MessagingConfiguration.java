package org.mhaqi.support.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.mhaqi.support.SupportConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Wires idempotent event consumption into every service that has this library. */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
    },
    after = SupportConfiguration.class)
public class MessagingConfiguration {

  @Bean
  ProcessedEvents processedEvents(JdbcClient jdbc, Clock clock) {
    return new ProcessedEvents(jdbc, clock);
  }

  @Bean
  EventConsumers eventConsumers(
      JsonMapper json,
      PlatformTransactionManager transactionManager,
      ProcessedEvents processed,
      MeterRegistry meters) {
    return new EventConsumers(json, new TransactionTemplate(transactionManager), processed, meters);
  }
}
