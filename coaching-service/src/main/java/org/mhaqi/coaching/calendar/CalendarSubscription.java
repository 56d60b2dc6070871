package org.mhaqi.coaching.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A subscription to a calendar feed: a coach's or a service's sessions, reachable without a bearer
 * token at a URL holding a random token. Only the token's SHA-256 hash is kept, so the database
 * alone opens no feed; a revoked subscription's URL answers 404.
 */
@Entity
@Table(name = "calendar_subscription")
class CalendarSubscription {

  @Id private UUID id;
  private String tokenHash;

  /** The token subject of who subscribed: only they (or an administrator) list and revoke it. */
  private String subscriber;

  private UUID coachId;
  private UUID serviceId;
  private Instant createdAt;
  private Instant revokedAt;

  protected CalendarSubscription() {}

  CalendarSubscription(
      String tokenHash, String subscriber, UUID coachId, UUID serviceId, Instant createdAt) {
    this.id = UUID.randomUUID();
    this.tokenHash = tokenHash;
    this.subscriber = subscriber;
    this.coachId = coachId;
    this.serviceId = serviceId;
    this.createdAt = createdAt;
  }

  /** Revokes it; revoking twice keeps the first time. */
  void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  UUID getId() {
    return id;
  }

  String getSubscriber() {
    return subscriber;
  }

  UUID getCoachId() {
    return coachId;
  }

  UUID getServiceId() {
    return serviceId;
  }

  Instant getCreatedAt() {
    return createdAt;
  }

  Instant getRevokedAt() {
    return revokedAt;
  }
}
