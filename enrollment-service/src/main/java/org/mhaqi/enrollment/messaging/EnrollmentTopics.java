package org.mhaqi.enrollment.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.mhaqi.events.Topics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Declares the topic this service owns, so it exists with the intended partitions before the first
 * event (a broker's auto-creation would pick its own defaults).
 */
@Configuration(proxyBeanMethods = false)
class EnrollmentTopics {

  @Bean
  NewTopic enrollmentEvents(
      @Value("${mhaqi.topics.partitions:3}") int partitions,
      @Value("${mhaqi.topics.replicas:1}") short replicas) {
    return TopicBuilder.name(Topics.ENROLLMENT_EVENTS)
        .partitions(partitions)
        .replicas(replicas)
        .build();
  }
}
