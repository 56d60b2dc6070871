package org.mhaqi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.mhaqi.local.KafkaBroker;

/**
 * A broker of its own for a test that stops it and starts it again with its data, as a broker
 * outage looks to clients: local-platform's {@link KafkaBroker} on free ports it keeps.
 */
public final class RestartableKafkaBroker implements AutoCloseable {

  private final KafkaBroker broker;

  public RestartableKafkaBroker() {
    try {
      this.broker = KafkaBroker.onFreePorts(Files.createTempDirectory("restartable-kafka"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  /** Starts the broker and waits until it serves. */
  public RestartableKafkaBroker start() {
    broker.start();
    return this;
  }

  /** Shuts the broker down; its data stays for the next {@link #start()}. */
  public void stop() {
    broker.stop();
  }

  @Override
  public void close() {
    stop();
  }
}
