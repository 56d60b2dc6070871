package org.mhaqi.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

class DatabaseUnavailableHandlingTest {

  private static final Map<String, Supplier<RuntimeException>> FAILURES =
      Map.ofEntries(
          Map.entry(
              "no-connection",
              () ->
                  new CannotGetJdbcConnectionException(
                      "Failed to obtain JDBC Connection",
                      new SQLTransientConnectionException("Connection is not available"))),
          Map.entry(
              "no-transaction",
              () -> new CannotCreateTransactionException("Could not open JDBC Connection")),
          Map.entry("reset", () -> new RecoverableDataAccessException("connection reset")),
          Map.entry("statement-timeout", () -> new QueryTimeoutException("canceling statement")),
          Map.entry("lock-timeout", () -> new CannotAcquireLockException("lock timeout")),
          Map.entry("deadlock", () -> new PessimisticLockingFailureException("deadlock detected")),
          Map.entry(
              "commit-lost-connection",
              () ->
                  new TransactionSystemException(
                      "Could not commit JDBC transaction",
                      new SQLException("An I/O error occurred", "08006"))),
          Map.entry(
              "commit-failed-otherwise",
              () -> new TransactionSystemException("Could not commit: a bug")),
          Map.entry(
              "uncategorized-connection",
              () ->
                  new UncategorizedSQLException(
                      "select", "select 1", new SQLException("terminating connection", "57P01"))),
          Map.entry(
              "duplicate",
              () -> new DataIntegrityViolationException("duplicate key value violates unique")));

  private final MockMvc mvc =
      MockMvcBuilders.standaloneSetup(new FailingController())
          .setControllerAdvice(new ProblemHandling(), new DatabaseUnavailableHandling())
          .build();

  @Test
  void anUnreachableDatabaseAnswers503WithRetryAfter() throws Exception {
    for (String failure : new String[] {"no-connection", "no-transaction", "reset"}) {
      mvc.perform(get("/fail/{failure}", failure))
          .andExpect(status().isServiceUnavailable())
          .andExpect(header().string("Retry-After", "5"))
          .andExpect(jsonPath("$.type").value("urn:mhaqi:problem:database-unavailable"));
    }
  }

  @Test
  void aStatementTimeoutAnswers503() throws Exception {
    mvc.perform(get("/fail/statement-timeout"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"));
  }

  @Test
  void aLostLockOrDeadlockAnswers409WithRetryAfter() throws Exception {
    for (String failure : new String[] {"lock-timeout", "deadlock"}) {
      mvc.perform(get("/fail/{failure}", failure))
          .andExpect(status().isConflict())
          .andExpect(header().string("Retry-After", "1"))
          .andExpect(jsonPath("$.type").value("urn:mhaqi:problem:lock-conflict"));
    }
  }

  @Test
  void aCommitThatLostItsConnectionAnswers503AndOtherCommitFailures500() throws Exception {
    mvc.perform(get("/fail/commit-lost-connection"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(header().string("Retry-After", "5"));
    mvc.perform(get("/fail/uncategorized-connection")).andExpect(status().isServiceUnavailable());
    mvc.perform(get("/fail/commit-failed-otherwise"))
        .andExpect(status().isInternalServerError())
        .andExpect(header().doesNotExist("Retry-After"))
        .andExpect(jsonPath("$.type").value("urn:mhaqi:problem:internal-error"));
  }

  @Test
  void otherDatabaseRefusalsKeepTheirAnswers() throws Exception {
    mvc.perform(get("/fail/duplicate"))
        .andExpect(status().isConflict())
        .andExpect(header().doesNotExist("Retry-After"))
        .andExpect(jsonPath("$.type").value("urn:mhaqi:problem:conflict"));
  }

  @RestController
  static class FailingController {

    @GetMapping("/fail/{failure}")
    String fail(@PathVariable String failure) {
      throw FAILURES.get(failure).get();
    }
  }
}
