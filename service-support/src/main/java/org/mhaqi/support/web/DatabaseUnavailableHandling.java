package org.mhaqi.support.web;

import java.net.URI;
import org.mhaqi.support.messaging.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a request the database could not serve for the moment as what it is, never a 500: 503
 * with {@code Retry-After} while the database is unreachable, restarting or out of connections, 409
 * with {@code Retry-After} when the request lost a lock (a deadlock, a lock timeout) to a
 * concurrent one. In both cases nothing was written, so the client may simply try again. Runs
 * before {@link ProblemHandling}, whose catch-all would otherwise answer 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailableHandling {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableHandling.class);

  /** Seconds a client should wait before retrying after the database was unreachable. */
  static final String UNAVAILABLE_RETRY_AFTER = "5";

  /** Seconds a client should wait before retrying after losing a lock. */
  static final String LOCK_RETRY_AFTER = "1";

  @ExceptionHandler(PessimisticLockingFailureException.class)
  ResponseEntity<ProblemDetail> lockConflict(PessimisticLockingFailureException e) {
    log.info("Request lost a lock to a concurrent one: {}", e.getMostSpecificCause().getMessage());
    return answer(
        HttpStatus.CONFLICT,
        "lock-conflict",
        "Busy with a concurrent change",
        "Another request was changing the same data at the same time; nothing was changed."
            + " Try again.",
        LOCK_RETRY_AFTER);
  }

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    RecoverableDataAccessException.class,
    TransientDataAccessResourceException.class,
    QueryTimeoutException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
    return unavailable(e);
  }

  /** Commit or rollback failures and untranslated SQL errors: a 503 only when the cause passes. */
  @ExceptionHandler({TransactionSystemException.class, UncategorizedDataAccessException.class})
  ResponseEntity<ProblemDetail> possiblyUnavailable(Exception e) {
    if (TransientFailures.isTransient(e)) {
      return unavailable(e);
    }
    log.error("Request failed unexpectedly", e);
    String traceId = MDC.get("traceId");
    return answer(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal-error",
        "Internal error",
        "The request could not be completed"
            + (traceId == null ? "" : "; the error is logged under trace id " + traceId),
        null);
  }

  private ResponseEntity<ProblemDetail> unavailable(Exception e) {
    log.warn(
        "Request refused while the database is unavailable: {}",
        TransientFailures.rootCause(e).toString());
    return answer(
        HttpStatus.SERVICE_UNAVAILABLE,
        "database-unavailable",
        "Temporarily unavailable",
        "The service cannot reach its database at the moment; nothing was changed. Try again"
            + " shortly.",
        UNAVAILABLE_RETRY_AFTER);
  }

  private static ResponseEntity<ProblemDetail> answer(
      HttpStatus status, String code, String title, String detail, String retryAfter) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:mhaqi:problem:" + code));
    problem.setTitle(title);
    var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfter != null) {
      response.header(HttpHeaders.RETRY_AFTER, retryAfter);
    }
    return response.body(problem);
  }
}
