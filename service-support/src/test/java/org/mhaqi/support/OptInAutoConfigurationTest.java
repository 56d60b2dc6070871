package org.mhaqi.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.mhaqi.support.deadletter.DeadLetterConfiguration;
import org.mhaqi.support.deadletter.DeadLetters;
import org.mhaqi.support.messaging.ConsumerErrorHandling;
import org.mhaqi.support.messaging.EventConsumers;
import org.mhaqi.support.messaging.MessagingConfiguration;
import org.mhaqi.support.messaging.ProcessedEvents;
import org.mhaqi.support.outbox.Outbox;
import org.mhaqi.support.outbox.OutboxConfiguration;
import org.mhaqi.support.outbox.OutboxRelay;
import org.mhaqi.support.topics.DeadLetterTopics;
import org.mhaqi.support.topics.TopicConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service gets the outbox only when it publishes ({@code mhaqi.outbox.enabled}) and the consumer
 * machinery only when it consumes ({@code mhaqi.consumer.enabled}); nothing of either by default.
 */
class OptInAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  KafkaAutoConfiguration.class,
                  SupportConfiguration.class,
                  TopicConfiguration.class,
                  OutboxConfiguration.class,
                  MessagingConfiguration.class,
                  DeadLetterConfiguration.class))
          .withUserConfiguration(ServiceInfrastructure.class)
          .withPropertyValues(
              "spring.application.name=opt-in-test",
              // No broker is reached: topics are not created, and nothing dials a real port.
              "spring.kafka.admin.auto-create=false",
              "spring.kafka.bootstrap-servers=127.0.0.1:1",
              // The relay thread stays off: this is about which beans exist, not what they do.
              "mhaqi.outbox.relay-enabled=false");

  @Test
  void aServiceThatSaysNothingGetsNeitherOutboxNorConsumerMachinery() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertNoOutbox(context);
          assertNoConsumerMachinery(context);
          // What every service shares stays.
          assertThat(context).hasSingleBean(java.time.Clock.class);
          assertThat(context).hasSingleBean(DeadLetterTopics.class);
        });
  }

  @Test
  void aServiceThatOnlyPublishesGetsTheOutboxAndRelayButNoConsumerMachinery() {
    runner
        .withPropertyValues("mhaqi.outbox.enabled=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(Outbox.class);
              assertThat(context).hasSingleBean(OutboxRelay.class);
              assertThat(context).hasBean("outboxHealthIndicator");
              assertNoConsumerMachinery(context);
            });
  }

  @Test
  void aServiceThatOnlyConsumesGetsTheConsumerMachineryAndDeadLetterToolButNoRelay() {
    runner
        .withPropertyValues("mhaqi.consumer.enabled=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(EventConsumers.class);
              assertThat(context).hasSingleBean(ProcessedEvents.class);
              assertThat(context).hasBean("processedEventsPurge");
              assertThat(context).hasSingleBean(ConsumerErrorHandling.class);
              assertThat(context).hasBean("consumersHealthIndicator");
              assertThat(context).hasSingleBean(DeadLetters.class);
              assertThat(context).hasBean(deadLetterControllerName());
              assertNoOutbox(context);
            });
  }

  @Test
  void aServiceThatDoesBothGetsBoth() {
    runner
        .withPropertyValues("mhaqi.outbox.enabled=true", "mhaqi.consumer.enabled=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(OutboxRelay.class);
              assertThat(context).hasSingleBean(EventConsumers.class);
              assertThat(context).hasSingleBean(DeadLetters.class);
            });
  }

  @Test
  void falseMeansOffLikeAbsent() {
    runner
        .withPropertyValues("mhaqi.outbox.enabled=false", "mhaqi.consumer.enabled=false")
        .run(
            context -> {
              assertNoOutbox(context);
              assertNoConsumerMachinery(context);
            });
  }

  @Test
  void everyConfigurationIsRegisteredAsAnAutoConfiguration() {
    assertThat(
            ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader())
                .getCandidates())
        .contains(
            SupportConfiguration.class.getName(),
            OutboxConfiguration.class.getName(),
            MessagingConfiguration.class.getName(),
            TopicConfiguration.class.getName(),
            DeadLetterConfiguration.class.getName());
  }

  private static void assertNoOutbox(AssertableApplicationContext context) {
    assertThat(context).doesNotHaveBean(Outbox.class);
    assertThat(context).doesNotHaveBean(OutboxRelay.class);
    assertThat(context).doesNotHaveBean("outboxHealthIndicator");
    assertThat(context.getBeansOfType(HealthIndicator.class)).doesNotContainKey("outbox");
  }

  private static void assertNoConsumerMachinery(AssertableApplicationContext context) {
    assertThat(context).doesNotHaveBean(EventConsumers.class);
    assertThat(context).doesNotHaveBean(ProcessedEvents.class);
    assertThat(context).doesNotHaveBean("processedEventsPurge");
    assertThat(context).doesNotHaveBean(ConsumerErrorHandling.class);
    assertThat(context).doesNotHaveBean("consumersHealthIndicator");
    assertThat(context).doesNotHaveBean(DeadLetters.class);
    assertThat(context).doesNotHaveBean(deadLetterControllerName());
  }

  /** The dead-letter endpoint's controller is package-private: found by its bean name. */
  private static String deadLetterControllerName() {
    return "org.mhaqi.support.deadletter.DeadLetterController";
  }

  /** What a service's own auto-configuration would give: a database that is never reached. */
  @Configuration(proxyBeanMethods = false)
  static class ServiceInfrastructure {

    @Bean
    DataSource dataSource() {
      return new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/never-reached");
    }

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
      return JdbcClient.create(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
      return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    JsonMapper jsonMapper() {
      return JsonMapper.builder().build();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }
}
