package org.mhaqi.coaching.coach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one lock over coaches' time. Every decision that books a coach or takes a coach's day away
 * holds it until its transaction ends, so none of them sees the roster while another changes it.
 */
@Component
public class RosterLock {

  /** Any constant: one roster per service database. */
  private static final long ROSTER_LOCK = 0x726f73746572L;

  private final JdbcClient jdbc;

  RosterLock(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes the lock for the rest of the current transaction, waiting for its holder if any. */
  public void lock() {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(ROSTER_LOCK).query().singleRow();
  }
}
