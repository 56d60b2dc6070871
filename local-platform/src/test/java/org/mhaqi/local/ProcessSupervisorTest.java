package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor with stand-in children ({@link Sleeper}), killed as a crash kills them. */
class ProcessSupervisorTest {

  private static final Duration READY = Duration.ofSeconds(30);

  @TempDir Path dir;
  private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
  private final List<String> restarts = new CopyOnWriteArrayList<>();
  private final List<JavaProcess> children = new ArrayList<>();
  private ProcessSupervisor supervisor;

  private ProcessSupervisor supervisor(Duration first, Duration ceiling) {
    supervisor =
        new ProcessSupervisor(
            Duration.ofSeconds(10),
            () -> new RestartBackoff(first, ceiling, Duration.ofSeconds(60)),
            (process, count, reason) -> restarts.add(process.name() + " " + count + " " + reason),
            new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    return supervisor;
  }

  private JavaProcess sleeper(String name, String... args) {
    JavaProcess process =
        JavaProcess.mainClass(
            name,
            System.getProperty("java.class.path"),
            List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"),
            Sleeper.class.getName(),
            List.of(args),
            Map.of(),
            dir.resolve(name + ".log"),
            new JavaProcess.Readiness.LogLine("SLEEPER_READY"));
    children.add(process);
    return process;
  }

  @AfterEach
  void stopEverything() {
    if (supervisor != null) {
      supervisor.stop();
    }
    children.forEach(JavaProcess::close);
  }

  private String log() {
    return logBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aChildKilledWithSigkillIsStartedAgainByItselfAndReportedReady() {
    ProcessSupervisor supervisor = supervisor(Duration.ofSeconds(1), Duration.ofSeconds(30));
    JavaProcess child = sleeper("crashing").start().awaitReady(READY);
    supervisor.supervise(child);
    supervisor.watchInBackground();
    long firstPid = child.pid().orElseThrow();

    // From outside, as the OOM killer or `kill -9` does: the supervisor is not told.
    ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

    await(() -> log().contains("crashing is ready again"));
    assertThat(child.isAlive()).isTrue();
    assertThat(child.pid()).isNotEqualTo(java.util.Optional.of(firstPid));
    assertThat(supervisor.restarts("crashing")).isEqualTo(1);
    assertThat(restarts).containsExactly("crashing 1 stopped without being asked (exit code 137)");
    assertThat(log())
        .contains(
            "platform: crashing stopped without being asked (exit code 137",
            "starting it again in 1.0 s (restart 1)");
  }

  @Test
  void onceStoppedItStartsNothingAgain() throws Exception {
    ProcessSupervisor supervisor = supervisor(Duration.ofMillis(100), Duration.ofMillis(100));
    JavaProcess child = sleeper("stopping").start().awaitReady(READY);
    supervisor.supervise(child);
    supervisor.watchInBackground();

    supervisor.stop();
    child.stop(Duration.ofSeconds(10));
    Thread.sleep(2_000);

    assertThat(child.isAlive()).isFalse();
    assertThat(supervisor.restarts("stopping")).isZero();
    assertThat(log()).doesNotContain("stopping stopped without being asked");
  }

  @Test
  void aChildThatKeepsDyingIsStillRetriedAtTheCeilingAndSaysSo() {
    ProcessSupervisor supervisor = supervisor(Duration.ofMillis(100), Duration.ofMillis(400));
    JavaProcess child = sleeper("failing", "fail").start();
    supervisor.supervise(child);
    supervisor.watchInBackground();

    await(() -> supervisor.restarts("failing") >= 4);

    assertThat(log())
        .contains(
            "failing stopped without being asked (exit code 3",
            "failing keeps stopping soon after it starts: trying again every 0.4 s");
  }

  @Test
  void aRestartOnRequestStopsItWithSigtermAndWaitsUntilItIsReadyAgain() throws Exception {
    ProcessSupervisor supervisor = supervisor(Duration.ofSeconds(1), Duration.ofSeconds(30));
    JavaProcess child = sleeper("asked").start().awaitReady(READY);
    supervisor.supervise(child);
    supervisor.watchInBackground();
    long firstPid = child.pid().orElseThrow();
    List<String> said = new ArrayList<>();

    boolean ready = supervisor.restart("asked", READY, said::add);

    assertThat(ready).isTrue();
    assertThat(child.pid().orElseThrow()).isNotEqualTo(firstPid);
    assertThat(child.isReady()).isTrue();
    // SIGTERM: its shutdown hook ran.
    assertThat(Files.readString(dir.resolve("asked.log"))).contains("SLEEPER_STOPPED");
    assertThat(said).anyMatch(line -> line.startsWith("asked is ready again"));
    assertThat(restarts).containsExactly("asked 1 on request");
    Thread.sleep(1_500);
    assertThat(supervisor.restarts("asked")).isEqualTo(1);
    assertThat(log()).doesNotContain("stopped without being asked");
  }

  @Test
  void startMissingStartsAStoppedChildAtOnceAndLeavesTheRunningOnesAlone() {
    // A back-off so long that only startMissing can bring it back within the test.
    ProcessSupervisor supervisor = supervisor(Duration.ofMinutes(10), Duration.ofMinutes(10));
    JavaProcess stopped = sleeper("stopped").start();
    JavaProcess running = sleeper("running").start();
    stopped.awaitReady(READY);
    running.awaitReady(READY);
    supervisor.supervise(stopped);
    supervisor.supervise(running);
    supervisor.watchInBackground();
    long runningPid = running.pid().orElseThrow();
    stopped.kill();
    await(() -> log().contains("stopped stopped without being asked"));
    List<String> said = new ArrayList<>();

    ProcessSupervisor.Started started = supervisor.startMissing(READY, said::add);

    assertThat(started.ready()).containsExactly("stopped");
    assertThat(started.failed()).isEmpty();
    assertThat(stopped.isAlive()).isTrue();
    assertThat(running.pid()).contains(runningPid);
    assertThat(restarts).containsExactly("stopped 1 missing at up -d");
    assertThat(supervisor.startMissing(READY, said::add).none()).isTrue();
  }

  @Test
  void aChildStoppedOnRequestStaysStoppedUntilStartMissing() throws Exception {
    ProcessSupervisor supervisor = supervisor(Duration.ofMillis(100), Duration.ofMillis(100));
    JavaProcess child = sleeper("held").start().awaitReady(READY);
    supervisor.supervise(child);
    supervisor.watchInBackground();
    List<String> said = new ArrayList<>();

    assertThat(supervisor.stopOne("held", said::add)).isTrue();
    Thread.sleep(1_500);

    assertThat(child.isAlive()).isFalse();
    assertThat(supervisor.restarts("held")).isZero();
    assertThat(said).contains("stopped held");
    assertThat(supervisor.startMissing(READY, said::add).ready()).containsExactly("held");
    assertThat(child.isAlive()).isTrue();
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 60 s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
