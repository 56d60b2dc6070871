package org.mhaqi.support.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The idempotency guard of a consumer: remembers in {@code processed_event} which events it has
 * applied. The mark is written in the transaction that applies the event, so an event counts as
 * processed exactly when its effects are committed; a redelivery finds the mark and is skipped.
 */
public class ProcessedEvents {

  private final JdbcClient jdbc;
  private final Clock clock;

  public ProcessedEvents(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Marks the event as processed by the consumer.
   *
   * @return true when this is the first time; false when it was processed before (or is being
   *     processed by a concurrent transaction that has since committed), and must be skipped
   * @throws IllegalStateException outside a transaction, where the guarantee would not hold
   */
  public boolean markProcessed(UUID eventId, String consumer, String eventType) {
    return !markProcessed(List.of(new Mark(eventId, eventType)), consumer).isEmpty();
  }

  /**
   * Marks several events as processed by the consumer in one statement; an id given twice is marked
   * once.
   *
   * @return the ids marked now, for the first time; the others were processed before (or by a
   *     concurrent transaction that has since committed) and must be skipped
   * @throws IllegalStateException outside a transaction, where the guarantee would not hold
   */
  public Set<UUID> markProcessed(Collection<Mark> marks, String consumer) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "Events are marked processed only inside the transaction that applies them");
    }
    // Sorted and distinct: two transactions marking the same events lock them in the same order.
    Map<UUID, String> byId = new TreeMap<>();
    for (Mark mark : marks) {
      byId.putIfAbsent(mark.eventId(), mark.eventType());
    }
    if (byId.isEmpty()) {
      return Set.of();
    }
    Timestamp now = Timestamp.from(clock.instant());
    List<Object> params = new ArrayList<>(byId.size() * 4);
    StringJoiner rows = new StringJoiner(", ");
    byId.forEach(
        (id, type) -> {
          rows.add("(?, ?, ?, ?)");
          params.addAll(List.of(id, consumer, type, now));
        });
    return new HashSet<>(
        jdbc.sql(
                "insert into processed_event (event_id, consumer, event_type, processed_at)"
                    + " values "
                    + rows
                    + " on conflict (event_id, consumer) do nothing returning event_id")
            .params(params)
            .query(UUID.class)
            .list());
  }

  /** An event to mark processed. */
  public record Mark(UUID eventId, String eventType) {}

  public boolean isProcessed(UUID eventId, String consumer) {
    return jdbc.sql("select count(*) from processed_event where event_id = ? and consumer = ?")
            .params(eventId, consumer)
            .query(Long.class)
            .single()
        > 0;
  }

  /**
   * Forgets events applied before the given time, a bounded batch per statement so that no purge
   * holds locks for long; a redelivery of one of them would be applied again.
   *
   * @return how many marks were deleted
   */
  public int purgeProcessedBefore(Instant before, int batchSize) {
    int total = 0;
    int deleted;
    do {
      deleted =
          jdbc.sql(
                  """
                  delete from processed_event where (event_id, consumer) in (
                    select event_id, consumer from processed_event where processed_at < ? limit ?)
                  """)
              .params(Timestamp.from(before), batchSize)
              .update();
      total += deleted;
    } while (deleted == batchSize && !Thread.currentThread().isInterrupted());
    return total;
  }
}
