package org.mhaqi.support.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One change made through the API.
 *
 * @param operation the route as documented, e.g. {@code POST
 *     /api/enrollments/{enrollmentId}/admission}
 * @param target the path's ids, e.g. {@code {"enrollmentId": "..."}}
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String subject,
    String roles,
    String organisation,
    String operation,
    String path,
    Map<String, String> target,
    String requestId,
    String traceId) {}
