package org.mhaqi.support.outbox;

import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** DOWN when events wait in the outbox longer than they should: Kafka is out of reach. */
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
    Health.Builder health =
        backlog.oldestAge().compareTo(threshold) > 0 ? Health.down() : Health.up();
    return health
        .withDetail("pending", backlog.pending())
        .withDetail("oldestPendingSeconds", backlog.oldestAge().toSeconds())
        .build();
  }
}
