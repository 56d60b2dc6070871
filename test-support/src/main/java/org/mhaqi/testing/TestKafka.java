package org.mhaqi.testing;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker (KRaft) in the test JVM, on a random port, started once and shared by every
 * test class of the JVM. Tests that need to stop a broker use a {@link RestartableKafkaBroker}.
 */
public final class TestKafka {

  private static EmbeddedKafkaBroker shared;

  private TestKafka() {}

  /** Bootstrap servers of the shared broker, starting it on first use. */
  public static synchronized String bootstrapServers() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::destroy));
    }
    return shared.getBrokersAsString();
  }

  private static EmbeddedKafkaBroker start() {
    EmbeddedKafkaBroker broker =
        new EmbeddedKafkaKraftBroker(1, 3)
            .brokerProperties(
                Map.of(
                    "auto.create.topics.enable", "false",
                    "group.initial.rebalance.delay.ms", "0",
                    "offsets.topic.num.partitions", "3"));
    broker.afterPropertiesSet();
    return broker;
  }
}
