package org.mhaqi.support.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The state of the service's Kafka consumers as health details: whether the broker answers, and per
 * binding whether its container runs and how many partitions it has been assigned (none while the
 * broker is away, or when other instances of the group hold them all). Always UP: a consumer that
 * cannot consume delays events, which wait on Kafka; it is no reason to stop serving the API. Alert
 * on the details or on {@code events_consumer_partitions_assigned}.
 */
public class ConsumerHealthIndicator implements HealthIndicator {

  /** One bound consumer. */
  record Binding(String destination, String group, MessageListenerContainer container) {

    int assignedPartitions() {
      var assigned = container.getAssignedPartitions();
      return assigned == null ? 0 : assigned.size();
    }
  }

  private final List<Binding> bindings = new CopyOnWriteArrayList<>();
  private final KafkaAdmin admin;

  public ConsumerHealthIndicator(KafkaAdmin admin) {
    this.admin = admin;
  }

  void register(String destination, String group, MessageListenerContainer container) {
    bindings.add(new Binding(destination, group, container));
  }

  List<Binding> bindings() {
    return List.copyOf(bindings);
  }

  @Override
  public Health health() {
    Map<String, Object> consumers = new LinkedHashMap<>();
    for (Binding binding : bindings) {
      consumers.put(
          binding.destination() + "/" + binding.group(),
          Map.of(
              "running", binding.container().isRunning(),
              "assignedPartitions", binding.assignedPartitions()));
    }
    return Health.up()
        .withDetail("brokerReachable", brokerReachable())
        .withDetail("bindings", consumers)
        .build();
  }

  private boolean brokerReachable() {
    try (Admin client = Admin.create(admin.getConfigurationProperties())) {
      client
          .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
          .nodes()
          .get(3, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }
}
