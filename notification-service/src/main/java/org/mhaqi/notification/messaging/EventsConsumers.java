package org.mhaqi.notification.messaging;

import java.util.List;
import java.util.function.Consumer;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentDeclined;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.OrganisationRegistered;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceRegistered;
import org.mhaqi.events.enrollment.ServiceWaitlisted;
import org.mhaqi.events.evaluation.DataReturnOverdue;
import org.mhaqi.events.evaluation.DataReturnSubmitted;
import org.mhaqi.events.evaluation.SpecialCauseDetected;
import org.mhaqi.support.messaging.EventConsumers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code organisationEvents}, {@code enrollmentEvents}, {@code coachingEvents} and {@code
 * evaluationEvents} functions, bound in application.yml with consumer group {@code
 * notification-service} and a dead-letter topic each. Other event types are acknowledged and
 * remembered as processed.
 */
@Configuration(proxyBeanMethods = false)
class EventsConsumers {

  /** The consumer's name in processed_event: its consumer group. */
  static final String CONSUMER = "notification-service";

  @Bean
  Consumer<Message<List<byte[]>>> organisationEvents(
      EventConsumers consumers, DirectoryEventHandler handler) {
    return consumers
        .consumer(CONSUMER)
        .on(OrganisationRegistered.class, handler::organisationRegistered)
        .on(ServiceRegistered.class, handler::serviceRegistered)
        .build();
  }

  @Bean
  Consumer<Message<List<byte[]>>> enrollmentEvents(
      EventConsumers consumers, EnrollmentEventHandler handler) {
    return consumers
        .consumer(CONSUMER)
        .on(ServiceEnrolled.class, handler::enrolled)
        .on(ServiceWaitlisted.class, handler::waitlisted)
        .on(EnrollmentDeclined.class, handler::declined)
        .on(EnrollmentWithdrawn.class, handler::withdrawn)
        .on(EnrollmentCompleted.class, handler::completed)
        .build();
  }

  @Bean
  Consumer<Message<List<byte[]>>> evaluationEvents(
      EventConsumers consumers, EvaluationEventHandler handler) {
    return consumers
        .consumer(CONSUMER)
        .on(DataReturnOverdue.class, handler::returnOverdue)
        .on(DataReturnSubmitted.class, handler::returnSubmitted)
        .on(SpecialCauseDetected.class, handler::specialCause)
        .build();
  }

  @Bean
  Consumer<Message<List<byte[]>>> coachingEvents(
      EventConsumers consumers, SessionEventHandler handler) {
    return consumers
        .consumer(CONSUMER)
        .on(SessionScheduled.class, handler::scheduled)
        .on(SessionRescheduled.class, handler::rescheduled)
        .on(SessionCancelled.class, handler::cancelled)
        .build();
  }
}
