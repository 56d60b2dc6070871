package org.mhaqi.support.outbox;

import org.slf4j.MDC;

/** The W3C trace context of the current request, as the tracing bridge puts it in the MDC. */
final class TraceContext {

  private TraceContext() {}

  static String currentTraceparent() {
    String traceId = MDC.get("traceId");
    String spanId = MDC.get("spanId");
    if (traceId == null || spanId == null) {
      return null;
    }
    return "00-" + traceId + "-" + spanId + "-01";
  }
}
