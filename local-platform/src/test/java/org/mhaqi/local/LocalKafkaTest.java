package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;

class LocalKafkaTest {

  @Test
  void configuresOneCombinedNodeOnLoopbackThatKafkaAccepts() {
    Properties config = LocalKafka.brokerConfig(Path.of("/tmp/local-kafka-test"), 19092, 19093);

    assertThat(config)
        .containsEntry("process.roles", "broker,controller")
        .containsEntry("node.id", "1")
        .containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
        .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("transaction.state.log.min.isr", "1")
        .containsEntry("share.coordinator.state.topic.replication.factor", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("num.partitions", "3");

    KafkaConfig parsed = new KafkaConfig(config);
    assertThat(parsed.brokerId()).isEqualTo(1);
  }

  @Test
  void theFixedClusterIdIsAValidKafkaUuid() {
    assertThat(LocalKafka.CLUSTER_ID).hasSize(22);
    assertThat(Uuid.fromString(LocalKafka.CLUSTER_ID).toString()).isEqualTo(LocalKafka.CLUSTER_ID);
  }
}
