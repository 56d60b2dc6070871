package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./platform restart <name>} and {@code up -d} as the command line sends them, answered by a
 * supervisor of stand-in children over the real socket.
 */
class ControlChannelTest {

  @TempDir Path root;

  @Test
  void restartByNameAsksTheSupervisorWhichStartsItAgain() {
    PlatformSettings settings = PlatformSettings.from(root, Map.of());
    ProcessSupervisor supervisor =
        new ProcessSupervisor(
            Duration.ofSeconds(10),
            RestartBackoff::standard,
            (process, count, reason) -> {},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    JavaProcess child =
        JavaProcess.mainClass(
                "coaching-service",
                System.getProperty("java.class.path"),
                List.of("-Xmx32m"),
                Sleeper.class.getName(),
                List.of(),
                Map.of(),
                root.resolve("coaching.log"),
                new JavaProcess.Readiness.LogLine("SLEEPER_READY"))
            .start()
            .awaitReady(Duration.ofSeconds(30));
    supervisor.supervise(child);
    long firstPid = child.pid().orElseThrow();
    try (ControlChannel channel =
        ControlChannel.serve(
            settings.controlSocket(), new SupervisorCommands(supervisor, Duration.ofSeconds(30)))) {

      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      int rc =
          Platform.ask(
              settings,
              SupervisorCommands.RESTART,
              List.of("coaching"),
              new PrintStream(printed, true));

      assertThat(rc).isZero();
      assertThat(child.pid().orElseThrow()).isNotEqualTo(firstPid);
      assertThat(printed.toString())
          .contains("restarting coaching-service on request (pid " + firstPid + ")")
          .contains("coaching-service is ready again");

      ByteArrayOutputStream unknown = new ByteArrayOutputStream();
      assertThat(
              Platform.ask(
                  settings,
                  SupervisorCommands.RESTART,
                  List.of("nosuch"),
                  new PrintStream(unknown, true)))
          .isEqualTo(1);
      assertThat(unknown.toString()).contains("no process named nosuch; one of coaching-service");
    } finally {
      supervisor.stop();
      child.close();
    }
  }

  @Test
  void withoutARunningSupervisorThereIsNoAnswer() {
    PlatformSettings settings = PlatformSettings.from(root, Map.of());

    assertThat(
            ControlChannel.send(
                settings.controlSocket(),
                List.of("start-missing"),
                new PrintStream(new ByteArrayOutputStream())))
        .isEmpty();
  }
}
