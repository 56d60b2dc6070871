package org.mhaqi.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mhaqi.local.FreePorts;
import org.mhaqi.local.JavaProcess;

/**
 * The standalone Kafka broker as {@code ./platform} runs it (local-platform's {@code KafkaBroker}
 * in a process of its own, started by the same {@link JavaProcess}), on fixed free ports with its
 * data in a directory, so that it can be killed with SIGKILL and started again where clients expect
 * it.
 */
final class KafkaBrokerProcess implements AutoCloseable {

  private final int port = FreePorts.next();
  private final JavaProcess process;

  KafkaBrokerProcess(Path directory) {
    this.process =
        JavaProcess.kafkaBroker(
            brokerClasspath(),
            List.of(
                "-Xms128m",
                "-Xmx384m",
                "-Dlogback.configurationFile=" + System.getProperty("broker.logging.config")),
            directory.resolve("data"),
            port,
            FreePorts.next(),
            directory.resolve("broker.log"));
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Starts the broker and waits until it answers (its data, if any, is kept). */
  synchronized KafkaBrokerProcess start() {
    process.start().awaitReady();
    return this;
  }

  /** SIGKILL: no controlled shutdown, unflushed log segments recovered on the next start. */
  synchronized void kill() {
    process.kill();
  }

  @Override
  public synchronized void close() {
    process.close();
  }

  /** The test classpath, as Maven wrote it (failsafe's own classpath is a booter jar). */
  static String brokerClasspath() {
    try {
      return Files.readString(Path.of(System.getProperty("broker.classpath.file"))).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
