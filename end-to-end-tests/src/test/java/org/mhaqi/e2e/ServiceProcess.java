package org.mhaqi.e2e;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mhaqi.testing.FreePorts;
import org.mhaqi.testing.TestPostgres;

/**
 * One service running from its jar as its own process, with its own database, pointed at the test's
 * Kafka broker: what the platform runs, not an application context inside the test.
 */
final class ServiceProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private ServiceProcess(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Launches {@code <name>/target/<name>.jar}; call {@link #awaitReady()} before using it (several
   * services start faster side by side).
   */
  static ServiceProcess launch(String name, String kafkaBootstrapServers, Map<String, String> env) {
    Path root = Path.of(System.getProperty("platform.root", ".."));
    Path jar = root.resolve(name).resolve("target").resolve(name + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build the services first (./mvnw verify)");
    }
    TestPostgres.Database db = TestPostgres.createDatabase("e2e_" + name.replace("-service", ""));
    int port = FreePorts.next();
    try {
      Path logs = Files.createDirectories(Path.of("target", "e2e-logs"));
      Path log = logs.resolve(name + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx256m");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-jar");
      command.add(jar.toString());
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("SERVER_PORT", Integer.toString(port));
      builder.environment().put("SPRING_DATASOURCE_URL", db.url());
      builder.environment().put("SPRING_DATASOURCE_USERNAME", db.username());
      builder.environment().put("SPRING_DATASOURCE_PASSWORD", db.password());
      builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
      builder.environment().putAll(env);
      return new ServiceProcess(name, port, builder.start(), log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  /** Waits until the service reports ready, or fails naming its log. */
  ServiceProcess awaitReady() {
    HttpClient http = HttpClient.newHttpClient();
    URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
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

  @Override
  public void close() {
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
