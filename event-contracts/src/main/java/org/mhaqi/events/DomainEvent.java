package org.mhaqi.events;

/**
 * A business fact one service announces. Implementations are immutable records annotated with
 * {@link EventContract}; their JSON form is the public payload.
 */
public interface DomainEvent {

  /**
   * The id all events of one aggregate share: the Kafka message key and the CloudEvents subject, so
   * consumers see one enrolment's events in the order they happened.
   */
  String subject();
}
