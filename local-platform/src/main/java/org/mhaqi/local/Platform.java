package org.mhaqi.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The run command ({@code ./platform}): reads the command line and hands each command to the class
 * that does it.
 *
 * <pre>
 *   up [-d]      start everything, load the demo data, print the URLs; foreground until Ctrl-C,
 *                or with -d in the background (returns once ready, non-zero if it failed);
 *                while it runs: start whatever of it is not running
 *   stop [NAME]  stop what up started (only that); with a name, that process only, kept stopped
 *                until up -d or restart NAME
 *   restart NAME stop one process and start it again (a service, auth, kafka, console, programme)
 *   status       what runs, with readiness and restart counts; exit 0 only if every service is ready
 *   logs NAME    follow .run/logs/NAME.log (kafka, enrollment, coaching, evaluation, ...)
 *   reset        stop, drop the databases and wipe .run/
 *   check        CI's check of a running platform
 * </pre>
 *
 * <p>Where each part lives: what is checked before starting, {@link Preflight}; what is started, in
 * which order, and how it is stopped, {@link PlatformRun} (one supervisor process owns every child;
 * {@code up -d} re-launches this class as that process); how the children are kept running, {@link
 * ProcessSupervisor} with {@link RestartBackoff}, and how commands reach it, {@link ControlChannel}
 * and {@link SupervisorCommands}; what is printed, {@link StatusReport}; what is recorded in {@code
 * .run/} (pids, ports, restart counts), {@link PlatformState}; the logs, {@link LogFiles}; CI's
 * end-to-end check, {@link PlatformCheck}.
 */
public final class Platform {

  static final String SUPERVISOR_FLAG = "--supervisor";

  public static void main(String[] args) {
    Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
    PlatformSettings settings = PlatformSettings.fromEnvironment(root);
    String command = args.length == 0 ? "help" : args[0];
    List<String> rest = List.of(args).subList(Math.min(1, args.length), args.length);
    int rc;
    try {
      rc =
          switch (command) {
            case "up" -> up(settings, rest);
            case "stop" ->
                rest.isEmpty()
                    ? new PlatformState(settings).stopRecorded(true)
                    : ask(settings, SupervisorCommands.STOP, rest, System.out);
            case "restart" -> ask(settings, SupervisorCommands.RESTART, rest, System.out);
            case "status" -> status(settings);
            case "logs" -> logs(settings, rest);
            case "reset" -> reset(settings);
            case "check" -> PlatformCheck.run(settings, rest);
            case "help", "-h", "--help" -> usage(0);
            default -> usage(64);
          };
    } catch (PlatformFailure e) {
      System.err.println("platform: " + e.getMessage());
      rc = 1;
    }
    System.exit(rc);
  }

  private static int usage(int rc) {
    System.out.println(
        """
        usage: ./platform up [-d] | stop [<name>] | restart <name> | status | logs <name>
                          | reset | check [--stopped]
          up       start Kafka, PostgreSQL, the services and the demo data; Ctrl-C stops them
          up -d    the same in the background; returns once everything is ready; while it
                   runs, starts whatever of it is not running
          stop     stop what up started; stop <name>: only that process, until up -d
          restart  stop one process and start it again: enrollment, coaching, evaluation, auth,
                   kafka, console, programme
          status   what runs, with readiness and how often each process was restarted
          logs     follow a log: auth, kafka, enrollment, coaching, evaluation, demo-data, platform
          reset    stop, drop the databases, wipe .run/
          check    check a running platform end to end (CI); --stopped: nothing is left
        Settings are environment variables: docs/running-locally.md""");
    return rc;
  }

  // --- up -------------------------------------------------------------------------------------

  private static int up(PlatformSettings settings, List<String> args) {
    boolean detach = args.contains("-d") || args.contains("--detach");
    boolean supervisor = args.contains(SUPERVISOR_FLAG);
    for (String arg : args) {
      if (!List.of("-d", "--detach", SUPERVISOR_FLAG).contains(arg)) {
        throw new PlatformFailure("unknown option for up: " + arg + " (use -d)");
      }
    }
    PlatformState state = new PlatformState(settings);
    Optional<ProcessHandle> running = state.supervisor();
    if (running.isPresent() && running.get().pid() != ProcessHandle.current().pid()) {
      long pid = running.get().pid();
      System.out.println("The platform is already running (supervisor pid " + pid + ").");
      // Once it is ready it takes commands: it starts what stopped (the supervisor owns them).
      Optional<Integer> rc =
          state.isReady(pid)
              ? ControlChannel.send(
                  settings.controlSocket(), List.of(SupervisorCommands.START_MISSING), System.out)
              : Optional.empty();
      if (rc.isEmpty()) {
        System.out.println("It is still starting; ./platform stop stops it.");
      }
      status(settings);
      return rc.orElse(0);
    }
    if (detach && !supervisor) {
      return detach(settings, state);
    }
    return new PlatformRun(settings).runUntilStopped(supervisor);
  }

  /** Re-launches this class as a background supervisor and follows its log until it is ready. */
  private static int detach(PlatformSettings settings, PlatformState state) {
    state.prepareDirectories();
    Path log = settings.logDir().resolve("platform.log");
    LogFiles.rotate(log);
    List<String> jvm = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
    jvm.add("-Dplatform.root=" + settings.root());
    JavaProcess supervisor =
        JavaProcess.mainClass(
                "platform",
                classpath(),
                jvm,
                Platform.class.getName(),
                List.of("up", SUPERVISOR_FLAG),
                Map.of(),
                log,
                null)
            .inOwnSession()
            .start();
    long pid = supervisor.pid().orElseThrow();
    // Ctrl-C before it is ready stops the supervisor too (it stops what it started).
    Thread abandon = new Thread(() -> supervisor.stop(settings.stopTimeout().multipliedBy(2)));
    Runtime.getRuntime().addShutdownHook(abandon);
    try (LogFiles.LogFollower follower = new LogFiles.LogFollower(log)) {
      while (true) {
        follower.printNew();
        if (state.isReady(pid)) {
          Runtime.getRuntime().removeShutdownHook(abandon);
          follower.printNew();
          System.out.println(
              "Running in the background (supervisor pid "
                  + pid
                  + "): ./platform status | logs <name> | stop");
          return 0;
        }
        if (!supervisor.isAlive()) {
          follower.printNew();
          System.err.println(
              "platform: the platform did not start (log: "
                  + settings.root().relativize(log)
                  + ")");
          return 1;
        }
        sleep(Duration.ofMillis(200));
      }
    }
  }

  /** Asks the running supervisor to restart or stop one of its processes. */
  static int ask(PlatformSettings settings, String command, List<String> args, PrintStream out) {
    if (args.size() != 1) {
      throw new PlatformFailure(
          "usage: ./platform "
              + command
              + " <name>: enrollment, coaching, evaluation, auth, kafka, console, programme");
    }
    return ControlChannel.send(
            settings.controlSocket(), List.of(command, processName(args.get(0))), out)
        .orElseThrow(
            () ->
                new PlatformFailure(
                    "no running platform takes commands in this checkout"
                        + " (.run/state/supervisor.sock); ./platform up -d starts one"));
  }

  /** A process's name from what a person types: "coaching" for coaching-service, "auth", ... */
  static String processName(String typed) {
    return switch (typed) {
      case "enrollment", "coaching", "evaluation" -> typed + "-service";
      case "auth" -> "authorization-server";
      case "console" -> "ops-console";
      case "programme" -> "programme-console";
      default -> typed;
    };
  }

  // --- status, logs, reset ----------------------------------------------------------------------

  private static int status(PlatformSettings settings) {
    PlatformState state = new PlatformState(settings);
    boolean allReady = StatusReport.print(settings, state, true);
    return allReady ? 0 : 3;
  }

  private static int logs(PlatformSettings settings, List<String> args) {
    if (args.isEmpty()) {
      System.out.println("usage: ./platform logs <name>; logs in .run/logs:");
      try (Stream<Path> files = Files.list(settings.logDir())) {
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".log"))
            .sorted()
            .forEach(n -> System.out.println("  " + n.substring(0, n.length() - 4)));
      } catch (IOException e) {
        // no logs yet
      }
      return 1;
    }
    String name = processName(args.get(0));
    Path log = settings.logDir().resolve(name + ".log");
    if (!Files.exists(log)) {
      throw new PlatformFailure("no log .run/logs/" + name + ".log");
    }
    List<String> lines = LogFiles.read(log).lines().toList();
    lines.subList(Math.max(0, lines.size() - 100), lines.size()).forEach(System.out::println);
    try (LogFiles.LogFollower follower = new LogFiles.LogFollower(log, true)) {
      while (true) {
        follower.printNew();
        sleep(Duration.ofMillis(500));
      }
    }
  }

  private static int reset(PlatformSettings settings) {
    PlatformState state = new PlatformState(settings);
    Properties recorded = state.read();
    state.stopRecorded(true);
    // The databases on an existing server; an embedded server's go with .run/postgres.
    if (!"EMBEDDED".equals(recorded.getProperty("postgres.kind"))) {
      String host = recorded.getProperty("postgres.host", settings.postgresHost());
      int port =
          Integer.parseInt(
              recorded.getProperty("postgres.port", Integer.toString(settings.postgresPort())));
      String user = recorded.getProperty("postgres.user", settings.postgresUser());
      PostgresServer server =
          PostgresServer.existing(host, port, user, settings.postgresPassword());
      List<String> databases = new ArrayList<>(settings.databases());
      for (PlatformSettings.Service s : settings.services()) {
        String db = recorded.getProperty("service." + s.name() + ".database");
        if (db != null && !databases.contains(db)) {
          databases.add(db);
        }
      }
      try {
        for (String db : server.existing(databases)) {
          server.dropDatabase(db);
          System.out.println("dropped database " + db + " at " + server.baseUrl());
        }
      } catch (IllegalStateException e) {
        System.out.println("no PostgreSQL at " + host + ":" + port + " to drop databases from");
      }
    }
    deleteRecursively(settings.runDir());
    System.out.println("wiped .run/");
    return 0;
  }

  // --- small helpers ----------------------------------------------------------------------------

  /** The class path to run this module's programs with: the shim's short form if it gave one. */
  static String classpath() {
    return System.getProperty("platform.classpath", System.getProperty("java.class.path"));
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformFailure("interrupted");
    }
  }

  /** A failure to report in one line (no stack trace), exit code 1. */
  static final class PlatformFailure extends RuntimeException {
    PlatformFailure(String message) {
      super(message);
    }
  }
}
