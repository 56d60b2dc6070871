package org.mhaqi.support.messaging;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whether the consumer's connection pool can run a trivial query now. The error handling asks it
 * before giving up on a message: while the database does not answer, no failure is taken as the
 * event's fault, and the message waits instead of going to the dead-letter topic.
 */
@FunctionalInterface
public interface DatabaseProbe {

  /** A probe for a service without a database of its own: always answers. */
  DatabaseProbe NONE = () -> true;

  boolean answers();

  /** {@code select 1} through the pool, given at most a few seconds to answer. */
  static DatabaseProbe of(DataSource dataSource) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    jdbc.setQueryTimeout(3);
    return () -> {
      try {
        return Integer.valueOf(1).equals(jdbc.queryForObject("select 1", Integer.class));
      } catch (RuntimeException e) {
        return false;
      }
    };
  }
}
