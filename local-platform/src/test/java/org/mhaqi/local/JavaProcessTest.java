package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaProcessTest {

  private static JavaProcess sleeper(Path log, String... args) {
    return JavaProcess.mainClass(
        "sleeper",
        System.getProperty("java.class.path"),
        List.of("-Xmx32m"),
        Sleeper.class.getName(),
        List.of(args),
        Map.of(),
        log,
        new JavaProcess.Readiness.LogLine("SLEEPER_READY"));
  }

  @Test
  void isReadyWhenItsLogSaysSoAndStopsWithSigtermSoItsShutdownHooksRun(@TempDir Path dir)
      throws Exception {
    Path log = dir.resolve("sleeper.log");
    JavaProcess process = sleeper(log).inOwnSession().start().awaitReady(Duration.ofSeconds(30));
    long pid = process.pid().orElseThrow();

    process.stop(Duration.ofSeconds(10));

    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(Files.readString(log)).contains("SLEEPER_STOPPED");
  }

  @Test
  void aProgramThatExitsWhileStartingFailsNamingItsLog(@TempDir Path dir) {
    Path log = dir.resolve("failing.log");
    JavaProcess process = sleeper(log, "fail").start();

    assertThatThrownBy(() -> process.awaitReady(Duration.ofSeconds(30)))
        .hasMessageContaining("exited while starting")
        .hasMessageContaining(log.toString());
  }

  @Test
  void aKilledProcessStartsAgainAndAppendsToItsLog(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("sleeper.log");
    JavaProcess process = sleeper(log).start().awaitReady(Duration.ofSeconds(30));
    process.kill();
    assertThat(process.isAlive()).isFalse();

    process.start().awaitReady(Duration.ofSeconds(30));
    try {
      assertThat(Files.readString(log).split("SLEEPER_READY", -1)).hasSize(3);
    } finally {
      process.close();
    }
  }
}
