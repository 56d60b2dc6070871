package org.mhaqi.support.messaging;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells failures that go away by themselves (the database down or restarting, a connection that
 * died mid-transaction, a deadlock, a lock or statement timeout, an exhausted connection pool) from
 * those that do not. A consumer retries the first kind until they pass; retrying cannot help the
 * second.
 *
 * <p>A lost connection shows itself in many wrappers, often without an SQLSTATE: Hikari's
 * "Connection is closed" on a connection it has evicted, Hibernate's {@code TransactionException}
 * on commit or rollback, a rollback that itself failed (which hides the first failure in {@link
 * TransactionSystemException#getApplicationException()}), PgJDBC's I/O errors. Any of them anywhere
 * in the chain makes the failure transient.
 */
public final class TransientFailures {

  private static final int MAX_DEPTH = 32;

  private TransientFailures() {}

  /** Whether the failure, or any of its causes, is transient (and none of them is poison). */
  public static boolean isTransient(Throwable failure) {
    if (poison(failure).isPresent()) {
      return false;
    }
    for (Throwable cause : chain(failure)) {
      if (isTransientItself(cause)) {
        return true;
      }
    }
    return false;
  }

  /** The poison verdict in the failure's causes, if a handler gave one. */
  public static Optional<PoisonEventException> poison(Throwable failure) {
    for (Throwable cause : chain(failure)) {
      if (cause instanceof PoisonEventException poison) {
        return Optional.of(poison);
      }
    }
    return Optional.empty();
  }

  /** The innermost cause: what actually went wrong beneath the framework's wrappers. */
  public static Throwable rootCause(Throwable failure) {
    Throwable root = failure;
    for (Throwable cause : chain(failure)) {
      root = cause;
    }
    return root;
  }

  private static boolean isTransientItself(Throwable cause) {
    if (cause instanceof CommitFailedException
        || cause instanceof RollbackFailedException
        || cause instanceof TransientDataAccessException
        || cause instanceof RecoverableDataAccessException
        || cause instanceof DataAccessResourceFailureException
        || cause instanceof CannotCreateTransactionException
        || cause instanceof SQLTransientException
        || cause instanceof SQLRecoverableException
        || cause instanceof IOException
        || isHibernateTransactionFailure(cause)) {
      return true;
    }
    if (cause instanceof TransactionSystemException rollback
        && rollback.getApplicationException() != null) {
      return true; // the rollback after another failure failed: the connection is gone
    }
    return cause instanceof SQLException sql
        && (isTransientState(sql.getSQLState()) || isClosedConnection(sql));
  }

  /** Hikari's answer on a connection it evicted after a fatal error: no SQLSTATE, just this. */
  private static boolean isClosedConnection(SQLException sql) {
    return sql.getSQLState() == null
        && sql.getMessage() != null
        && sql.getMessage().startsWith("Connection is closed");
  }

  /** {@code org.hibernate.TransactionException}: a begin, commit or rollback that failed. */
  private static boolean isHibernateTransactionFailure(Throwable cause) {
    for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals("org.hibernate.TransactionException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * PostgreSQL's SQLSTATE classes that pass with time: 08 connection exception, 40 transaction
   * rollback (serialization failure, deadlock), 53 insufficient resources, 57P operator
   * intervention (admin shutdown, crash shutdown, cannot connect now), 55P03 lock not available,
   * 57014 query cancelled (a statement or lock timeout).
   */
  static boolean isTransientState(String state) {
    if (state == null) {
      return false;
    }
    return state.startsWith("08")
        || state.startsWith("40")
        || state.startsWith("53")
        || state.startsWith("57P")
        || state.equals("55P03")
        || state.equals("57014");
  }

  /**
   * The classes in the failure's chain with their SQLSTATEs, outermost first, for the log line that
   * says why a message was given up.
   */
  public static String describe(Throwable failure) {
    StringBuilder chain = new StringBuilder();
    for (Throwable cause : chain(failure)) {
      if (!chain.isEmpty()) {
        chain.append(" <- ");
      }
      chain.append(cause.getClass().getName());
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        chain.append('[').append(sql.getSQLState()).append(']');
      }
    }
    return chain.toString();
  }

  /**
   * The failure and its causes, each once, outermost first (causes may form a cycle); after a
   * failed rollback's causes, the failure that the rollback followed and its causes.
   */
  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    List<Throwable> hidden = new ArrayList<>();
    Throwable current = failure;
    while (current != null && chain.size() < MAX_DEPTH && !containsSame(chain, current)) {
      chain.add(current);
      if (current instanceof TransactionSystemException rollback
          && rollback.getApplicationException() != null) {
        hidden.add(rollback.getApplicationException());
      }
      current = current.getCause();
      if (current == null && !hidden.isEmpty()) {
        current = hidden.remove(0);
      }
    }
    return chain;
  }

  private static boolean containsSame(List<Throwable> chain, Throwable candidate) {
    for (Throwable t : chain) {
      if (t == candidate) {
        return true;
      }
    }
    return false;
  }
}
