package org.mhaqi.support.outbox;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The outbox backlog as health details: how many events wait for Kafka, how long the oldest has
 * waited, whether that is longer than it should be, and how many are quarantined. Always UP: the
 * service keeps accepting writes while Kafka is away (they wait in the outbox), so a backlog is a
 * reason to alert (on {@code outbox_events_pending} and {@code outbox_publish_lag}), never a reason
 * to stop serving. Readiness depends on the database only.
 */
class OutboxHealthIndicator implements HealthIndicator {

  private final OutboxRelay relay;
  private final Duration threshold;

  OutboxHealthIndicator(OutboxRelay relay, Duration threshold) {
    this.relay = relay;
    this.threshold = threshold;
  }

  @Override
  public Health health() {
    OutboxRelay.Backlog backlog = relay.backlog();
    return Health.up()
        .withDetail("pending", backlog.pending())
        .withDetail("oldestPendingSeconds", backlog.oldestAge().toSeconds())
        .withDetail("behind", backlog.oldestAge().compareTo(threshold) > 0)
        .withDetail("quarantined", backlog.quarantined())
        .build();
  }
}
