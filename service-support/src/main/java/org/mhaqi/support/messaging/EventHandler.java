package org.mhaqi.support.messaging;

/** Applies one type of event; runs inside the transaction that marks the event processed. */
@FunctionalInterface
public interface EventHandler<T> {

  void handle(T event, EventEnvelope envelope);
}
