package org.mhaqi.support.messaging;

/**
 * What a batch does after each event it applies inside its one transaction, so that the next event
 * sees the database as it would in a transaction of its own. With plain JDBC nothing is needed;
 * with JPA the persistence context is flushed (a JdbcClient query does not trigger Hibernate's
 * auto-flush, so it would miss the previous event's unflushed rows) and cleared (an entity cached
 * by the previous event would not see what a JdbcClient statement changed since).
 */
@FunctionalInterface
public interface EventIsolation {

  /** For services without an ORM: each statement goes to the database as it is made. */
  EventIsolation NONE = () -> {};

  /** Runs inside the batch's transaction after an event's handler has returned. */
  void afterEvent();
}
