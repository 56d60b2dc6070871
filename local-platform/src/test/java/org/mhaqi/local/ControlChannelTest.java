package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./platform restart <name>}, {@code stop <name>} and {@code up -d} as the command line
 * sends them, answered over the real socket by a supervisor whose child is a stand-in.
 */
class ControlChannelTest {

  @TempDir Path root;
  private PlatformSettings settings;
  private ProcessSupervisor supervisor;
  private JavaProcess child;
  private ControlChannel channel;

  @BeforeEach
  void startASupervisedChild() {
    settings = PlatformSettings.from(root, Map.of());
    // A back-off so long that only a command brings the child back within a test.
    supervisor =
        new ProcessSupervisor(
            Duration.ofSeconds(10),
            () -> new RestartBackoff(Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ZERO),
            (process, count, reason) -> {},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    child =
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
    supervisor.watchInBackground();
    channel =
        ControlChannel.serve(
            settings.controlSocket(), new SupervisorCommands(supervisor, Duration.ofSeconds(30)));
  }

  @AfterEach
  void stopIt() {
    channel.close();
    supervisor.stop();
    child.close();
  }

  @Test
  void restartByNameAsksTheSupervisorWhichStartsItAgain() {
    long firstPid = child.pid().orElseThrow();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    int rc =
        Platform.ask(
            settings, SupervisorCommands.RESTART, List.of("coaching"), new PrintStream(printed));

    assertThat(rc).isZero();
    assertThat(child.pid().orElseThrow()).isNotEqualTo(firstPid);
    assertThat(printed.toString())
        .contains("restarting coaching-service on request (pid " + firstPid + ")")
        .contains("coaching-service is ready again");
    assertThat(supervisor.restarts("coaching-service")).isEqualTo(1);
  }

  @Test
  void anUnknownNameIsAnsweredWithTheNamesThereAre() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    int rc =
        Platform.ask(
            settings, SupervisorCommands.RESTART, List.of("nosuch"), new PrintStream(printed));

    assertThat(rc).isEqualTo(1);
    assertThat(printed.toString()).contains("no process named nosuch; one of coaching-service");
  }

  @Test
  void upWhileItRunsStartsWhatIsStoppedAndSaysWhat() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    assertThat(
            Platform.ask(
                settings, SupervisorCommands.STOP, List.of("coaching"), new PrintStream(printed)))
        .isZero();
    assertThat(child.isAlive()).isFalse();

    int rc =
        ControlChannel.send(
                settings.controlSocket(),
                List.of(SupervisorCommands.START_MISSING),
                new PrintStream(printed))
            .orElseThrow();

    assertThat(rc).isZero();
    assertThat(child.isAlive()).isTrue();
    assertThat(printed.toString()).contains("Started again and ready: coaching-service");

    ByteArrayOutputStream again = new ByteArrayOutputStream();
    ControlChannel.send(
        settings.controlSocket(),
        List.of(SupervisorCommands.START_MISSING),
        new PrintStream(again));
    assertThat(again.toString()).contains("Everything it started is running; nothing to start.");
  }

  @Test
  void withoutARunningSupervisorThereIsNoAnswer(@TempDir Path elsewhere) {
    PlatformSettings notRunning = PlatformSettings.from(elsewhere, Map.of());

    assertThat(
            ControlChannel.send(
                notRunning.controlSocket(),
                List.of(SupervisorCommands.START_MISSING),
                new PrintStream(new ByteArrayOutputStream())))
        .isEmpty();
  }
}
