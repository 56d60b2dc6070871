package org.mhaqi.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.faults.Reconciliation.Figures;
import org.mhaqi.faults.Scenario.Published;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.ServiceProcess;

/**
 * The platform on a three-broker KRaft cluster (replication factor 3, {@code
 * min.insync.replicas=2}, the services' producer settings unchanged): the leader of a partition
 * enrollment-service writes to is killed with SIGKILL during traffic and started again, and the
 * reconciliation must still find nothing lost. Replication factor, min ISR and partitions are
 * {@code -Dfault.cluster.replication-factor}, {@code -Dfault.cluster.min-insync-replicas} and
 * {@code -Dfault.cluster.partitions}.
 */
class ThreeBrokerClusterIT {

  private static final int REPLICATION_FACTOR =
      Integer.getInteger("fault.cluster.replication-factor", 3);
  private static final int MIN_INSYNC_REPLICAS =
      Integer.getInteger("fault.cluster.min-insync-replicas", 2);
  private static final int PARTITIONS = Integer.getInteger("fault.cluster.partitions", 3);

  private static KafkaCluster cluster;
  private static ServiceProcess enrollment;
  private static ServiceProcess coaching;

  @BeforeAll
  static void startPlatform() throws Exception {
    cluster =
        new KafkaCluster(
                Files.createTempDirectory("fault-suite-cluster"),
                REPLICATION_FACTOR,
                MIN_INSYNC_REPLICAS,
                PARTITIONS)
            .start();
    // Services that declare their topics (mhaqi.topics.*) declare them as the cluster needs.
    Map<String, String> topics =
        Map.of(
            "MHAQI_TOPICS_PARTITIONS", Integer.toString(PARTITIONS),
            "MHAQI_TOPICS_REPLICATIONFACTOR", Integer.toString(REPLICATION_FACTOR),
            "MHAQI_TOPICS_MININSYNCREPLICAS", Integer.toString(MIN_INSYNC_REPLICAS));
    enrollment = ServiceProcess.launch("enrollment-service", cluster.bootstrapServers(), topics);
    coaching = ServiceProcess.launch("coaching-service", cluster.bootstrapServers(), topics);
    enrollment.awaitReady();
    coaching.awaitReady();
  }

  @AfterAll
  static void stopPlatform() {
    for (AutoCloseable c : new AutoCloseable[] {coaching, enrollment, cluster}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // stopping anyway
      }
    }
  }

  @Test
  void thePartitionLeaderKilledDuringTrafficLosesNothing() {
    Reconciliation reconciliation =
        new Reconciliation(
            cluster.bootstrapServers(), enrollment.database(), coaching.database(), null);
    int[] killed = new int[1];
    List<Figures> figures =
        new Scenario(
                "7 cluster leader SIGKILL",
                new Api(enrollment.port()),
                List.of(new Api(coaching.port())),
                reconciliation)
            .run(
                "FZ1",
                false,
                () -> {
                  sleep(Duration.ofSeconds(10));
                  killed[0] = cluster.leaderOf(Topics.ENROLLMENT_EVENTS, 0);
                  System.out.println(
                      "FAULT-SUITE killing node "
                          + killed[0]
                          + ", leader of "
                          + Topics.ENROLLMENT_EVENTS
                          + "-0");
                  cluster.kill(killed[0]);
                  sleep(Duration.ofSeconds(15));
                  cluster.restart(killed[0]);
                  sleep(Duration.ofSeconds(10));
                  return Published.NOTHING;
                });
    Map<String, TopicDescription> topics =
        cluster.describe(
            List.of(Topics.ENROLLMENT_EVENTS, Topics.COACHING_EVENTS, Reconciliation.DEAD_LETTERS));
    System.out.println("FAULT-SUITE cluster topics: " + KafkaCluster.summary(topics));
    Figures coachingFigures = figures.get(0);
    assertThat(coachingFigures.clean())
        .as("%s%n%s", coachingFigures.line(), String.join("\n", coachingFigures.findings()))
        .isTrue();
    assertThat(topics).containsKeys(Topics.ENROLLMENT_EVENTS, Topics.COACHING_EVENTS);
    assertThat(topics.values())
        .allSatisfy(
            topic ->
                assertThat(topic.partitions())
                    .as("replicas of %s", topic.name())
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(REPLICATION_FACTOR)));
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
