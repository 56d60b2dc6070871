package org.mhaqi.support.messaging;

/**
 * A consumer's transaction failed and then its rollback failed too: the connection is gone, which
 * says nothing about the events. Caused by the first failure (a handler's poison verdict stays
 * one), with the rollback's failure suppressed.
 */
final class RollbackFailedException extends RuntimeException {

  RollbackFailedException(String consumer, Throwable failure, RuntimeException rollbackFailure) {
    super(
        "A transaction of "
            + consumer
            + " failed and its rollback failed too ("
            + TransientFailures.rootCause(rollbackFailure).getMessage()
            + ")",
        failure);
    addSuppressed(rollbackFailure);
  }
}
