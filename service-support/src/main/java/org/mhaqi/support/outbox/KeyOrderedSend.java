package org.mhaqi.support.outbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hands a batch of outbox events to the producer so that a failure can never reorder one key's
 * events: a key has at most one event in flight, its next is handed over only once Kafka has
 * acknowledged the one before, and after a failure none of its later events is handed over in this
 * pass (they wait for the next, behind the failed one). Events of different keys travel together,
 * one round after another.
 *
 * <p>A record that can never be sent (see {@link Unsendable}) is quarantined and the key goes on
 * with its next event. A failure the producer reports before taking the record (no metadata within
 * {@code max.block.ms}: the broker is away) ends the pass, since every other record would wait the
 * same.
 */
final class KeyOrderedSend {

  /** The producer as the relay uses it. */
  interface Sender {

    /** Hands the event to the producer; the future completes with Kafka's answer. */
    CompletableFuture<?> send(PendingEvent event);

    /** Sends whatever the producer is still holding back. */
    void flush();
  }

  /**
   * What became of a batch.
   *
   * @param published acknowledged by Kafka, in the order they were handed over
   * @param quarantined never sendable, with the reason
   * @param failed not acknowledged; they and their key's later events stay pending
   * @param firstFailure the first failure of {@code failed}, for the log
   */
  record Outcome(
      List<PendingEvent> published,
      Map<PendingEvent, String> quarantined,
      List<PendingEvent> failed,
      Optional<Throwable> firstFailure) {

    /** Whether every event of the batch was published or quarantined. */
    boolean complete(int batchSize) {
      return published.size() + quarantined.size() == batchSize;
    }
  }

  private KeyOrderedSend() {}

  static Outcome send(List<PendingEvent> batch, Sender sender, Duration timeout) {
    Map<String, ArrayDeque<PendingEvent>> byKey = new LinkedHashMap<>();
    for (PendingEvent event : batch) {
      byKey.computeIfAbsent(event.key(), key -> new ArrayDeque<>()).add(event);
    }
    List<PendingEvent> published = new ArrayList<>();
    Map<PendingEvent, String> quarantined = new LinkedHashMap<>();
    List<PendingEvent> failed = new ArrayList<>();
    Throwable firstFailure = null;
    boolean producerFailed = false;
    while (!producerFailed) {
      List<PendingEvent> round = new ArrayList<>();
      for (ArrayDeque<PendingEvent> queue : byKey.values()) {
        if (!queue.isEmpty()) {
          round.add(queue.poll());
        }
      }
      if (round.isEmpty()) {
        break;
      }
      Map<PendingEvent, CompletableFuture<?>> handed = new LinkedHashMap<>();
      for (PendingEvent event : round) {
        try {
          handed.put(event, sender.send(event));
        } catch (RuntimeException e) {
          Optional<String> unsendable = Unsendable.reason(e);
          if (unsendable.isPresent()) {
            quarantined.put(event, unsendable.get());
            continue;
          }
          failed.add(event);
          firstFailure = firstFailure == null ? e : firstFailure;
          producerFailed = true;
          break;
        }
      }
      try {
        sender.flush();
      } catch (RuntimeException e) {
        // Each handed record's future tells what became of it.
      }
      for (Map.Entry<PendingEvent, CompletableFuture<?>> entry : handed.entrySet()) {
        PendingEvent event = entry.getKey();
        Throwable failure = await(entry.getValue(), timeout);
        if (failure == null) {
          published.add(event);
          continue;
        }
        Optional<String> unsendable = Unsendable.reason(failure);
        if (unsendable.isPresent()) {
          quarantined.put(event, unsendable.get());
          continue;
        }
        failed.add(event);
        firstFailure = firstFailure == null ? failure : firstFailure;
        // Nothing more of this key in this pass: its later events wait behind this one.
        byKey.get(event.key()).clear();
      }
    }
    return new Outcome(published, quarantined, failed, Optional.ofNullable(firstFailure));
  }

  /** Waits for Kafka's answer; null when it acknowledged, else what went wrong. */
  private static Throwable await(CompletableFuture<?> future, Duration timeout) {
    try {
      future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return e;
    } catch (ExecutionException e) {
      return e.getCause() == null ? e : e.getCause();
    } catch (TimeoutException e) {
      return e;
    }
  }
}
