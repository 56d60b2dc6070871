package org.mhaqi.support.outbox;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventTypes;
import org.mhaqi.events.EventTypes.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records domain events in the outbox table. Aggregates register their events (Spring Data's {@code
 * AbstractAggregateRoot}) and this listener stores them in the same transaction; nothing talks to
 * Kafka here.
 *
 * <p>A transaction's events are collected and written just before it commits, in one JDBC batch
 * (one multi-row insert with the driver's {@code reWriteBatchedInserts}) after one lock statement
 * for all their keys: a coaching plan's 39 events cost two round trips instead of 78. An event
 * appended after that point (by another before-commit callback) is written at once.
 */
public class Outbox {

  private static final Logger log = LoggerFactory.getLogger(Outbox.class);

  /** The first half of the per-key append lock; any constant of the platform's own. */
  private static final int KEY_LOCK_NAMESPACE = 0x6f627478;

  private static final String INSERT =
      """
      insert into outbox_event
        (id, topic, message_key, event_type, schema_version, occurred_at, payload, traceparent)
      values (?, ?, ?, ?, ?, ?, cast(? as json), ?)
      """;

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final JsonMapper json;
  private final Clock clock;
  private final OutboxRelay relay;

  public Outbox(
      JdbcClient jdbc, JdbcTemplate batches, JsonMapper json, Clock clock, OutboxRelay relay) {
    this.jdbc = jdbc;
    this.batches = batches;
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
    Row row =
        new Row(
            UUID.randomUUID(),
            type,
            event.subject(),
            Timestamp.from(clock.instant()),
            json.writeValueAsString(event),
            TraceContext.currentTraceparent());
    Appends appends = appendsOfThisTransaction();
    if (appends == null || appends.written) {
      write(List.of(row));
    } else {
      appends.rows.add(row);
    }
  }

  /**
   * The events the current transaction has appended so far; on the first, registers the callback
   * that writes them before the commit and wakes the relay after it. Null without synchronization.
   */
  private Appends appendsOfThisTransaction() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return null;
    }
    Appends appends = (Appends) TransactionSynchronizationManager.getResource(this);
    if (appends != null) {
      return appends;
    }
    Appends fresh = new Appends();
    TransactionSynchronizationManager.bindResource(this, fresh);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            fresh.written = true;
            write(fresh.rows);
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
            if (status == STATUS_COMMITTED) {
              relay.wakeUp();
            }
          }
        });
    return fresh;
  }

  private void write(List<Row> rows) {
    if (rows.isEmpty()) {
      return;
    }
    lockKeys(rows);
    batches.batchUpdate(
        INSERT,
        rows,
        rows.size(),
        (statement, row) -> {
          statement.setObject(1, row.id());
          statement.setString(2, row.type().topic());
          statement.setString(3, row.key());
          statement.setString(4, row.type().name());
          statement.setInt(5, row.type().schemaVersion());
          statement.setTimestamp(6, row.occurredAt());
          statement.setString(7, row.payload());
          if (row.traceparent() == null) {
            statement.setNull(8, Types.VARCHAR);
          } else {
            statement.setString(8, row.traceparent());
          }
        });
    // One line per transaction, not per event: a plan's 39 lines cost more than their inserts.
    if (log.isDebugEnabled()) {
      rows.forEach(
          row ->
              log.debug(
                  "Recorded {} {} for {} in the outbox", row.type().name(), row.id(), row.key()));
    } else if (log.isInfoEnabled()) {
      log.info(
          "Recorded {} event(s) in the outbox: {} for {}",
          rows.size(),
          rows.stream().map(row -> row.type().name()).distinct().toList(),
          rows.stream().map(Row::key).distinct().limit(5).toList());
    }
  }

  /**
   * Holds a transaction-scoped lock on each event's key until commit, so that a concurrent
   * transaction appending an event of the same key waits: one key's events get their outbox
   * positions, and so their relay order, in the order their transactions commit, whether or not the
   * use case locked its aggregate. (Two int keys: a space apart from the relay's bigint lock.) The
   * keys are locked in one statement, in a fixed order, so two transactions never wait on each
   * other's keys crosswise.
   */
  private void lockKeys(List<Row> rows) {
    List<String> keys =
        rows.stream()
            .map(row -> row.type().topic() + "/" + row.key())
            .distinct()
            .sorted(Comparator.naturalOrder())
            .toList();
    jdbc.sql(
            """
            select count(pg_advisory_xact_lock(?, hashtext(k)))
            from (select k from unnest(cast(? as text[])) as k order by hashtext(k), k) keys
            """)
        .params(KEY_LOCK_NAMESPACE, keys.toArray(String[]::new))
        .query(Long.class)
        .single();
  }

  /** An event as its outbox row. */
  private record Row(
      UUID id,
      EventType type,
      String key,
      Timestamp occurredAt,
      String payload,
      String traceparent) {}

  /** A transaction's events waiting for its commit. */
  private static final class Appends {
    final List<Row> rows = new ArrayList<>();
    boolean written;
  }
}
