package org.mhaqi.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.mhaqi.local.FreePorts;
import org.mhaqi.local.JavaProcess;
import org.mhaqi.local.KafkaBroker;
import org.mhaqi.local.KafkaSecurity;

/**
 * Three Kafka brokers on this machine, each its own process and each also a KRaft controller (a
 * quorum of three), so that any one of them can be killed with SIGKILL and the others carry on:
 * replication factor and {@code min.insync.replicas} of every topic come from the constructor.
 */
final class KafkaCluster implements AutoCloseable {

  private static final String CLUSTER_ID = "bWhhcWktZmF1bHQtY2x1cw";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final Path directory;
  private final int replicationFactor;
  private final int minInsyncReplicas;
  private final int partitions;
  private final int[] ports = new int[3];
  private final int[] controllerPorts = new int[3];
  private final JavaProcess[] processes = new JavaProcess[3];

  KafkaCluster(Path directory, int replicationFactor, int minInsyncReplicas, int partitions) {
    this.directory = directory;
    this.replicationFactor = replicationFactor;
    this.minInsyncReplicas = minInsyncReplicas;
    this.partitions = partitions;
    for (int i = 0; i < 3; i++) {
      ports[i] = FreePorts.next();
      controllerPorts[i] = FreePorts.next();
    }
  }

  String bootstrapServers() {
    List<String> servers = new ArrayList<>();
    for (int port : ports) {
      servers.add("127.0.0.1:" + port);
    }
    return String.join(",", servers);
  }

  /** Formats the nodes' storage once, starts all three and waits until every one serves. */
  KafkaCluster start() {
    for (int node = 1; node <= 3; node++) {
      startNode(node, false);
    }
    awaitNodes(3);
    // The users' credentials (created at format time) and the platform's ACLs, as admin.
    KafkaSecurity.apply(bootstrapServers());
    return this;
  }

  /** SIGKILL of one node: no controlled shutdown, its partitions' leadership moves on. */
  synchronized void kill(int node) {
    processes[node - 1].kill();
  }

  /** Starts a killed node again and waits until the cluster has all three back. */
  void restart(int node) {
    startNode(node, true);
    awaitNodes(3);
  }

  /** The node leading the given partition of the topic. */
  int leaderOf(String topic, int partition) {
    try (Admin admin = admin()) {
      TopicDescription description =
          admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
      return description.partitions().get(partition).leader().id();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot describe " + topic, e);
    }
  }

  /** The topics among these that exist, with their partitions, replicas and in-sync replicas. */
  Map<String, TopicDescription> describe(List<String> topics) {
    try (Admin admin = admin()) {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      return new TreeMap<>(
          admin
              .describeTopics(topics.stream().filter(existing::contains).toList())
              .allTopicNames()
              .get(30, TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot describe " + topics, e);
    }
  }

  /** One line per topic: partitions, and replicas and in-sync replicas per partition. */
  static String summary(Map<String, TopicDescription> topics) {
    return topics.values().stream()
        .map(
            t ->
                "%s: %d partitions, replicas %s, in sync %s"
                    .formatted(
                        t.name(),
                        t.partitions().size(),
                        t.partitions().stream().map(p -> p.replicas().size()).toList(),
                        t.partitions().stream().map(p -> p.isr().size()).toList()))
        .collect(Collectors.joining("; "));
  }

  @Override
  public synchronized void close() {
    // SIGTERM to all three first: they shut down together, as a quorum can.
    for (JavaProcess process : processes) {
      if (process != null && process.isAlive()) {
        process.pid().flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
      }
    }
    for (JavaProcess process : processes) {
      if (process != null) {
        process.stop(Duration.ofSeconds(30));
      }
    }
  }

  private synchronized void startNode(int node, boolean restart) {
    try {
      Path nodeDirectory = Files.createDirectories(directory.resolve("node-" + node));
      Path properties = nodeDirectory.resolve("server.properties");
      if (!restart) {
        KafkaBroker.writeProperties(config(node, nodeDirectory.resolve("data")), properties);
        KafkaBroker.format(properties, CLUSTER_ID, false);
      }
      processes[node - 1] =
          JavaProcess.mainClass(
                  "kafka-node-" + node,
                  KafkaBrokerProcess.brokerClasspath(),
                  List.of(
                      "-Xms128m",
                      "-Xmx320m",
                      "-Dlogback.configurationFile=" + System.getProperty("broker.logging.config")),
                  "kafka.Kafka",
                  List.of(properties.toString()),
                  Map.of(),
                  nodeDirectory.resolve("broker.log"),
                  null)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** local-platform's node configuration, as a member of a three-voter quorum. */
  private Properties config(int node, Path data) {
    List<String> voters = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      voters.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
    }
    Properties p = KafkaBroker.nodeConfig(node, data, ports[node - 1], controllerPorts[node - 1]);
    p.put("controller.quorum.voters", String.join(",", voters));
    p.put("num.partitions", Integer.toString(partitions));
    p.put("default.replication.factor", Integer.toString(replicationFactor));
    p.put("min.insync.replicas", Integer.toString(minInsyncReplicas));
    p.put("offsets.topic.replication.factor", Integer.toString(replicationFactor));
    p.put("offsets.topic.num.partitions", "6");
    p.put("transaction.state.log.replication.factor", Integer.toString(replicationFactor));
    p.put("transaction.state.log.min.isr", Integer.toString(minInsyncReplicas));
    p.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicationFactor));
    p.put("share.coordinator.state.topic.min.isr", Integer.toString(minInsyncReplicas));
    // A replica that lost its unflushed tail to SIGKILL never becomes leader with it.
    p.put("unclean.leader.election.enable", "false");
    return p;
  }

  private void awaitNodes(int count) {
    for (int i = 0; i < 3; i++) {
      if (processes[i] != null && !processes[i].isAlive()) {
        throw new IllegalStateException(
            "Kafka node " + (i + 1) + " exited; see " + directory.resolve("node-" + (i + 1)));
      }
    }
    KafkaBroker.awaitNodes(bootstrapServers(), count, READY_TIMEOUT);
  }

  private Admin admin() {
    return KafkaBroker.admin(bootstrapServers());
  }
}
