package org.mhaqi.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a running platform recorded under {@code .run/}: {@code pids/<name>.pid} of the supervisor
 * and each child, {@code state/platform.properties} with ports, database names, the PostgreSQL in
 * use and the supervisor's status (starting, ready, failed, stopped). A recorded pid counts only
 * while that process still runs the command line it was started with (pids get reused).
 */
final class PlatformState {

  private static final String SUPERVISOR = "platform";

  private final PlatformSettings settings;

  PlatformState(PlatformSettings settings) {
    this.settings = settings;
  }

  void prepareDirectories() {
    try {
      Files.createDirectories(settings.logDir());
      Files.createDirectories(settings.pidDir());
      Files.createDirectories(settings.stateFile().getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The running supervisor of this checkout, if any. */
  Optional<ProcessHandle> supervisor() {
    return recorded(SUPERVISOR);
  }

  synchronized void recordSupervisor(ProcessHandle self) {
    writePid(SUPERVISOR, self.pid());
    Properties p = new Properties();
    p.setProperty("supervisor.pid", Long.toString(self.pid()));
    p.setProperty("status", "starting");
    p.setProperty("started.at", Instant.now().toString());
    p.setProperty("kafka.port", Integer.toString(settings.kafkaPort()));
    p.setProperty("kafka.controllerPort", Integer.toString(settings.kafkaControllerPort()));
    for (PlatformSettings.Service s : settings.services()) {
      if (Preflight.isRunnableJar(s.jar(settings.root()))) {
        p.setProperty("service." + s.name() + ".port", Integer.toString(s.port()));
        p.setProperty("service." + s.name() + ".url", s.url());
        p.setProperty("service." + s.name() + ".database", s.database());
      }
    }
    write(p);
  }

  synchronized void recordChild(String name, JavaProcess process) {
    long pid = process.pid().orElseThrow();
    writePid(name, pid);
    update(name.equals("kafka") ? "kafka.pid" : "service." + name + ".pid", Long.toString(pid));
  }

  /**
   * Records that the supervisor started a child again: its new pid, how often so far and, with the
   * time, why (for {@code ./platform status}).
   */
  synchronized void recordRestart(JavaProcess process, int restarts, String reason) {
    recordChild(process.name(), process);
    Properties p = read();
    p.setProperty("restarts." + process.name(), Integer.toString(restarts));
    p.setProperty(
        "restarts." + process.name() + ".last",
        Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", " + reason);
    write(p);
  }

  /**
   * How often the supervisor started this child again, with the last time and why; empty if never.
   */
  static Optional<String> restarts(Properties recorded, String name) {
    String count = recorded.getProperty("restarts." + name);
    return count == null
        ? Optional.empty()
        : Optional.of(count + " (last " + recorded.getProperty("restarts." + name + ".last") + ")");
  }

  /** Records a port an optional component listens on, so that stop can be checked to close it. */
  synchronized void recordPort(String component, int port) {
    update(component + ".port", Integer.toString(port));
  }

  synchronized void forgetChild(String name) {
    try {
      Files.deleteIfExists(pidFile(name));
    } catch (IOException e) {
      // stop cleans up again
    }
  }

  synchronized void recordPostgres(PostgresServer postgres) {
    Properties p = read();
    p.setProperty("postgres.kind", postgres.kind().name());
    p.setProperty("postgres.url", postgres.baseUrl());
    p.setProperty("postgres.host", postgres.host());
    p.setProperty("postgres.port", Integer.toString(postgres.port()));
    p.setProperty("postgres.user", postgres.username());
    write(p);
  }

  void markReady() {
    update("status", "ready");
  }

  void markFailed(String reason) {
    update("status", "failed: " + reason);
  }

  synchronized void markStopped() {
    update("status", "stopped");
    forgetChild(SUPERVISOR);
  }

  boolean isReady(long supervisorPid) {
    Properties p = read();
    return Long.toString(supervisorPid).equals(p.getProperty("supervisor.pid"))
        && "ready".equals(p.getProperty("status"));
  }

  synchronized Properties read() {
    Properties p = new Properties();
    if (Files.exists(settings.stateFile())) {
      try (InputStream in = Files.newInputStream(settings.stateFile())) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return p;
  }

  /**
   * Stops what {@code up} started: SIGTERM to the supervisor, which stops its children in order;
   * then anything recorded that still runs (a supervisor killed with SIGKILL leaves its children).
   */
  int stopRecorded(boolean verbose) {
    Duration timeout = settings.stopTimeout();
    boolean any = false;
    Optional<ProcessHandle> supervisor = supervisor();
    if (supervisor.isPresent()) {
      any = true;
      if (verbose) {
        System.out.println(
            "Stopping the platform (supervisor pid " + supervisor.get().pid() + ") ...");
      }
      // The supervisor waits up to the stop timeout for the services, then for Kafka.
      JavaProcess.stop(supervisor.get(), timeout.multipliedBy(2).plusSeconds(30));
    }
    List<String> names = recordedNames();
    for (String name : names) {
      Optional<ProcessHandle> process = recorded(name);
      if (process.isPresent()) {
        any = true;
        if (verbose) {
          System.out.println("stopping " + name + " (pid " + process.get().pid() + ")");
        }
        JavaProcess.stop(process.get(), timeout);
      }
      forgetChild(name);
    }
    PostgresServer.stopOrphanedServer(settings.postgresDir().toAbsolutePath().resolve("data"));
    if (verbose) {
      System.out.println(any ? "Stopped." : "Nothing recorded in .run/pids is running.");
    }
    return 0;
  }

  private List<String> recordedNames() {
    if (!Files.isDirectory(settings.pidDir())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(settings.pidDir())) {
      // Services before Kafka, as the supervisor stops them.
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".pid"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted((a, b) -> Boolean.compare(a.equals("kafka"), b.equals("kafka")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The process recorded under this name, if it still runs that component's command line. */
  private Optional<ProcessHandle> recorded(String name) {
    Path file = pidFile(name);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(Files.readString(file).trim());
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
    String marker = markerOf(name);
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> commandLine(p).map(c -> c.contains(marker)).orElse(true));
  }

  /**
   * The whole command line: from /proc where there is one, as {@link ProcessHandle.Info} cuts it at
   * 4096 characters on Linux and a class path is longer.
   */
  static Optional<String> commandLine(ProcessHandle process) {
    Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
    try {
      if (Files.isReadable(proc)) {
        return Optional.of(Files.readString(proc, StandardCharsets.ISO_8859_1).replace('\0', ' '));
      }
    } catch (IOException e) {
      // fall back to what the JDK offers
    }
    return process.info().commandLine();
  }

  private static String markerOf(String name) {
    return switch (name) {
      case SUPERVISOR -> Platform.class.getName();
      case "kafka" -> KafkaBroker.class.getName();
      default -> name + ".jar";
    };
  }

  private Path pidFile(String name) {
    return settings.pidDir().resolve(name + ".pid");
  }

  private void writePid(String name, long pid) {
    try {
      Files.writeString(pidFile(name), pid + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void update(String key, String value) {
    Properties p = read();
    p.setProperty(key, value);
    write(p);
  }

  private void write(Properties p) {
    Path file = settings.stateFile();
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = Files.newOutputStream(temp)) {
        p.store(out, "./platform state; written by org.mhaqi.local.Platform");
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
