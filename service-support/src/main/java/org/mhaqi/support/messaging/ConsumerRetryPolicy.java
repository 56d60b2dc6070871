package org.mhaqi.support.messaging;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How long a consumer keeps trying a message that failed, by kind of failure:
 *
 * <ul>
 *   <li>poison ({@link PoisonEventException}): not at all, straight to the dead-letter topic;
 *   <li>transient (database away, a connection lost mid-transaction, deadlock, lock timeout, pool
 *       exhausted; see {@link TransientFailures}), or any failure while the database does not
 *       answer a trivial query: for as long as it takes, with a back-off growing to a ceiling, so a
 *       database outage delays events and never dead-letters them;
 *   <li>anything else (a defect): a few times, as the binding's retry settings say, then the
 *       dead-letter topic, from where it can be replayed once the defect is fixed.
 * </ul>
 *
 * <p>Every pause is shorter than the consumer's {@code max.poll.interval.ms}: the container polls
 * between attempts, so a long outage never costs the consumer its partitions.
 *
 * @param transientInitial the first pause after a transient failure
 * @param transientCeiling the longest pause between attempts at a transient failure
 * @param unexpected the back-off for other failures (the binding's max-attempts and back-off)
 */
public record ConsumerRetryPolicy(
    Duration transientInitial, Duration transientCeiling, BackOff unexpected) {

  /** The binder's default for unexpected failures: 3 attempts, 1 s apart. */
  public static final BackOff DEFAULT_UNEXPECTED = new FixedBackOff(1_000, 2);

  public ConsumerRetryPolicy {
    if (transientInitial.isNegative()
        || transientInitial.isZero()
        || transientCeiling.compareTo(transientInitial) < 0) {
      throw new IllegalArgumentException(
          "Transient back-off needs 0 < initial <= ceiling: "
              + transientInitial
              + ", "
              + transientCeiling);
    }
    if (unexpected == null) {
      unexpected = DEFAULT_UNEXPECTED;
    }
  }

  /** The back-off for a message that failed with this exception, the database answering. */
  public BackOff backOffFor(Throwable failure) {
    return backOffFor(failure, () -> true);
  }

  /**
   * The back-off for a message that failed with this exception: while the database does not answer
   * a trivial query, any failure but poison is transient, whatever its wrapper says.
   */
  public BackOff backOffFor(Throwable failure, BooleanSupplier databaseAnswers) {
    if (TransientFailures.poison(failure).isPresent()) {
      return new FixedBackOff(0, 0);
    }
    if (TransientFailures.isTransient(failure) || !databaseAnswers.getAsBoolean()) {
      ExponentialBackOff backOff = new ExponentialBackOff(transientInitial.toMillis(), 2.0);
      backOff.setMaxInterval(transientCeiling.toMillis());
      backOff.setMaxElapsedTime(Long.MAX_VALUE);
      return backOff;
    }
    return unexpected;
  }
}
