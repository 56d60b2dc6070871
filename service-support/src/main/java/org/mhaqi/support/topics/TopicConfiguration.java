package org.mhaqi.support.topics;

import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares every topic the service touches, so that Boot's {@link KafkaAdmin} creates each with its
 * partitions, replication and retention when the application starts, before a binding consumes or
 * the outbox relay produces. Creating an existing topic is a no-op and a topic with fewer
 * partitions is grown: every service declares the same topics with the same settings, so the order
 * they start in does not matter. Brokers and the binder never create topics themselves.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaAdmin.class)
@EnableConfigurationProperties(TopicProperties.class)
public class TopicConfiguration {

  @Bean
  KafkaAdmin.NewTopics platformTopics(
      TopicProperties properties,
      ObjectProvider<BindingServiceProperties> bindings,
      Environment environment) {
    SortedSet<String> eventTopics = PlatformTopics.eventTopics();
    SortedSet<String> deadLetters = new TreeSet<>();
    BindingServiceProperties bindingProperties = bindings.getIfAvailable();
    if (bindingProperties != null) {
      BindingTopics fromBindings = new BindingTopics(bindingProperties, environment);
      eventTopics.addAll(fromBindings.destinations());
      deadLetters.addAll(fromBindings.deadLetters());
    }
    return new KafkaAdmin.NewTopics(
        PlatformTopics.declarations(properties, eventTopics, deadLetters).toArray(NewTopic[]::new));
  }

  /** The dead-letter topics of this service's bindings, for the operators' dead-letter tool. */
  @Bean
  DeadLetterTopics deadLetterTopics(
      ObjectProvider<BindingServiceProperties> bindings, Environment environment) {
    BindingServiceProperties bindingProperties = bindings.getIfAvailable();
    if (bindingProperties == null) {
      return new DeadLetterTopics(new TreeSet<>(), new TreeSet<>());
    }
    BindingTopics fromBindings = new BindingTopics(bindingProperties, environment);
    return new DeadLetterTopics(fromBindings.deadLetters(), fromBindings.destinations());
  }
}
