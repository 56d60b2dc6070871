package org.mhaqi.support.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance of a service relays: the one holding a session-level PostgreSQL advisory lock on a
 * connection of its own. The lock lives as long as that session, outside any transaction, so the
 * relay can read, send and mark in short transactions and never keeps one open while Kafka answers.
 * If the session dies (the database restarts, the connection is cut) the lock goes with it; the
 * holder notices at its next pass and competes for it again like any other instance.
 */
final class RelayLeadership implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);

  private final DataSource dataSource;
  private final long lockKey;
  private Connection held;

  RelayLeadership(DataSource dataSource, long lockKey) {
    this.dataSource = dataSource;
    this.lockKey = lockKey;
  }

  /**
   * Whether this instance relays now: keeps the lock while its session lives, else tries to take
   * it.
   *
   * @throws SQLException when the database cannot be reached
   */
  synchronized boolean holds() throws SQLException {
    if (held != null) {
      if (alive(held)) {
        return true;
      }
      log.warn("The outbox relay lost its database session and with it the relay lock");
      discard();
    }
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
    } finally {
      if (!locked) {
        connection.close();
      }
    }
    if (locked) {
      held = connection;
      log.info("This instance now relays the outbox");
    }
    return locked;
  }

  private boolean alive(Connection connection) {
    try (PreparedStatement check =
        connection.prepareStatement(
            "select count(*) from pg_locks where locktype = 'advisory' and pid = pg_backend_pid()"
                + " and granted")) {
      try (ResultSet rs = check.executeQuery()) {
        return rs.next() && rs.getLong(1) > 0;
      }
    } catch (SQLException e) {
      return false;
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
      // Hand back a connection with no session lock left on it, or none at all.
      if (!held.isClosed()) {
        try (PreparedStatement unlockAll =
            held.prepareStatement("select pg_advisory_unlock_all()")) {
          unlockAll.execute();
        }
      }
    } catch (SQLException e) {
      log.debug("The relay's lock session is gone already", e);
    } finally {
      try {
        held.close();
      } catch (SQLException e) {
        log.debug("Closing the relay's lock connection failed", e);
      }
      held = null;
    }
  }
}
