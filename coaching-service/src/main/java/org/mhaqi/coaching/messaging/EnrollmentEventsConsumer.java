package org.mhaqi.coaching.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.TeamMemberErased;
import org.mhaqi.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code enrollmentEvents} function, bound in application.yml to topic {@code
 * enrollment.events} with consumer group {@code coaching-service} and a dead-letter topic. Other
 * event types on the topic are acknowledged and remembered as processed.
 */
@Configuration(proxyBeanMethods = false)
class EnrollmentEventsConsumer {

  /** The consumer's name in processed_event: its consumer group. */
  static final String CONSUMER = "coaching-service";

  @Bean
  Consumer<Message<List<byte[]>>> enrollmentEvents(
      EventConsumers consumers, EnrollmentEventHandler handler) {
    return consumers
        .consumer(CONSUMER)
        .on(ServiceEnrolled.class, handler::enrolled)
        .on(EnrollmentWithdrawn.class, handler::withdrawn)
        .on(EnrollmentCompleted.class, handler::completed)
        .on(ProjectTeamUpdated.class, handler::teamUpdated)
        .on(TeamMemberErased.class, handler::memberErased)
        .build();
  }
}
