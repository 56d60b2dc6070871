package org.mhaqi.support.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row Kafka has not yet acknowledged. */
record PendingEvent(
    UUID id,
    long position,
    String topic,
    String key,
    String type,
    int schemaVersion,
    Instant occurredAt,
    String payload,
    String traceparent) {}
