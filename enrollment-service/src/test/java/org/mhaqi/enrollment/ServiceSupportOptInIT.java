package org.mhaqi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhaqi.support.messaging.EventConsumers;
import org.mhaqi.support.outbox.OutboxRelay;
import org.mhaqi.testing.ServiceIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * enrollment-service publishes events and consumes none: it has service-support's outbox and relay,
 * and none of its consumer machinery (no dead-letter tool, no consumer health).
 */
class ServiceSupportOptInIT extends ServiceIntegrationTest {

  @Autowired ApplicationContext context;

  @Test
  void theOutboxIsThereAndTheConsumerMachineryIsNot() {
    assertThat(context.getBeanNamesForType(OutboxRelay.class)).hasSize(1);
    assertThat(context.getBeanNamesForType(EventConsumers.class)).isEmpty();
    assertThat(context.containsBean("processedEventsPurge")).isFalse();

    assertThat(api.get("/api/admin/dead-letters").status()).isEqualTo(404);
    var health = api.get("/actuator/health").body().path("components");
    assertThat(health.has("outbox")).isTrue();
    assertThat(health.has("consumers")).isFalse();
  }
}
