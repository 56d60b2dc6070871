package org.mhaqi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A Java program run as a process of its own with its output in a log file: a service jar (ready
 * when {@code /actuator/health/readiness} answers 200), the Kafka broker (ready when its log shows
 * {@link KafkaBroker#READY_MARKER}) or a one-shot tool. It stops with SIGTERM, then SIGKILL after a
 * grace period, and can be killed (SIGKILL, as a crash looks) and started again with the same
 * command, port and log. Used by {@code ./platform}, the end-to-end tests and the fault suite.
 */
public final class JavaProcess implements AutoCloseable {

  public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private final String name;
  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private final Readiness readiness;
  private final boolean ownSession;
  private Process process;
  private long logOffsetAtStart;

  /** When a started process counts as ready. */
  public sealed interface Readiness {
    /** GET of this URL answers 200. */
    record Http(URI url) implements Readiness {}

    /** A line starting with this marker appears in the log after the start. */
    record LogLine(String marker) implements Readiness {}
  }

  private JavaProcess(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path log,
      Readiness readiness) {
    this(name, command, environment, log, readiness, false);
  }

  private JavaProcess(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path log,
      Readiness readiness,
      boolean ownSession) {
    this.name = name;
    this.command = List.copyOf(command);
    this.environment = Map.copyOf(environment);
    this.log = log.toAbsolutePath();
    this.readiness = readiness;
    this.ownSession = ownSession;
  }

  /**
   * The same program in a session of its own (where {@code setsid} exists), so that Ctrl-C in the
   * terminal reaches only the supervisor, which then stops its children in order.
   */
  public JavaProcess inOwnSession() {
    return new JavaProcess(name, command, environment, log, readiness, true);
  }

  /** {@code java <jvm options> -jar <jar>}, ready when its readiness endpoint on port says so. */
  public static JavaProcess serviceJar(
      String name,
      Path jar,
      int port,
      List<String> jvmOptions,
      Map<String, String> environment,
      Path log) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    Map<String, String> env = new LinkedHashMap<>(environment);
    env.put("SERVER_PORT", Integer.toString(port));
    return new JavaProcess(
        name,
        command,
        env,
        log,
        new Readiness.Http(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")));
  }

  /** {@code java <jvm options> -cp <classpath> <main> <args>}. */
  public static JavaProcess mainClass(
      String name,
      String classpath,
      List<String> jvmOptions,
      String mainClass,
      List<String> args,
      Map<String, String> environment,
      Path log,
      Readiness readiness) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    return new JavaProcess(name, command, environment, log, readiness);
  }

  /** The Kafka broker of {@link KafkaBroker#main} as a process, ready when it serves. */
  public static JavaProcess kafkaBroker(
      String classpath,
      List<String> jvmOptions,
      Path dataDir,
      int port,
      int controllerPort,
      Path log) {
    return mainClass(
        "kafka",
        classpath,
        jvmOptions,
        KafkaBroker.class.getName(),
        List.of(
            dataDir.toAbsolutePath().toString(),
            "--port",
            Integer.toString(port),
            "--controller-port",
            Integer.toString(controllerPort)),
        Map.of(),
        log,
        new Readiness.LogLine(KafkaBroker.READY_MARKER));
  }

  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public String name() {
    return name;
  }

  public Path log() {
    return log;
  }

  public List<String> command() {
    return command;
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  public synchronized Optional<Long> pid() {
    return process == null ? Optional.empty() : Optional.of(process.pid());
  }

  /** The exit code of the last start, once it has ended (137 after SIGKILL on Linux). */
  public synchronized OptionalInt exitCode() {
    return process == null || process.isAlive()
        ? OptionalInt.empty()
        : OptionalInt.of(process.exitValue());
  }

  /** Starts the process (again after {@link #kill()} or {@link #close()}); output appends. */
  public synchronized JavaProcess start() {
    if (isAlive()) {
      return this;
    }
    try {
      Files.createDirectories(log.getParent());
      logOffsetAtStart = Files.exists(log) ? Files.size(log) : 0;
      List<String> line = new ArrayList<>(command);
      if (ownSession && Files.isExecutable(SETSID)) {
        // The child is no process group leader, so setsid execs in place: the pid stays its own.
        line.add(0, SETSID.toString());
      }
      ProcessBuilder builder =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().putAll(environment);
      process = builder.start();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  /** Waits until ready; if the process exits or the time passes, fails naming its log. */
  public JavaProcess awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (isReady(http)) {
        return this;
      }
      if (!isAlive()) {
        throw new IllegalStateException(name + " exited while starting; see " + log);
      }
      sleep(Duration.ofMillis(250));
    }
    throw new IllegalStateException(
        name + " was not ready within " + timeout.toSeconds() + " s; see " + log);
  }

  public JavaProcess awaitReady() {
    return awaitReady(READY_TIMEOUT);
  }

  /** Waits for a one-shot program to end; its exit code. */
  public int awaitExit(Duration timeout) {
    Process p;
    synchronized (this) {
      p = process;
    }
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop(p.toHandle(), STOP_TIMEOUT);
        throw new IllegalStateException(name + " did not finish within " + timeout);
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroy();
      return 130;
    }
  }

  /** Whether it is ready now (one look, no waiting): what a supervisor polls after a restart. */
  public boolean isReady() {
    return isAlive() && isReady(PollingClient.HTTP);
  }

  /** One client for every poll: each client holds a selector thread of its own. */
  private static final class PollingClient {
    static final HttpClient HTTP =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  }

  private boolean isReady(HttpClient http) {
    if (readiness == null) {
      return false;
    }
    if (readiness instanceof Readiness.Http h) {
      return answers200(http, h.url());
    }
    return logShows(((Readiness.LogLine) readiness).marker());
  }

  private boolean logShows(String marker) {
    try {
      if (!Files.exists(log)) {
        return false;
      }
      byte[] bytes = Files.readAllBytes(log);
      int from = (int) Math.min(logOffsetAtStart, bytes.length);
      // Latin-1: a log line that is not UTF-8 must not break the wait.
      String text = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
      return text.lines().anyMatch(line -> line.startsWith(marker));
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether GET of the URL answers 200 within two seconds. */
  public static boolean answers200(HttpClient http, URI url) {
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** SIGKILL, as a crash or an out-of-memory kill looks: no shutdown hooks run. */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited within the timeout. */
  public synchronized void stop(Duration timeout) {
    if (process != null) {
      stop(process.toHandle(), timeout);
    }
  }

  @Override
  public void close() {
    stop(STOP_TIMEOUT);
  }

  /** Sends SIGTERM to the process, SIGKILL after the timeout; true if it had to be killed. */
  public static boolean stop(ProcessHandle handle, Duration timeout) {
    if (!handle.isAlive()) {
      return false;
    }
    handle.destroy();
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception timedOut) {
      // falls through to SIGKILL
    }
    handle.destroyForcibly();
    try {
      handle.onExit().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // nothing more to do
    }
    return true;
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").toLowerCase().startsWith("windows") ? "NUL" : "/dev/null");
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
