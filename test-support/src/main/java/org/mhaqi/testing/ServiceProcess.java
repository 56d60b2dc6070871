package org.mhaqi.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mhaqi.local.FreePorts;
import org.mhaqi.local.JavaProcess;
import org.mhaqi.local.KafkaSecurity;

/**
 * One service running from its jar as its own process, with its own database, pointed at the test's
 * Kafka broker: what the platform runs (local-platform's {@link JavaProcess}, as {@code ./platform}
 * starts it), not an application context inside the test. It can be killed (SIGKILL, as a crash
 * looks) and started again on the same port and database, and a second instance can share the first
 * one's database, as replicas of one service do.
 */
public final class ServiceProcess implements AutoCloseable {

  private final String name;
  private final int port;
  private final TestPostgres.Database database;
  private final JavaProcess process;

  private ServiceProcess(
      String name, int port, TestPostgres.Database database, JavaProcess process) {
    this.name = name;
    this.port = port;
    this.database = database;
    this.process = process;
  }

  /**
   * Launches {@code <name>/target/<name>.jar} with a fresh database; call {@link #awaitReady()}
   * before using it (several services start faster side by side).
   */
  public static ServiceProcess launch(
      String name, String kafkaBootstrapServers, Map<String, String> env) {
    TestPostgres.Database db = TestPostgres.createDatabase("e2e_" + name.replace("-service", ""));
    return launch(name, name, kafkaBootstrapServers, db, env);
  }

  /**
   * Launches another instance of a service on the given database, e.g. a second replica sharing the
   * first one's; {@code instance} names its log file.
   */
  public static ServiceProcess launch(
      String name,
      String instance,
      String kafkaBootstrapServers,
      TestPostgres.Database db,
      Map<String, String> env) {
    Path root = Path.of(System.getProperty("platform.root", ".."));
    Path jar = root.resolve(name).resolve("target").resolve(name + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build the services first (./mvnw verify)");
    }
    Map<String, String> environment = new HashMap<>();
    environment.put("SPRING_DATASOURCE_URL", db.url());
    environment.put("SPRING_DATASOURCE_USERNAME", db.username());
    environment.put("SPRING_DATASOURCE_PASSWORD", db.password());
    environment.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
    // The service's own principal on the broker (local-platform's KafkaSecurity).
    environment.put("KAFKA_USERNAME", name);
    environment.put("KAFKA_PASSWORD", KafkaSecurity.password(name));
    environment.put("KAFKA_REPLAY_PASSWORD", KafkaSecurity.password(KafkaSecurity.REPLAY));
    // Tokens the tests mint (TestTokens) unless the test runs a real authorization server.
    environment.put("AUTH_SERVER_URL", TestTokens.issuer());
    environment.putAll(env);
    int port = FreePorts.next();
    JavaProcess process =
        JavaProcess.serviceJar(
            name,
            jar,
            port,
            List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"),
            environment,
            Path.of("target", "e2e-logs", instance + ".log"));
    ServiceProcess service = new ServiceProcess(name, port, db, process);
    service.start();
    return service;
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  /** The database this instance uses. */
  public TestPostgres.Database database() {
    return database;
  }

  public Path log() {
    return process.log();
  }

  /** The process itself, e.g. for the launcher's supervisor to look after. */
  public JavaProcess process() {
    return process;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Starts the process again after {@link #kill()} or {@link #close()}, same port and database. */
  public ServiceProcess start() {
    process.start();
    return this;
  }

  /** Waits until the service reports ready, or stops it and fails naming its log. */
  public ServiceProcess awaitReady() {
    try {
      process.awaitReady();
    } catch (IllegalStateException e) {
      close();
      throw e;
    }
    return this;
  }

  /**
   * Kills the process with SIGKILL, as a crash or an out-of-memory kill does: no shutdown hooks.
   */
  public void kill() {
    process.kill();
  }

  /** SIGTERM, then SIGKILL after 20 s. */
  @Override
  public void close() {
    process.close();
  }
}
