package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

  @Test
  void configuresOneCombinedNodeOnLoopbackThatKafkaAccepts() {
    Properties config = KafkaBroker.nodeConfig(1, Path.of("/tmp/kafka-broker-test"), 19092, 19093);
    config.put("controller.quorum.bootstrap.servers", "127.0.0.1:19093");

    assertThat(config)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("listeners", "SASL_PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry("auto.create.topics.enable", "false")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("num.partitions", "3");
    assertThat(new KafkaConfig(config).brokerId()).isEqualTo(1);
  }

  @Test
  void theFixedClusterIdIsAValidKafkaUuid() {
    assertThat(KafkaBroker.CLUSTER_ID).hasSize(22);
    assertThat(Uuid.fromString(KafkaBroker.CLUSTER_ID).toString())
        .isEqualTo(KafkaBroker.CLUSTER_ID);
  }

  @Test
  void restartsOnTheSamePortsWithItsTopics(@TempDir Path dir) throws Exception {
    try (KafkaBroker broker = KafkaBroker.onFreePorts(dir).start()) {
      try (Admin admin = KafkaBroker.admin(broker.bootstrapServers())) {
        admin
            .createTopics(List.of(new NewTopic("kept.events", 3, (short) 1)))
            .all()
            .get(30, TimeUnit.SECONDS);
      }
      broker.stop();
      assertThat(FreePorts.isListening(broker.port())).isFalse();

      broker.start();

      assertThat(FreePorts.isListening(broker.port())).isTrue();
      try (Admin admin = KafkaBroker.admin(broker.bootstrapServers())) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("kept.events");
      }
    }
  }
}
