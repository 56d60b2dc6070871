package org.mhaqi.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) on loopback, with its data in a
 * directory: the broker of {@code ./platform}, of the integration tests and of the fault suite. Its
 * ports are fixed (given, or free ones chosen once), so it can be stopped and started again where
 * clients expect it, and it keeps its topics: the storage is formatted once.
 *
 * <p>In this JVM: {@link #start()}, {@link #stop()}. As a process of its own: {@code KafkaBroker
 * <dir> [--port N] [--controller-port N]} prints {@value #READY_MARKER} once it serves and stops on
 * SIGTERM.
 */
public final class KafkaBroker implements AutoCloseable {

  /** Fixed, so that formatting is repeatable: base64url of the 16 bytes "mhaqi-local-kfk1". */
  public static final String CLUSTER_ID = "bWhhcWktbG9jYWwta2ZrMQ";

  public static final String READY_MARKER = "LOCAL_KAFKA_READY";

  /** Beside the data: its storage was formatted with the SCRAM users (KafkaSecurity). */
  static final String SECURED_MARKER = "scram-users-created";

  static final String HOST = "127.0.0.1";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  private final Path directory;
  private final int port;
  private final int controllerPort;
  private KafkaRaftServer server;

  public KafkaBroker(Path directory, int port, int controllerPort) {
    this.directory = directory.toAbsolutePath();
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** A broker on two ports free right now, which it keeps across restarts. */
  public static KafkaBroker onFreePorts(Path directory) {
    return new KafkaBroker(directory, FreePorts.next(), FreePorts.next());
  }

  public String bootstrapServers() {
    return HOST + ":" + port;
  }

  public int port() {
    return port;
  }

  public int controllerPort() {
    return controllerPort;
  }

  /** Starts the broker (formatting its storage the first time) and waits until it serves. */
  public synchronized KafkaBroker start() {
    if (server != null) {
      return this;
    }
    Path logDir = directory.resolve("kraft-logs");
    Properties config = nodeConfig(1, logDir, port, controllerPort);
    config.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
    try {
      Files.createDirectories(logDir);
      Path properties = writeProperties(config, directory.resolve("server.properties"));
      Path secured = directory.resolve(SECURED_MARKER);
      if (!Files.exists(logDir.resolve("meta.properties"))) {
        format(properties, CLUSTER_ID, true);
        Files.writeString(secured, "SCRAM users created at format time\n");
      } else if (!Files.exists(secured)) {
        throw new IllegalStateException(
            "The Kafka data in "
                + directory
                + " was made before the broker required authentication: it has no SCRAM users."
                + " Run ./platform reset, or delete that directory (its events go with it), and"
                + " start again.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
    server.startup();
    awaitServing(bootstrapServers(), READY_TIMEOUT);
    KafkaSecurity.apply(bootstrapServers());
    return this;
  }

  /** Shuts the broker down cleanly; its data stays for the next {@link #start()}. */
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

  /**
   * The configuration of one node that is broker and controller, all on loopback: single-node
   * replication settings, topics only created explicitly. A cluster changes the quorum and
   * replication entries (the fault suite's three-node cluster does).
   */
  public static Properties nodeConfig(int nodeId, Path logDir, int port, int controllerPort) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", Integer.toString(nodeId));
    String listener = KafkaSecurity.LISTENER;
    p.put(
        "listeners",
        listener + "://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
    p.put("advertised.listeners", listener + "://" + HOST + ":" + port);
    p.put("controller.listener.names", "CONTROLLER");
    p.put("inter.broker.listener.name", listener);
    // Nobody is anonymous: clients authenticate with SCRAM, brokers and controllers with PLAIN,
    // and the ACLs decide (KafkaSecurity).
    p.put("listener.security.protocol.map", listener + ":SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
    KafkaSecurity.brokerConfig(p);
    p.put("log.dirs", logDir.toString());
    p.put("num.partitions", "3");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("auto.create.topics.enable", "false");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "3");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "3");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    // A development broker: keep a week of events, in small segments.
    p.put("log.retention.hours", "168");
    p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
    return p;
  }

  /**
   * Formats a node's storage (once: an already formatted one is left alone), with every SCRAM user
   * of {@link KafkaSecurity}, so that the broker starts ready for its clients.
   */
  public static void format(Path propertiesFile, String clusterId, boolean standalone) {
    java.util.List<String> list =
        new java.util.ArrayList<>(
            java.util.List.of(
                "format", "--cluster-id", clusterId, "--config", propertiesFile.toString()));
    if (standalone) {
      list.add("--standalone");
    }
    list.add("--ignore-formatted");
    list.addAll(KafkaSecurity.formatArguments());
    String[] args = list.toArray(String[]::new);
    int rc = kafka.tools.StorageTool.execute(args, new PrintStream(PrintStream.nullOutputStream()));
    if (rc != 0) {
      throw new IllegalStateException("Formatting the Kafka storage failed: exit code " + rc);
    }
  }

  public static Path writeProperties(Properties properties, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      properties.store(out, "Generated by org.mhaqi.local.KafkaBroker");
    }
    return file;
  }

  /** Waits until the brokers at these bootstrap servers answer with at least one node. */
  public static void awaitServing(String bootstrapServers, Duration timeout) {
    awaitNodes(bootstrapServers, 1, timeout);
  }

  /** Waits until the cluster at these bootstrap servers reports {@code count} brokers. */
  public static void awaitNodes(String bootstrapServers, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = admin(bootstrapServers)) {
      while (System.nanoTime() < deadline) {
        try {
          int nodes =
              admin
                  .describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
                  .nodes()
                  .get(5, TimeUnit.SECONDS)
                  .size();
          if (nodes >= count) {
            return;
          }
        } catch (Exception notYet) {
          // still starting or electing
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new IllegalStateException(
        "Kafka at " + bootstrapServers + " did not have " + count + " broker(s) within " + timeout);
  }

  /**
   * An admin client with short timeouts, authenticated as {@link KafkaSecurity#ADMIN}, for
   * readiness checks, descriptions and topic creation.
   */
  public static Admin admin(String bootstrapServers) {
    Map<String, Object> config =
        new java.util.HashMap<>(KafkaSecurity.adminConfig(bootstrapServers));
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "mhaqi-local");
    return Admin.create(config);
  }

  public static void main(String[] args) throws InterruptedException {
    Path dir = null;
    int port = PlatformSettings.envInt("KAFKA_PORT", 9092);
    int controllerPort = PlatformSettings.envInt("KAFKA_CONTROLLER_PORT", 9093);
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
    if (!FreePorts.isFree(port) || !FreePorts.isFree(controllerPort)) {
      System.err.printf(
          "KafkaBroker: port %d or %d on %s is already in use; set KAFKA_PORT and"
              + " KAFKA_CONTROLLER_PORT to free ports%n",
          port, controllerPort, HOST);
      System.exit(2);
    }
    long started = System.nanoTime();
    KafkaBroker broker = new KafkaBroker(dir, port, controllerPort);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.stop();
                  stopped.countDown();
                },
                "kafka-broker-stop"));
    broker.start();
    System.out.printf(
        Locale.ROOT,
        "%s bootstrap=%s cluster=%s startup=%.1fs%n",
        READY_MARKER,
        broker.bootstrapServers(),
        CLUSTER_ID,
        (System.nanoTime() - started) / 1e9);
    System.out.flush();
    stopped.await();
  }

  private static void usage(String problem) {
    System.err.println("KafkaBroker: " + problem);
    System.err.println("usage: KafkaBroker <data-dir> [--port N] [--controller-port N]");
    System.exit(64);
  }
}
