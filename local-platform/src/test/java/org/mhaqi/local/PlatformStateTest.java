package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformStateTest {

  @Test
  void restartsAreRecordedWithTheNewPidForStatus(@TempDir Path root) {
    PlatformSettings settings = PlatformSettings.from(root, Map.of());
    PlatformState state = new PlatformState(settings);
    state.prepareDirectories();
    JavaProcess child =
        JavaProcess.mainClass(
                "coaching-service",
                System.getProperty("java.class.path"),
                List.of("-Xmx32m"),
                Sleeper.class.getName(),
                List.of(),
                Map.of(),
                root.resolve("coaching.log"),
                null)
            .start();
    try {
      state.recordRestart(child, 1, "stopped without being asked (exit code 137)");
      state.recordRestart(child, 2, "on request");

      var recorded = state.read();
      assertThat(recorded.getProperty("service.coaching-service.pid"))
          .isEqualTo(child.pid().orElseThrow().toString());
      assertThat(PlatformState.restarts(recorded, "coaching-service"))
          .hasValueSatisfying(r -> assertThat(r).startsWith("2 (last ").endsWith(", on request)"));
      assertThat(PlatformState.restarts(recorded, "kafka")).isEmpty();
      assertThat(StatusReport.restartSummary(recorded)).isEqualTo("coaching-service 2");
    } finally {
      child.close();
    }
  }

  @Test
  void stopEndsOnlyProcessesThatStillRunWhatWasRecorded(@TempDir Path root) throws Exception {
    PlatformSettings settings = PlatformSettings.from(root, Map.of("STOP_TIMEOUT", "5"));
    PlatformState state = new PlatformState(settings);
    state.prepareDirectories();
    // Recorded as the broker, but the pid runs another program (as a reused pid would).
    JavaProcess stranger =
        JavaProcess.mainClass(
                "stranger",
                System.getProperty("java.class.path"),
                List.of("-Xmx32m"),
                Sleeper.class.getName(),
                List.of(),
                Map.of(),
                root.resolve("stranger.log"),
                new JavaProcess.Readiness.LogLine("SLEEPER_READY"))
            .start()
            .awaitReady(Duration.ofSeconds(30));
    try {
      Files.writeString(
          settings.pidDir().resolve("kafka.pid"), stranger.pid().orElseThrow() + "\n");

      state.stopRecorded(false);

      assertThat(stranger.isAlive()).isTrue();
      assertThat(settings.pidDir().resolve("kafka.pid")).doesNotExist();
    } finally {
      stranger.close();
    }
  }
}
