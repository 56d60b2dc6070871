package org.mhaqi.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Which instance of a service relays: the one holding a session-level PostgreSQL advisory lock on a
 * connection of its own. The lock lives as long as that session, outside any transaction, so the
 * relay can read, send and mark in short statements and never keeps a transaction open while Kafka
 * answers.
 *
 * <p>The relay's statements run on that same session. A statement that succeeds there proves the
 * lock was held when it ran, so no separate check costs a round trip per pass; one that fails drops
 * the session (the database restarted, the connection was cut: the lock went with it), and the
 * instance competes for the lock again like any other. Nothing the relay marks can be written by an
 * instance that lost its session.
 *
 * <p>The session commits without waiting for the disk ({@code synchronous_commit = off}): what the
 * relay writes only saves work. A published mark lost in a database crash means the event is sent
 * again, which at-least-once delivery allows and consumers deduplicate by id; the marks lost are
 * always the latest (the log is written in order), so a key is never left with a later event marked
 * and an earlier one not. The setting is reset before the connection goes back to the pool.
 */
final class RelayLeadership implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);

  private final DataSource dataSource;
  private final long lockKey;
  private Connection held;
  private JdbcClient session;

  RelayLeadership(DataSource dataSource, long lockKey) {
    this.dataSource = dataSource;
    this.lockKey = lockKey;
  }

  /**
   * Runs {@code work} on the relay's session if this instance relays, taking the lock first if no
   * one holds it; empty, without running it, when another instance holds it. If the work fails, the
   * session is dropped; a session kept from an earlier call may have died since (the database
   * restarted), so the work is tried once more on a fresh one before the failure is passed on. The
   * relay's work (reading, marking, purging) may run twice.
   *
   * @throws DataAccessResourceFailureException when the database cannot be reached for the lock
   */
  synchronized <T> Optional<T> whileLeading(Function<JdbcClient, T> work) {
    boolean kept = held != null;
    try {
      return onSession(work);
    } catch (RuntimeException e) {
      if (!kept) {
        throw e;
      }
      log.warn(
          "The outbox relay's session failed ({}); competing for the relay lock again",
          e.toString());
      return onSession(work);
    }
  }

  private <T> Optional<T> onSession(Function<JdbcClient, T> work) {
    if (!holds()) {
      return Optional.empty();
    }
    try {
      return Optional.of(work.apply(session));
    } catch (RuntimeException e) {
      discard();
      throw e;
    }
  }

  /** Whether this instance relays now: keeps the session it has, else tries to take the lock. */
  private boolean holds() {
    if (held != null) {
      if (!closed(held)) {
        return true;
      }
      log.warn("The outbox relay lost its database session and with it the relay lock");
      discard();
    }
    try {
      return tryLock();
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException(
          "Cannot reach the database for the relay lock", e);
    }
  }

  private boolean tryLock() throws SQLException {
    Connection connection = dataSource.getConnection();
    boolean locked = false;
    try {
      connection.setAutoCommit(true);
      try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
        lock.setLong(1, lockKey);
        try (ResultSet rs = lock.executeQuery()) {
          locked = rs.next() && rs.getBoolean(1);
        }
      }
      if (locked) {
        try (Statement asynchronous = connection.createStatement()) {
          asynchronous.execute("set synchronous_commit to off");
        }
      }
    } catch (SQLException e) {
      if (locked) {
        // Locked, but the session cannot be set up: let go of it whole.
        release(connection);
        locked = false;
      }
      throw e;
    } finally {
      if (!locked) {
        connection.close();
      }
    }
    if (!locked) {
      return false;
    }
    held = connection;
    session = JdbcClient.create(new SingleConnectionDataSource(connection, true));
    log.info("This instance now relays the outbox");
    return true;
  }

  private static boolean closed(Connection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** Gives the lock up, e.g. when the relay stops; another instance takes over. */
  @Override
  public synchronized void close() {
    if (held == null) {
      return;
    }
    try (PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?)")) {
      unlock.setLong(1, lockKey);
      unlock.execute();
    } catch (SQLException e) {
      log.debug("Could not release the relay lock; it goes with the session", e);
    }
    discard();
  }

  private void discard() {
    try {
      release(held);
    } finally {
      try {
        held.close();
      } catch (SQLException e) {
        log.debug("Closing the relay's lock connection failed", e);
      }
      held = null;
      session = null;
    }
  }

  /** Hands back a connection with no session lock and no relay setting left on it. */
  private static void release(Connection connection) {
    try {
      if (!connection.isClosed()) {
        try (Statement reset = connection.createStatement()) {
          reset.execute("select pg_advisory_unlock_all()");
          reset.execute("reset synchronous_commit");
        }
      }
    } catch (SQLException e) {
      log.debug("The relay's lock session is gone already", e);
    }
  }
}
