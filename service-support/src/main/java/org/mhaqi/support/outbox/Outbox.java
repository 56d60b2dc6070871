package org.mhaqi.support.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.EventTypes.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records domain events in the outbox table. Aggregates register their events (Spring Data's {@code
 * AbstractAggregateRoot}) and this listener stores them in the same transaction; nothing talks to
 * Kafka here.
 */
public class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  /** The first half of the per-key append lock; any constant of the platform's own. */
  private static final int KEY_LOCK_NAMESPACE = 0x6f627478;

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;
  private final OutboxRelay relay;

  public Outbox(JdbcClient jdbc, JsonMapper json, Clock clock, OutboxRelay relay) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.relay = relay;
  }

  /** Appends an event; must run inside the transaction that made the change it announces. */
  @EventListener
  public void append(DomainEvent event) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "Domain events are recorded only inside a transaction: " + event.getClass().getName());
    }
    EventType type = EventTypes.of(event.getClass());
    lockKey(type.topic(), event.subject());
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into outbox_event
              (id, topic, message_key, event_type, schema_version, occurred_at, payload, traceparent)
            values (?, ?, ?, ?, ?, ?, cast(? as json), ?)
            """)
        .params(
            id,
            type.topic(),
            event.subject(),
            type.name(),
            type.schemaVersion(),
            Timestamp.from(now),
            json.writeValueAsString(event),
            TraceContext.currentTraceparent())
        .update();
    try (var ignored = MDC.putCloseable("eventId", id.toString())) {
      log.info("Recorded {} for {} in the outbox", type.name(), event.subject());
    }
    wakeRelayAfterCommit();
  }

  /**
   * Holds a transaction-scoped lock on the event's key until commit, so that a concurrent
   * transaction appending an event of the same key waits: one key's events get their outbox
   * positions, and so their relay order, in the order their transactions commit, whether or not the
   * use case locked its aggregate. (Two int keys: a space apart from the relay's bigint lock.)
   */
  private void lockKey(String topic, String key) {
    jdbc.sql("select pg_advisory_xact_lock(?, hashtext(?))")
        .params(KEY_LOCK_NAMESPACE, topic + "/" + key)
        .query()
        .singleRow();
  }

  private void wakeRelayAfterCommit() {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.wakeUp();
          }
        });
  }
}
