package org.mhaqi.support.outbox;

import java.util.Optional;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Failures that sending the same record again can never cure: it is too large for the producer or
 * the topic, the record or its topic name is invalid, it cannot be serialized. Anything else
 * (broker away, leader moving, not enough in-sync replicas, a timeout) may pass and is retried.
 */
final class Unsendable {

  private static final int MAX_DEPTH = 16;

  private Unsendable() {}

  /** Why the record can never be sent, if the failure says so. */
  static Optional<String> reason(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++) {
      if (cause instanceof RecordTooLargeException
          || cause instanceof RecordBatchTooLargeException
          || cause instanceof InvalidTopicException
          || cause instanceof InvalidRecordException
          || cause instanceof SerializationException) {
        return Optional.of(
            cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
      }
      cause = cause.getCause();
    }
    return Optional.empty();
  }
}
