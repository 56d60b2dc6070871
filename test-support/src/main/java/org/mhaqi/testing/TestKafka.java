package org.mhaqi.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.mhaqi.local.KafkaBroker;

/**
 * The real Kafka broker (local-platform's {@link KafkaBroker}, as {@code ./platform} runs it) in
 * the test JVM, on free ports, started once and shared by every test class of the JVM. Tests that
 * need to stop a broker use a {@link RestartableKafkaBroker}.
 */
public final class TestKafka {

  private static KafkaBroker shared;

  private TestKafka() {}

  /** Bootstrap servers of the shared broker, starting it on first use. */
  public static synchronized String bootstrapServers() {
    if (shared == null) {
      try {
        shared = KafkaBroker.onFreePorts(Files.createTempDirectory("test-kafka")).start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-kafka-stop"));
    }
    return shared.bootstrapServers();
  }
}
