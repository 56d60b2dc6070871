package org.mhaqi.notification.contact;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A person notification-service writes to.
 *
 * @param odsCode the organisation's ODS code: of an organisation's contact, and of a service's when
 *     its organisation is known
 */
public record Contact(
    UUID id,
    String name,
    String email,
    ContactScope scope,
    String odsCode,
    UUID serviceId,
    UUID coachId,
    Set<MessageKind> kinds,
    Instant createdAt,
    Instant unsubscribedAt) {}
