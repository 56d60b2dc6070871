package org.mhaqi.evaluation.it;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Counts the SQL statements some work sends through JdbcTemplate (and so JdbcClient) on the calling
 * thread, from JdbcTemplate's own debug log of each statement: the service's consumers and
 * schedulers, busy on other threads, are not counted.
 */
final class StatementCount {

  /** "Executing prepared SQL statement [...]", "Executing SQL query [...]" and the like. */
  private static final Pattern STATEMENT =
      Pattern.compile("Executing (prepared )?SQL (statement|query|update) \\[.*", Pattern.DOTALL);

  private StatementCount() {}

  static int onThisThread(Runnable work) {
    Logger logger = (Logger) LoggerFactory.getLogger(JdbcTemplate.class);
    Level level = logger.getLevel();
    ListAppender<ILoggingEvent> statements = new ListAppender<>();
    statements.start();
    logger.addAppender(statements);
    logger.setLevel(Level.DEBUG);
    try {
      work.run();
    } finally {
      logger.setLevel(level);
      logger.detachAppender(statements);
    }
    String thread = Thread.currentThread().getName();
    return (int)
        statements.list.stream()
            .filter(e -> thread.equals(e.getThreadName()))
            .filter(e -> STATEMENT.matcher(e.getFormattedMessage()).matches())
            .count();
  }
}
