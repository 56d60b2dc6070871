package org.mhaqi.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft broker in the test JVM on fixed ports, that can be stopped and started
 * again with its data, as a broker outage looks to clients. (The embedded test kit binds random
 * ports on every start, so clients could not find a restarted one.)
 */
public final class RestartableKafkaBroker implements AutoCloseable {

  private static final String CLUSTER_ID = "bWhhcWktdGVzdC1rYWZrYQ";

  private final Path directory;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  public RestartableKafkaBroker() {
    try {
      this.directory = Files.createTempDirectory("restartable-kafka");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.port = FreePorts.next();
    this.controllerPort = FreePorts.next();
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Starts the broker (formatting its storage the first time) and waits until it serves. */
  public synchronized RestartableKafkaBroker start() {
    if (server != null) {
      return this;
    }
    Properties config = config();
    if (!Files.exists(directory.resolve("logs").resolve("meta.properties"))) {
      format(config);
    }
    server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
    server.startup();
    awaitServing();
    return this;
  }

  /** Shuts the broker down; its data stays for the next {@link #start()}. */
  public synchronized void stop() {
    if (server != null) {
      server.shutdown();
      server.awaitShutdown();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  private Properties config() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
    p.put(
        "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", directory.resolve("logs").toString());
    p.put("num.partitions", "3");
    p.put("auto.create.topics.enable", "false");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    return p;
  }

  private void format(Properties config) {
    Path properties = directory.resolve("server.properties");
    try (var out = Files.newOutputStream(properties)) {
      config.store(out, "restartable test broker");
      int rc =
          kafka.tools.StorageTool.execute(
              new String[] {
                "format",
                "--cluster-id",
                CLUSTER_ID,
                "--config",
                properties.toString(),
                "--standalone",
                "--ignore-formatted"
              },
              new PrintStream(PrintStream.nullOutputStream()));
      if (rc != 0) {
        throw new IllegalStateException("Formatting the broker's storage failed: " + rc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitServing() {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                30_000))) {
      admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("The broker did not come up", e);
    }
  }
}
