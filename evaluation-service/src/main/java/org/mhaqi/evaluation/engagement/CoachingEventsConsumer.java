package org.mhaqi.evaluation.engagement;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.coaching.LearningEventAttended;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionCompleted;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.support.messaging.EventConsumers;
import org.mhaqi.support.messaging.EventEnvelope;
import org.mhaqi.support.messaging.PoisonEventException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The {@code coachingEvents} function, bound in application.yml to topic {@code coaching.events}
 * with consumer group {@code evaluation-service} and a dead-letter topic. Each event's facts are
 * merged into the engagement projection in the transaction that marks the event processed; a
 * learning event attended is kept beside it, counted apart from coaching.
 */
@Configuration(proxyBeanMethods = false)
class CoachingEventsConsumer {

  /** The consumer's name in processed_event: its consumer group. */
  static final String CONSUMER = "evaluation-service";

  @Bean
  Consumer<Message<List<byte[]>>> coachingEvents(
      EventConsumers consumers,
      EngagementProjection projection,
      LearningEventAttendance learningEvents) {
    return consumers
        .consumer(CONSUMER)
        .on(
            CoachingPlanCreated.class,
            (e, envelope) -> projection.plan(facts(envelope, () -> PlanFacts.of(e))))
        .on(
            SessionScheduled.class,
            (e, envelope) -> projection.session(facts(envelope, () -> SessionFacts.of(e))))
        .on(
            SessionRescheduled.class,
            (e, envelope) -> projection.session(facts(envelope, () -> SessionFacts.of(e))))
        .on(
            SessionCancelled.class,
            (e, envelope) -> projection.session(facts(envelope, () -> SessionFacts.of(e))))
        .on(
            SessionCompleted.class,
            (e, envelope) -> projection.session(facts(envelope, () -> SessionFacts.of(e))))
        .on(
            LearningEventAttended.class,
            (e, envelope) ->
                facts(
                    envelope,
                    () -> {
                      learningEvents.attended(e);
                      return e;
                    }))
        .build();
  }

  /** An event lacking what the projection needs can never be applied: it goes to dead letters. */
  private static <T> T facts(EventEnvelope envelope, Supplier<T> read) {
    try {
      return read.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new PoisonEventException(envelope + " cannot be applied: " + e.getMessage(), e);
    }
  }
}
