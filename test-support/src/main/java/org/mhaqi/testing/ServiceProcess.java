package org.mhaqi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running from its jar as its own process, with its own database, pointed at the test's
 * Kafka broker: what the platform runs, not an application context inside the test. It can be
 * killed (SIGKILL, as a crash looks) and started again on the same port and database, and a second
 * instance can share the first one's database, as replicas of one service do.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final String name;
  private final int port;
  private final Path jar;
  private final Path log;
  private final Map<String, String> environment;
  private final TestPostgres.Database database;
  private Process process;

  private ServiceProcess(
      String name,
      int port,
      Path jar,
      Path log,
      Map<String, String> environment,
      TestPostgres.Database database) {
    this.name = name;
    this.port = port;
    this.jar = jar;
    this.log = log;
    this.environment = environment;
    this.database = database;
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
    environment.putAll(env);
    try {
      Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
      ServiceProcess service =
          new ServiceProcess(
              name,
              FreePorts.next(),
              jar,
              logs.resolve(instance + ".log"),
              Map.copyOf(environment),
              db);
      service.start();
      return service;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    return log;
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Starts the process again after {@link #kill()} or {@link #close()}, same port and database. */
  public synchronized ServiceProcess start() {
    if (isAlive()) {
      return this;
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().put("SERVER_PORT", Integer.toString(port));
    builder.environment().putAll(environment);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Waits until the service reports ready, or fails naming its log. */
  public ServiceProcess awaitReady() {
    HttpClient http = HttpClient.newHttpClient();
    URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!isAlive()) {
        throw new IllegalStateException(
            name + " exited while starting; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<Void> response =
            http.send(
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofMillis(250));
    }
    close();
    throw new IllegalStateException(
        name + " was not ready within " + READY_TIMEOUT + "; see " + log.toAbsolutePath());
  }

  /**
   * Kills the process with SIGKILL, as a crash or an out-of-memory kill does: no shutdown hooks.
   */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      waitForExit();
    }
  }

  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void waitForExit() {
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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
