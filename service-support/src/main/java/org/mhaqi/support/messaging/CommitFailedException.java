package org.mhaqi.support.messaging;

/**
 * The commit of a consumer's transaction failed: whether it took effect is unknown (a connection
 * that died while committing may or may not have committed). Never a verdict on the events, so they
 * are retried, never dead-lettered for it; a retry that finds them applied skips them as
 * duplicates.
 */
final class CommitFailedException extends RuntimeException {

  CommitFailedException(String consumer, RuntimeException failure) {
    super(
        "The commit of a transaction of " + consumer + " failed; its outcome is unknown", failure);
  }
}
