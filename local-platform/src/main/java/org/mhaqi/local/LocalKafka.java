package org.mhaqi.local;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * A single-node Kafka broker (KRaft, combined broker and controller) in this JVM.
 *
 * <p>Usage: {@code LocalKafka <dir> [--port N] [--controller-port N]}. The ports default to the
 * environment variables {@code KAFKA_PORT} (9092) and {@code KAFKA_CONTROLLER_PORT} (9093). The
 * directory holds the generated {@code server.properties} and the log segments under {@code
 * kraft-logs/}. The storage is formatted once, with a fixed cluster id, so the broker can be
 * stopped (SIGTERM) and started again any number of times and keeps its topics.
 */
public final class LocalKafka {

  /** Fixed, so that formatting is repeatable: base64url of the 16 bytes "mhaqi-local-kfk1". */
  static final String CLUSTER_ID = "bWhhcWktbG9jYWwta2ZrMQ";

  static final String HOST = "127.0.0.1";
  static final String READY_MARKER = "LOCAL_KAFKA_READY";

  private LocalKafka() {}

  public static void main(String[] args) throws Exception {
    Path dir = null;
    int port = envInt("KAFKA_PORT", 9092);
    int controllerPort = envInt("KAFKA_CONTROLLER_PORT", 9093);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--controller-port" -> controllerPort = Integer.parseInt(args[++i]);
        default -> {
          if (args[i].startsWith("--") || dir != null) {
            usage("unexpected argument " + args[i]);
          }
          dir = Path.of(args[i]);
        }
      }
    }
    if (dir == null) {
      usage("the data directory is missing");
    }
    requireFree(port, "KAFKA_PORT");
    requireFree(controllerPort, "KAFKA_CONTROLLER_PORT");

    dir = dir.toAbsolutePath();
    Path logDir = dir.resolve("kraft-logs");
    Files.createDirectories(logDir);
    Path propertiesFile = dir.resolve("server.properties");
    writeProperties(brokerConfig(logDir, port, controllerPort), propertiesFile);

    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(propertiesFile);
    }

    String bootstrap = HOST + ":" + port;
    Thread watcher = new Thread(() -> announceWhenReady(bootstrap), "local-kafka-ready");
    watcher.setDaemon(true);
    watcher.start();

    // Blocks until the broker shuts down (SIGTERM runs Kafka's shutdown hook), then exits.
    kafka.Kafka.main(new String[] {propertiesFile.toString()});
  }

  /** The broker configuration: one node acting as broker and controller, all on loopback. */
  static Properties brokerConfig(Path logDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", "1");
    p.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
    p.put(
        "listeners",
        "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("num.partitions", "3");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("auto.create.topics.enable", "false");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "10");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "10");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // A development broker: keep a week of events, in small segments.
    p.put("log.retention.hours", "168");
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    return p;
  }

  private static void format(Path propertiesFile) {
    String[] formatArgs = {
      "format",
      "--cluster-id",
      CLUSTER_ID,
      "--config",
      propertiesFile.toString(),
      "--standalone",
      "--ignore-formatted"
    };
    int rc = kafka.tools.StorageTool.execute(formatArgs, System.out);
    if (rc != 0) {
      System.err.println("LocalKafka: formatting the storage failed (exit code " + rc + ")");
      System.exit(rc);
    }
  }

  private static void announceWhenReady(String bootstrap) {
    Map<String, Object> config =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
            2_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            3_000,
            AdminClientConfig.CLIENT_ID_CONFIG,
            "local-kafka-readiness");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    // Wait for the listener first: an admin client polling a closed port logs a warning each time.
    while (!isListening(bootstrap) && System.nanoTime() < deadline) {
      sleep(Duration.ofMillis(100));
    }
    try (Admin admin = Admin.create(config)) {
      while (System.nanoTime() < deadline) {
        try {
          int nodes =
              admin
                  .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
                  .nodes()
                  .get(3, TimeUnit.SECONDS)
                  .size();
          if (nodes > 0) {
            long sinceJvmStart =
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.printf(
                Locale.ROOT,
                "%s bootstrap=%s cluster=%s startup=%.1fs%n",
                READY_MARKER,
                bootstrap,
                CLUSTER_ID,
                sinceJvmStart / 1000.0);
            System.out.flush();
            return;
          }
        } catch (Exception notYet) {
          sleep(Duration.ofMillis(250));
        }
      }
      System.err.println("LocalKafka: the broker did not answer on " + bootstrap + " in 3 minutes");
    }
  }

  private static boolean isListening(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1))),
          500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static void requireFree(int port, String envVar) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
    } catch (IOException e) {
      System.err.printf(
          "LocalKafka: port %d on %s is already in use; set %s to another port%n",
          port, HOST, envVar);
      System.exit(2);
    }
  }

  private static void writeProperties(Properties properties, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      properties.store(out, "Generated by org.mhaqi.local.LocalKafka on each start");
    }
  }

  private static int envInt(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void usage(String problem) {
    System.err.println("LocalKafka: " + problem);
    System.err.println("usage: LocalKafka <data-dir> [--port N] [--controller-port N]");
    System.exit(64);
  }
}
