package org.mhaqi.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class KeyOrderedSendTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(1);

  @Test
  void everythingAcknowledgedIsPublishedInOrderPerKey() {
    var a1 = event("A");
    var b1 = event("B");
    var a2 = event("A");
    var a3 = event("A");
    var producer = new FakeProducer(e -> null);

    var outcome = KeyOrderedSend.send(List.of(a1, b1, a2, a3), producer, TIMEOUT);

    assertThat(outcome.published()).containsExactly(a1, b1, a2, a3);
    assertThat(outcome.complete(4)).isTrue();
    assertThat(outcome.failed()).isEmpty();
    assertThat(outcome.quarantined()).isEmpty();
    assertThat(outcome.firstFailure()).isEmpty();
    assertThat(producer.handed).containsExactly(a1, b1, a2, a3);
  }

  @Test
  void aKeyHasOneEventInFlightItsNextIsHandedOnlyAfterTheAcknowledgement() {
    var a1 = event("A");
    var a2 = event("A");
    var b1 = event("B");
    var producer = new FakeProducer(e -> null);

    KeyOrderedSend.send(List.of(a1, a2, b1), producer, TIMEOUT);

    // Round one: the first of each key, then a flush; round two: A's second.
    assertThat(producer.log)
        .containsExactly("send " + a1.id(), "send " + b1.id(), "flush", "send " + a2.id(), "flush");
  }

  @Test
  void afterAFailedSendNoLaterEventOfThatKeyIsHandedOverInThePass() {
    var a1 = event("A");
    var b1 = event("B");
    var a2 = event("A");
    var b2 = event("B");
    var a3 = event("A");
    var c1 = event("C");
    var producer =
        new FakeProducer(e -> e == a2 ? new NotEnoughReplicasException("ISR too small") : null);

    var outcome = KeyOrderedSend.send(List.of(a1, b1, a2, b2, a3, c1), producer, TIMEOUT);

    assertThat(outcome.published()).containsExactly(a1, b1, c1, b2);
    assertThat(outcome.failed()).containsExactly(a2);
    assertThat(outcome.complete(6)).isFalse();
    assertThat(outcome.firstFailure()).get().isInstanceOf(NotEnoughReplicasException.class);
    assertThat(producer.handed).doesNotContain(a3);
  }

  @Test
  void aProducerThatCannotTakeRecordsEndsThePassWithoutHandingOverMore() {
    var a1 = event("A");
    var b1 = event("B");
    var c1 = event("C");
    var a2 = event("A");
    var producer = new FakeProducer(e -> null);
    producer.refuseSynchronously.put(b1, new TimeoutException("no metadata within 5000 ms"));

    var outcome = KeyOrderedSend.send(List.of(a1, b1, c1, a2), producer, TIMEOUT);

    assertThat(outcome.published()).containsExactly(a1);
    assertThat(outcome.failed()).containsExactly(b1);
    assertThat(producer.handed).containsExactly(a1);
    assertThat(outcome.firstFailure()).get().isInstanceOf(TimeoutException.class);
  }

  @Test
  void aRecordKafkaCanNeverTakeIsQuarantinedAndItsKeyGoesOn() {
    var a1 = event("A");
    var a2 = event("A");
    var a3 = event("A");
    var producer =
        new FakeProducer(e -> e == a2 ? new RecordTooLargeException("too large: 2 MB") : null);

    var outcome = KeyOrderedSend.send(List.of(a1, a2, a3), producer, TIMEOUT);

    assertThat(outcome.published()).containsExactly(a1, a3);
    assertThat(outcome.quarantined())
        .containsOnlyKeys(a2)
        .containsValue("RecordTooLargeException: too large: 2 MB");
    assertThat(outcome.failed()).isEmpty();
    assertThat(outcome.complete(3)).isTrue();
  }

  @Test
  void aRecordRefusedUpFrontAsTooLargeIsQuarantinedAndTheRoundGoesOn() {
    var a1 = event("A");
    var b1 = event("B");
    var producer = new FakeProducer(e -> null);
    producer.refuseSynchronously.put(a1, new RecordTooLargeException("above max.request.size"));

    var outcome = KeyOrderedSend.send(List.of(a1, b1), producer, TIMEOUT);

    assertThat(outcome.quarantined()).containsOnlyKeys(a1);
    assertThat(outcome.published()).containsExactly(b1);
  }

  @Test
  void anAcknowledgementThatNeverComesCountsAsAFailure() {
    var a1 = event("A");
    var a2 = event("A");
    var producer = new FakeProducer(e -> null);
    producer.neverAnswer.add(a1);

    var outcome = KeyOrderedSend.send(List.of(a1, a2), producer, Duration.ofMillis(50));

    assertThat(outcome.failed()).containsExactly(a1);
    assertThat(outcome.firstFailure())
        .get()
        .isInstanceOf(java.util.concurrent.TimeoutException.class);
    assertThat(producer.handed).containsExactly(a1);
  }

  @Test
  void aFailedFlushLeavesTheVerdictToEachRecord() {
    var a1 = event("A");
    var producer = new FakeProducer(e -> null);
    producer.flushFails = true;

    var outcome = KeyOrderedSend.send(List.of(a1), producer, TIMEOUT);

    assertThat(outcome.published()).containsExactly(a1);
  }

  @Test
  void anEmptyBatchHandsNothingOver() {
    var producer = new FakeProducer(e -> null);

    var outcome = KeyOrderedSend.send(List.of(), producer, TIMEOUT);

    assertThat(outcome.published()).isEmpty();
    assertThat(outcome.complete(0)).isTrue();
    assertThat(producer.log).isEmpty();
  }

  private static PendingEvent event(String key) {
    return new PendingEvent(
        UUID.randomUUID(),
        0,
        "enrollment.events",
        key,
        "ServiceEnrolled",
        1,
        Instant.parse("2026-11-27T10:00:00Z"),
        "{}",
        null);
  }

  /** A producer that answers each record at once, failing those the rule names. */
  private static final class FakeProducer implements KeyOrderedSend.Sender {

    final List<PendingEvent> handed = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final Map<PendingEvent, RuntimeException> refuseSynchronously = new HashMap<>();
    final List<PendingEvent> neverAnswer = new ArrayList<>();
    final Function<PendingEvent, Exception> failure;
    boolean flushFails;

    FakeProducer(Function<PendingEvent, Exception> failure) {
      this.failure = failure;
    }

    @Override
    public CompletableFuture<?> send(PendingEvent event) {
      RuntimeException refusal = refuseSynchronously.get(event);
      if (refusal != null) {
        throw refusal;
      }
      handed.add(event);
      log.add("send " + event.id());
      if (neverAnswer.contains(event)) {
        return new CompletableFuture<>();
      }
      Exception e = failure.apply(event);
      return e == null
          ? CompletableFuture.completedFuture(event)
          : CompletableFuture.failedFuture(e);
    }

    @Override
    public void flush() {
      log.add("flush");
      if (flushFails) {
        throw new IllegalStateException("flush failed");
      }
    }
  }
}
