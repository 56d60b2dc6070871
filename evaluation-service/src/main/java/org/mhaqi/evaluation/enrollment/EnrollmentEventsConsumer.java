package org.mhaqi.evaluation.enrollment;

import java.util.List;
import java.util.function.Consumer;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.support.messaging.EventConsumers;
import org.mhaqi.support.messaging.EventEnvelope;
import org.mhaqi.support.messaging.PoisonEventException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code enrollmentEvents} function, bound in application.yml to topic {@code
 * enrollment.events} with consumer group {@code evaluation-service} and a dead-letter topic. It
 * keeps {@code enrolled_service} up to date; other event types are acknowledged and remembered.
 */
@Configuration(proxyBeanMethods = false)
class EnrollmentEventsConsumer {

  /** The consumer's name in processed_event: its consumer group. */
  static final String CONSUMER = "evaluation-service";

  @Bean
  Consumer<Message<List<byte[]>>> enrollmentEvents(
      EventConsumers consumers, EnrollmentProjection projection) {
    return consumers
        .consumer(CONSUMER)
        .on(
            ServiceEnrolled.class,
            (event, envelope) -> poisonIfInvalid(envelope, () -> projection.enrolled(event)))
        .on(
            EnrollmentWithdrawn.class,
            (event, envelope) ->
                poisonIfInvalid(
                    envelope,
                    () ->
                        projection.ended(required(event.enrollmentId()), EnrollmentEnd.of(event))))
        .on(
            EnrollmentCompleted.class,
            (event, envelope) ->
                poisonIfInvalid(
                    envelope,
                    () ->
                        projection.ended(required(event.enrollmentId()), EnrollmentEnd.of(event))))
        .build();
  }

  private static <T> T required(T enrollmentId) {
    if (enrollmentId == null) {
      throw new IllegalArgumentException("enrollmentId is required");
    }
    return enrollmentId;
  }

  /** An event lacking what the view needs can never be applied: it goes to the dead letters. */
  private static void poisonIfInvalid(EventEnvelope envelope, Runnable apply) {
    try {
      apply.run();
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException(envelope + " cannot be applied: " + e.getMessage(), e);
    }
  }
}
