package org.mhaqi.support.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mhaqi.support.SupportConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent event consumption, for a service that consumes events and says so with {@code
 * mhaqi.consumer.enabled=true}: the {@link EventConsumers} its bindings are built with, the {@code
 * processed_event} guard and its purge, and retries and dead letters in the listener containers. A
 * service that consumes nothing leaves it off and gets none of it.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"
    },
    after = SupportConfiguration.class)
@ConditionalOnBooleanProperty(MessagingConfiguration.ENABLED)
@EnableConfigurationProperties(ConsumerProperties.class)
public class MessagingConfiguration {

  /** The switch a consuming service turns on. */
  public static final String ENABLED = "mhaqi.consumer.enabled";

  @Bean
  ProcessedEvents processedEvents(JdbcClient jdbc, Clock clock) {
    return new ProcessedEvents(jdbc, clock);
  }

  @Bean
  ProcessedEventsPurge processedEventsPurge(
      ProcessedEvents processed, ConsumerProperties properties, Clock clock) {
    return new ProcessedEventsPurge(processed, properties, clock);
  }

  @Bean
  EventConsumers eventConsumers(
      JsonMapper json,
      PlatformTransactionManager transactionManager,
      ProcessedEvents processed,
      MeterRegistry meters,
      ObjectProvider<EventIsolation> isolation,
      ObjectProvider<ObservationRegistry> observations) {
    return new EventConsumers(
        json,
        new TransactionTemplate(transactionManager),
        processed,
        meters,
        isolation.getIfAvailable(() -> EventIsolation.NONE),
        observations.getIfAvailable(() -> ObservationRegistry.NOOP));
  }

  /** A service with JPA: each event of a batch flushes and clears the persistence context. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name = {
        "jakarta.persistence.EntityManagerFactory",
        "org.springframework.orm.jpa.EntityManagerHolder"
      })
  @ConditionalOnBean(type = "jakarta.persistence.EntityManagerFactory")
  static class JpaIsolation {

    @Bean
    EventIsolation jpaEventIsolation(
        ObjectProvider<jakarta.persistence.EntityManagerFactory> factories) {
      return new JpaEventIsolation(factories.orderedStream().toList());
    }
  }

  private static DatabaseProbe probe(DataSource dataSource) {
    return dataSource == null ? DatabaseProbe.NONE : DatabaseProbe.of(dataSource);
  }

  /** Retries and dead letters in the listener container of every Kafka binding. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(
      name =
          "org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer")
  static class ContainerErrorHandling {

    @Bean
    ConsumerHealthIndicator consumersHealthIndicator(KafkaAdmin admin, MeterRegistry meters) {
      ConsumerHealthIndicator health = new ConsumerHealthIndicator(admin);
      Gauge.builder(
              "events.consumer.partitions.assigned",
              health,
              h ->
                  h.bindings().stream()
                      .mapToInt(ConsumerHealthIndicator.Binding::assignedPartitions)
                      .sum())
          .description("Partitions assigned to this instance's consumers, all bindings together")
          .register(meters);
      return health;
    }

    @Bean
    ConsumerErrorHandling consumerErrorHandling(
        KafkaProperties kafkaProperties,
        ConsumerProperties properties,
        ConsumerHealthIndicator health,
        MeterRegistry meters,
        ObjectProvider<DataSource> dataSource,
        @Value("${spring.application.name}") String applicationName) {
      // Dead letters go out as they came in: String or byte[] keys, byte[] values.
      Map<String, Object> config = kafkaProperties.buildProducerProperties();
      config.put("acks", "all");
      config.put("enable.idempotence", true);
      config.put("client.id", applicationName + "-dead-letters");
      Map<Class<?>, Serializer<?>> byType =
          Map.of(String.class, new StringSerializer(), byte[].class, new ByteArraySerializer());
      var factory =
          new DefaultKafkaProducerFactory<Object, Object>(
              config,
              new DelegatingByTypeSerializer(byType, true),
              new DelegatingByTypeSerializer(byType, true));
      return new ConsumerErrorHandling(
          new KafkaTemplate<>(factory),
          new ConsumerRetryPolicy(
              properties.transientBackoffInitial(), properties.transientBackoffCeiling(), null),
          health,
          meters,
          probe(dataSource.getIfAvailable()));
    }
  }
}
