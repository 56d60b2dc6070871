package org.mhaqi.support.deadletter;

import org.mhaqi.support.messaging.MessagingConfiguration;
import org.mhaqi.support.topics.DeadLetterTopics;
import org.mhaqi.support.topics.TopicConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The dead-letter tool, in every service that consumes events (see {@link MessagingConfiguration}).
 */
@AutoConfiguration(after = TopicConfiguration.class)
@ConditionalOnBooleanProperty(MessagingConfiguration.ENABLED)
@ConditionalOnBean(DeadLetterTopics.class)
@Import(DeadLetterController.class)
public class DeadLetterConfiguration {

  @Bean
  DeadLetters deadLetters(
      DeadLetterTopics topics,
      KafkaProperties kafka,
      @Value("${mhaqi.kafka.replay.sasl-jaas-config:}") String replayLogin) {
    return new DeadLetters(topics, kafka, replayLogin);
  }
}
