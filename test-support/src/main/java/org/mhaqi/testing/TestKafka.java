package org.mhaqi.testing;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft) in the test JVM, on a random port, started once and shared by every
 * test class of the JVM. Tests that need to stop a broker start their own with {@link #start(int)}.
 */
public final class TestKafka {

  private static EmbeddedKafkaBroker shared;

  private TestKafka() {}

  /** Bootstrap servers of the shared broker, starting it on first use. */
  public static synchronized String bootstrapServers() {
    if (shared == null) {
      shared = start(0);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy));
    }
    return shared.getBrokersAsString();
  }

  /** Starts a broker of its own on the given port (0: a random one); the caller destroys it. */
  public static EmbeddedKafkaBroker start(int port) {
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaKraftBroker(1, 3)
            .kafkaPorts(port)
            .brokerProperties(
                Map.of(
                    "auto.create.topics.enable", "true",
                    "group.initial.rebalance.delay.ms", "0",
                    "offsets.topic.num.partitions", "3"));
    broker.afterPropertiesSet();
    return broker;
  }
}
