package org.mhaqi.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.mhaqi.support.SupportConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox and its relay, for a service that publishes events and says so with
 * {@code mhaqi.outbox.enabled=true}. A service that publishes nothing leaves it off and gets no
 * relay thread, no outbox health details and no outbox gauges.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
      "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
      "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
      "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
      "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"
    },
    after = SupportConfiguration.class)
@ConditionalOnBooleanProperty(OutboxConfiguration.ENABLED)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

  /** The switch a publishing service turns on. */
  public static final String ENABLED = "mhaqi.outbox.enabled";

  @Bean
  OutboxRelay outboxRelay(
      JdbcClient jdbc,
      DataSource dataSource,
      KafkaProperties kafkaProperties,
      OutboxProperties properties,
      @Value("${spring.application.name}") String applicationName,
      Clock clock,
      MeterRegistry meters) {
    // The relay's own producer: String keys, raw JSON bytes, acks=all and idempotence so that a
    // retry inside the client never reorders or duplicates a partition's records.
    var producerConfig = kafkaProperties.buildProducerProperties();
    producerConfig.put("key.serializer", StringSerializer.class);
    producerConfig.put("value.serializer", ByteArraySerializer.class);
    producerConfig.put("acks", "all");
    producerConfig.put("enable.idempotence", true);
    producerConfig.putIfAbsent("client.id", applicationName + "-outbox-relay");
    var template =
        new KafkaTemplate<String, byte[]>(new DefaultKafkaProducerFactory<>(producerConfig));
    var relay =
        new OutboxRelay(jdbc, dataSource, template, properties, applicationName, clock, meters);
    Gauge.builder("outbox.events.pending", relay, OutboxRelay::pendingCount)
        .description("Events committed but not yet acknowledged by Kafka")
        .register(meters);
    Gauge.builder("outbox.oldest.pending.age", relay, r -> r.backlog().oldestAge().toMillis() / 1e3)
        .description("How long the oldest event not yet acknowledged by Kafka has waited")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder("outbox.events.quarantined.current", relay, r -> r.backlog().quarantined())
        .description("Events Kafka can never take, set aside with their reason")
        .register(meters);
    return relay;
  }

  @Bean
  Outbox outbox(
      JdbcClient jdbc, DataSource dataSource, JsonMapper json, Clock clock, OutboxRelay relay) {
    return new Outbox(jdbc, new JdbcTemplate(dataSource), json, clock, relay);
  }

  @Bean
  OutboxHealthIndicator outboxHealthIndicator(OutboxRelay relay, OutboxProperties properties) {
    return new OutboxHealthIndicator(relay, properties.healthThreshold());
  }
}
