package org.mhaqi.support.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mhaqi.support.security.Caller;
import org.mhaqi.support.security.Callers;
import org.mhaqi.support.web.RequestIds;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every change made through the API, whichever code makes it: when a transaction begins
 * while a change request (any method but GET, HEAD and OPTIONS) is handled, it writes the request's
 * audit row just before that transaction commits, on the same connection. A change and its audit
 * row (and the events in the outbox) therefore commit together or not at all; a refused request
 * that wrote nothing leaves no row. Only the first committing transaction of a request writes one.
 */
class AuditTrail implements TransactionExecutionListener {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final String RECORDED = AuditTrail.class.getName() + ".recorded";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
    if (beginFailure != null
        || transaction.isReadOnly()
        || ScratchWork.TRANSACTION_NAME.equals(transaction.getTransactionName())
        || !TransactionSynchronizationManager.isSynchronizationActive()) {
      return;
    }
    HttpServletRequest request = currentChangeRequest();
    if (request == null || request.getAttribute(RECORDED) != null) {
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            if (!readOnly && request.getAttribute(RECORDED) == null) {
              record(request);
              request.setAttribute(RECORDED, Boolean.TRUE);
            }
          }

          @Override
          public void afterCompletion(int status) {
            if (status != STATUS_COMMITTED) {
              // The row went with the rollback: a later transaction of the request records it.
              request.removeAttribute(RECORDED);
            }
          }
        });
  }

  private void record(HttpServletRequest request) {
    Caller caller = Callers.current();
    String template = (String) request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    @SuppressWarnings("unchecked")
    Map<String, String> variables =
        (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String requestId = RequestIds.of(request);
    jdbc.sql(
            """
            insert into audit_event (occurred_at, subject, roles, organisation, method, operation,
                                     path, target, request_id, trace_id)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
            """)
        .params(
            java.sql.Timestamp.from(clock.instant()),
            truncate(caller.subject(), 200),
            caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
            caller.organisation() == null ? null : truncate(caller.organisation(), 20),
            request.getMethod(),
            truncate(
                request.getMethod() + " " + (template == null ? request.getRequestURI() : template),
                300),
            truncate(request.getRequestURI(), 2000),
            JSON.writeValueAsString(variables == null ? Map.of() : new TreeMap<>(variables)),
            requestId == null ? "none" : requestId,
            MDC.get("traceId"))
        .update();
  }

  private static HttpServletRequest currentChangeRequest() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      if (!READS.contains(request.getMethod()) && request.getRequestURI().startsWith("/api/")) {
        return request;
      }
    }
    return null;
  }

  private static String truncate(String value, int max) {
    return value.length() > max ? value.substring(0, max) : value;
  }
}
