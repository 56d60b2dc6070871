package org.mhaqi.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mhaqi.testing.FreePorts;

/**
 * The standalone Kafka broker as {@code ./platform} runs it (local-platform's {@code LocalKafka},
 * KRaft, broker and controller in one process), on fixed free ports with its data in a directory,
 * so that it can be killed with SIGKILL and started again where clients expect it.
 */
final class KafkaBrokerProcess implements AutoCloseable {

  private static final String READY_MARKER = "LOCAL_KAFKA_READY";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final Path directory;
  private final Path log;
  private final int port = FreePorts.next();
  private final int controllerPort = FreePorts.next();
  private Process process;

  KafkaBrokerProcess(Path directory) {
    this.directory = directory;
    this.log = directory.resolve("broker.log");
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Starts the broker and waits until it answers (its data, if any, is kept). */
  synchronized KafkaBrokerProcess start() {
    if (process != null && process.isAlive()) {
      return this;
    }
    try {
      Files.createDirectories(directory);
      long readyBefore = readyLines();
      String classpath =
          Files.readString(Path.of(System.getProperty("broker.classpath.file"))).strip();
      List<String> command =
          List.of(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "-Xms128m",
              "-Xmx384m",
              "-Dlogback.configurationFile=" + System.getProperty("broker.logging.config"),
              "-cp",
              classpath,
              "org.mhaqi.local.LocalKafka",
              directory.resolve("data").toString(),
              "--port",
              Integer.toString(port),
              "--controller-port",
              Integer.toString(controllerPort));
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
      while (readyLines() <= readyBefore) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("The Kafka broker did not start; see " + log);
        }
        Thread.sleep(200);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL: no controlled shutdown, unflushed log segments recovered on the next start. */
  synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      await(process);
    }
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      process.destroy();
      await(process);
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }

  private long readyLines() throws IOException {
    if (!Files.exists(log)) {
      return 0;
    }
    // Read as Latin-1: a broker log line that is not UTF-8 must not break the wait.
    String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
    return text.lines().filter(line -> line.startsWith(READY_MARKER)).count();
  }

  private static void await(Process process) {
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
