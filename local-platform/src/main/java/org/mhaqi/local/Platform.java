package org.mhaqi.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

/**
 * The run command ({@code ./platform}): starts the authorization server, Kafka, PostgreSQL with the
 * databases, the three service jars and the demo data, and stops what it started.
 *
 * <pre>
 *   up [-d]      start everything, load the demo data, print the URLs; foreground until Ctrl-C,
 *                or with -d in the background (returns once ready, non-zero if it failed)
 *   stop         stop what up started (only that)
 *   up -d        while it runs: starts whatever of it is not running
 *   restart NAME stop one process and start it again (a service, auth, kafka, console)
 *   stop NAME    stop one process and keep it stopped until up -d or restart NAME
 *   status       what runs, with readiness and restart counts; exit 0 only if every service is ready
 *   logs NAME    follow .run/logs/NAME.log (kafka, enrollment, coaching, evaluation, ...)
 *   reset        stop, drop the databases and wipe .run/
 *   check        CI's check of a running platform (see {@link PlatformCheck})
 * </pre>
 *
 * <p>One supervisor process (this class, {@code up}) owns what runs: Kafka and the services are its
 * child processes, an embedded PostgreSQL runs under it; its shutdown hook stops them, services
 * first. It starts a child that stops without being asked again ({@link ProcessSupervisor}) and
 * takes commands on a socket ({@link ControlChannel}). State (pids, ports, URLs, restart counts) is
 * in {@code .run/}.
 */
public final class Platform {

  static final String SUPERVISOR_FLAG = "--supervisor";

  private final PlatformSettings settings;
  private final PlatformState state;
  private final ProcessSupervisor supervisor;
  private volatile ControlChannel control;
  // Written while starting, read by the shutdown hook, which may run at any moment.
  private final List<JavaProcess> services = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> optionalComponents = new CopyOnWriteArrayList<>();
  private final Map<Path, CompletableFuture<Path>> runnableJars = new ConcurrentHashMap<>();
  private JavaProcess kafka;
  private JavaProcess authServer;
  // Set by the step that prepares it beside Kafka's start; read by the shutdown hook.
  private volatile PostgresServer postgres;
  private volatile boolean stopping;

  Platform(PlatformSettings settings) {
    this.settings = settings;
    this.state = new PlatformState(settings);
    this.supervisor = ProcessSupervisor.standard(settings.stopTimeout(), state::recordRestart);
  }

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
                   kafka, console
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
    return new Platform(settings).runUntilStopped(supervisor);
  }

  /** Re-launches this class as a background supervisor and follows its log until it is ready. */
  private static int detach(PlatformSettings settings, PlatformState state) {
    state.prepareDirectories();
    Path log = settings.logDir().resolve("platform.log");
    rotate(log);
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
    try (LogFollower follower = new LogFollower(log)) {
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

  /** Starts everything, then waits until stopped (Ctrl-C, SIGTERM or ./platform stop). */
  private int runUntilStopped(boolean background) {
    long t0 = System.nanoTime();
    state.prepareDirectories();
    preflightPorts();
    state.recordSupervisor(ProcessHandle.current());
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopEverything, "platform-stop"));
    try {
      // Nothing here waits on what it does not need: the authorization server starts while Kafka
      // and PostgreSQL do and is awaited only before the first token is asked for (the services
      // fetch its keys on the first call they check); PostgreSQL is prepared while Kafka starts;
      // the console starts while the demo data loads.
      launchAuthServer();
      extractJars();
      CompletableFuture<Void> postgresReady =
          CompletableFuture.runAsync(this::startPostgres, BESIDE);
      try {
        startKafka();
      } finally {
        // Even when Kafka failed: the shutdown hook must know the PostgreSQL it has to stop.
        awaitQuietly(postgresReady);
      }
      joinStep(postgresReady);
      long tServices = System.nanoTime();
      startServices();
      String servicesTime = seconds(tServices);
      awaitAuthServer();
      JavaProcess console = launchConsole();
      startPrometheus();
      String demo = loadDemoData();
      awaitConsole(console);
      printUrls(settings, state, false);
      row("Demo data", "", demo);
      System.out.println();
      System.out.printf(
          "Start-up took %s s (services ready after %s s).%n", seconds(t0), servicesTime);
      control =
          ControlChannel.serve(
              settings.controlSocket(),
              new SupervisorCommands(supervisor, settings.readyTimeout()));
      state.markReady();
      System.out.flush();
    } catch (RuntimeException e) {
      System.err.println("platform: " + e.getMessage());
      System.err.flush();
      state.markFailed(e.getMessage());
      System.exit(1);
    }
    if (!background) {
      System.out.println("Press Ctrl-C to stop what this run started.");
    }
    supervisor.watch();
    return 0;
  }

  private void preflightPorts() {
    List<String> busy = new ArrayList<>();
    if (!FreePorts.isFree(settings.kafkaPort())) {
      busy.add(settings.kafkaPort() + " (KAFKA_PORT)");
    }
    if (isRunnableJar(settings.authJar()) && !FreePorts.isFree(settings.authPort())) {
      busy.add(settings.authPort() + " (AUTH_PORT)");
    }
    if (!FreePorts.isFree(settings.kafkaControllerPort())) {
      busy.add(settings.kafkaControllerPort() + " (KAFKA_CONTROLLER_PORT)");
    }
    for (PlatformSettings.Service s : runnableServices()) {
      if (!FreePorts.isFree(s.port())) {
        busy.add(s.port() + " (" + s.portVariable() + ")");
      }
    }
    if (!busy.isEmpty()) {
      throw new PlatformFailure(
          "nothing started: ports in use by another program: "
              + String.join(", ", busy)
              + "; set those variables to free ports");
    }
  }

  /** Asks the running supervisor to restart or stop one of its processes. */
  static int ask(PlatformSettings settings, String command, List<String> args, PrintStream out) {
    if (args.size() != 1) {
      throw new PlatformFailure(
          "usage: ./platform "
              + command
              + " <name>: enrollment, coaching, evaluation, auth, kafka, console");
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
      default -> typed;
    };
  }

  /** Once stopping has begun, nothing new starts (its process would outlive the supervisor). */
  private void requireNotStopping() {
    if (stopping) {
      throw new PlatformFailure("stopping");
    }
  }

  /** Starts a child and records it, unless stopping has begun. */
  private synchronized JavaProcess launch(JavaProcess process) {
    requireNotStopping();
    process.start();
    state.recordChild(process.name(), process);
    supervisor.supervise(process);
    return process;
  }

  /**
   * The authorization server (module authorization-server), whose tokens the services accept: its
   * issuer is its URL, and its signing key is kept in .run/auth so that tokens outlive its restart.
   */
  private void launchAuthServer() {
    if (!isRunnableJar(settings.authJar())) {
      System.out.println(
          "Authorization server: authorization-server/target/authorization-server.jar is not"
              + " built; the services will refuse every API call");
      return;
    }
    System.out.println("Starting the authorization server on " + settings.authUrl() + " ...");
    List<String> origins = new ArrayList<>();
    List<String> redirects = new ArrayList<>();
    for (PlatformSettings.Service s : settings.services()) {
      for (String host : List.of("127.0.0.1", "localhost")) {
        String origin = "http://" + host + ":" + s.port();
        origins.add(origin);
        redirects.add(origin + "/swagger-ui/oauth2-redirect.html");
      }
    }
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AUTH_ISSUER", settings.authUrl());
    env.put("AUTH_KEY_FILE", settings.authSigningKey().toAbsolutePath().toString());
    env.put("AUTH_CORS_ALLOWED_ORIGINS", String.join(",", origins));
    env.put("SWAGGER_UI_REDIRECT_URIS", String.join(",", redirects));
    List<String> jvm = settings.authJavaOptions();
    Path log = settings.logDir().resolve("authorization-server.log");
    rotate(log);
    authServer =
        JavaProcess.serviceJar(
                "authorization-server",
                ExtractedJar.runnable(settings.authJar()),
                settings.authPort(),
                jvm,
                env,
                log)
            .inOwnSession();
    launch(authServer);
    state.recordPort("auth", settings.authPort());
  }

  private void awaitAuthServer() {
    if (authServer == null) {
      return;
    }
    long t0 = System.nanoTime();
    awaitReady(authServer, settings.readyTimeout());
    System.out.println("Authorization server ready (" + seconds(t0) + " s)");
  }

  private void startKafka() {
    long t0 = System.nanoTime();
    System.out.println("Starting Kafka on 127.0.0.1:" + settings.kafkaPort() + " ...");
    List<String> jvm = new ArrayList<>(settings.toolJvmOptions());
    jvm.add("-Xms128m");
    jvm.add("-Xmx" + settings.kafkaHeap());
    jvm.addAll(settings.kafkaJavaOptions());
    Path log = settings.logDir().resolve("kafka.log");
    rotate(log);
    kafka =
        JavaProcess.kafkaBroker(
                classpath(),
                jvm,
                settings.kafkaDir(),
                settings.kafkaPort(),
                settings.kafkaControllerPort(),
                log)
            .inOwnSession();
    launch(kafka);
    awaitReady(kafka, Duration.ofSeconds(120));
    System.out.println("Kafka ready in " + seconds(t0) + " s");
  }

  private void startPostgres() {
    long t0 = System.nanoTime();
    System.out.println("Ensuring PostgreSQL with databases " + settings.databases() + " ...");
    try {
      postgres = settings.findOrStartPostgres();
      settings.databases().forEach(postgres::createDatabase);
    } catch (RuntimeException e) {
      throw new PlatformFailure("PostgreSQL is not available: " + e.getMessage());
    }
    state.recordPostgres(postgres);
    System.out.printf(
        "PostgreSQL (%s) at %s, ready in %s s%n",
        postgres.kind() == PostgresServer.Kind.EMBEDDED ? "embedded" : "existing server",
        postgres.baseUrl(),
        seconds(t0));
  }

  private List<PlatformSettings.Service> runnableServices() {
    return settings.services().stream().filter(s -> isRunnableJar(s.jar(settings.root()))).toList();
  }

  private void startServices() {
    for (PlatformSettings.Service s : settings.services()) {
      if (!isRunnableJar(s.jar(settings.root()))) {
        System.out.println(
            "Skipping "
                + s.name()
                + ": "
                + s.name()
                + "/target/"
                + s.name()
                + ".jar is missing or not a runnable jar");
        continue;
      }
      System.out.println("Starting " + s.name() + " on port " + s.port() + " ...");
      PostgresServer.Database db = postgres.database(s.database());
      Map<String, String> env = new LinkedHashMap<>();
      env.put("SPRING_DATASOURCE_URL", db.url());
      env.put("SPRING_DATASOURCE_USERNAME", db.username());
      env.put("SPRING_DATASOURCE_PASSWORD", db.password());
      env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + settings.kafkaPort());
      // Tokens are checked against this server's JWKS and issuer.
      env.put("AUTH_SERVER_URL", settings.authUrl());
      // Structured JSON logs beside the readable console log: the operations console shows them.
      env.put(
          "LOGGING_FILE_NAME",
          settings.logDir().resolve(s.name() + ".json").toAbsolutePath().toString());
      List<String> jvm = new ArrayList<>();
      jvm.add("-Xmx" + settings.serviceHeap());
      jvm.addAll(settings.serviceJavaOptions());
      Path log = settings.logDir().resolve(s.name() + ".log");
      rotate(log);
      JavaProcess process =
          JavaProcess.serviceJar(
                  s.name(), runnableJar(s.jar(settings.root())), s.port(), jvm, env, log)
              .inOwnSession();
      services.add(launch(process));
    }
    long t0 = System.nanoTime();
    // Started side by side, awaited one after the other: the slowest sets the pace.
    for (JavaProcess service : services) {
      awaitReady(service, settings.readyTimeout());
      System.out.println(service.name() + " is ready (" + seconds(t0) + " s)");
    }
  }

  /** Each step run beside the main line gets a thread of its own (the common pool has one here). */
  private static final Executor BESIDE =
      task -> {
        Thread thread = new Thread(task, "platform-step");
        thread.setDaemon(true);
        thread.start();
      };

  /** The service and console jars in their extracted form, made while Kafka starts. */
  private void extractJars() {
    List<Path> jars = new ArrayList<>();
    runnableServices().forEach(s -> jars.add(s.jar(settings.root())));
    if (isRunnableJar(settings.consoleJar())) {
      jars.add(settings.consoleJar());
    }
    for (Path jar : jars) {
      runnableJars.put(
          jar, CompletableFuture.supplyAsync(() -> ExtractedJar.runnable(jar), BESIDE));
    }
  }

  private Path runnableJar(Path jar) {
    return runnableJars.getOrDefault(jar, CompletableFuture.completedFuture(jar)).join();
  }

  private static void awaitQuietly(CompletableFuture<?> step) {
    try {
      step.join();
    } catch (RuntimeException e) {
      // reported by joinStep
    }
  }

  /** The failure of a step run beside another, as its own (one line, no stack trace). */
  private static void joinStep(CompletableFuture<?> step) {
    try {
      step.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /**
   * A real Prometheus scraping every service with the repository's alert rules, when Debian's
   * {@code prometheus} is installed (or PROMETHEUS_BIN names one); without it the platform runs on
   * and says how to install it.
   */
  private void startPrometheus() {
    Optional<Path> binary = PrometheusServer.findBinary();
    if (binary.isEmpty()) {
      System.out.println(
          "Prometheus: not installed, not started. " + PrometheusServer.installHint());
      return;
    }
    if (!FreePorts.isFree(settings.prometheusPort())) {
      System.out.println(
          "Prometheus: port "
              + settings.prometheusPort()
              + " is taken (PROMETHEUS_PORT); not started");
      return;
    }
    requireNotStopping();
    long t0 = System.nanoTime();
    List<PrometheusServer.Target> targets =
        services.stream()
            .map(
                s ->
                    new PrometheusServer.Target(
                        s.name(), "127.0.0.1:" + settings.service(s.name()).port()))
            .toList();
    PrometheusServer prometheus =
        PrometheusServer.start(
            binary.get(),
            settings.runDir().resolve("prometheus"),
            settings.prometheusPort(),
            targets,
            PrometheusServer.ruleFiles(settings.alertRules()),
            Duration.ofSeconds(15),
            Duration.ofSeconds(15),
            // /actuator/prometheus wants an OPERATOR token: Prometheus fetches its own.
            new PrometheusServer.OAuth2(
                "prometheus",
                envOr("PROMETHEUS_CLIENT_SECRET", "prometheus-secret"),
                settings.authUrl() + "/oauth2/token"));
    optionalComponents.add(prometheus);
    state.recordPort("prometheus", settings.prometheusPort());
    prometheus.awaitReady(Duration.ofSeconds(60));
    System.out.println("Prometheus ready at " + prometheus.url() + " (" + seconds(t0) + " s)");
  }

  /**
   * The operations console (Spring Boot Admin, module ops-console) when it is built, launched once
   * the services are ready (it registers them) and awaited by {@link #awaitConsole}; null if it is
   * not started. Components like it (and Prometheus) are in {@link #optionalComponents}, closed on
   * stop before the services.
   */
  private JavaProcess launchConsole() {
    Path jar = settings.consoleJar();
    if (!isRunnableJar(jar)) {
      System.out.println("Operations console: ops-console/target/ops-console.jar is not built");
      return null;
    }
    if (!FreePorts.isFree(settings.consolePort())) {
      System.out.println(
          "Operations console: port " + settings.consolePort() + " is taken (CONSOLE_PORT)");
      return null;
    }
    System.out.println(
        "Starting the operations console on port " + settings.consolePort() + " ...");
    Map<String, String> env = new LinkedHashMap<>();
    for (PlatformSettings.Service s : settings.services()) {
      env.put(s.shortName().toUpperCase(Locale.ROOT) + "_SERVICE_URL", s.url());
    }
    // The console reads the services' actuator with an OPERATOR token of its own client.
    env.put("AUTH_SERVER_URL", settings.authUrl());
    Path log = settings.logDir().resolve("ops-console.log");
    rotate(log);
    JavaProcess console =
        JavaProcess.serviceJar(
                "ops-console",
                runnableJar(jar),
                settings.consolePort(),
                settings.consoleJavaOptions(),
                env,
                log)
            .inOwnSession();
    launch(console);
    optionalComponents.add(() -> console.stop(settings.stopTimeout()));
    state.recordPort("console", settings.consolePort());
    return console;
  }

  private void awaitConsole(JavaProcess console) {
    if (console == null) {
      return;
    }
    long t0 = System.nanoTime();
    awaitReady(console, settings.readyTimeout());
    System.out.println(
        "Operations console ready at http://127.0.0.1:"
            + settings.consolePort()
            + " (after "
            + seconds(t0)
            + " s more)");
  }

  private String loadDemoData() {
    if (!settings.demoData()) {
      return "skipped (DEMO_DATA=0)";
    }
    PlatformSettings.Service enrollment = settings.service("enrollment-service");
    if (!isRunnableJar(enrollment.jar(settings.root()))) {
      return "skipped (no enrollment-service)";
    }
    System.out.println("Loading demo data through the enrollment-service API ...");
    long t0 = System.nanoTime();
    RunResult demo = runTool("demo-data", DemoData.class, enrollment.url());
    if (demo.exitCode() != 0) {
      System.err.println("platform: loading the demo data failed; the platform stays up");
      return "FAILED (see .run/logs/demo-data.log)";
    }
    String status =
        demo.output().contains("already loaded")
            ? "already loaded"
            : "loaded in " + seconds(t0) + " s";
    PlatformSettings.Service evaluation = settings.service("evaluation-service");
    if (!isRunnableJar(evaluation.jar(settings.root()))) {
      return status;
    }
    System.out.println("Loading a year of demo returns through the evaluation-service API ...");
    RunResult returns = runTool("demo-returns", DemoReturnsLoader.class, evaluation.url());
    if (returns.exitCode() != 0) {
      System.err.println("platform: loading the demo returns failed; the platform stays up");
      return status + "; returns FAILED (see .run/logs/demo-returns.log)";
    }
    var years =
        java.util.regex.Pattern.compile("a year for [0-9]+ of [0-9]+").matcher(returns.output());
    return status + "; returns " + (years.find() ? years.group() : "loaded");
  }

  private record RunResult(int exitCode, String output) {}

  /** Runs one of this module's programs as a process, its output in a log and on the console. */
  private RunResult runTool(String name, Class<?> mainClass, String url) {
    Path log = settings.logDir().resolve(name + ".log");
    rotate(log);
    JavaProcess tool =
        JavaProcess.mainClass(
                name,
                classpath(),
                settings.loaderJavaOptions(),
                mainClass.getName(),
                List.of(url),
                // The loaders call the APIs with the platform client's token.
                Map.of("AUTH_SERVER_URL", settings.authUrl()),
                log,
                null)
            .start();
    int rc = tool.awaitExit(Duration.ofMinutes(10));
    String output = read(log);
    System.out.print(output);
    return new RunResult(rc, output);
  }

  private void awaitReady(JavaProcess process, Duration timeout) {
    try {
      process.awaitReady(timeout);
    } catch (IllegalStateException e) {
      printTail(process.log(), 40);
      throw new PlatformFailure(e.getMessage());
    }
  }

  /** Services (and optional components) first, side by side; then Kafka; then PostgreSQL. */
  private void stopEverything() {
    synchronized (this) {
      stopping = true;
    }
    // Before anything stops: what stops from here on was asked to.
    supervisor.stop();
    if (control != null) {
      control.close();
    }
    for (int i = optionalComponents.size() - 1; i >= 0; i--) {
      closeQuietly(optionalComponents.get(i));
    }
    List<CompletableFuture<Void>> stopping =
        services.stream()
            .filter(JavaProcess::isAlive)
            .map(p -> CompletableFuture.runAsync(() -> stopAndSay(p)))
            .toList();
    stopping.forEach(CompletableFuture::join);
    if (authServer != null && authServer.isAlive()) {
      stopAndSay(authServer);
    }
    if (kafka != null && kafka.isAlive()) {
      stopAndSay(kafka);
    }
    if (postgres != null && postgres.kind() == PostgresServer.Kind.EMBEDDED) {
      postgres.close();
      System.out.println("stopped the embedded PostgreSQL");
    }
    state.markStopped();
  }

  private void stopAndSay(JavaProcess process) {
    long pid = process.pid().orElse(-1L);
    process.stop(settings.stopTimeout());
    state.forgetChild(process.name());
    System.out.println("stopped " + process.name() + " (pid " + pid + ")");
  }

  // --- status, logs, reset ----------------------------------------------------------------------

  private static int status(PlatformSettings settings) {
    PlatformState state = new PlatformState(settings);
    boolean allReady = printUrls(settings, state, true);
    return allReady ? 0 : 3;
  }

  /** The URL table; with readiness, true only if the platform runs and every service is ready. */
  static boolean printUrls(PlatformSettings settings, PlatformState state, boolean withReadiness) {
    Properties recorded = state.read();
    boolean supervisorAlive = state.supervisor().isPresent();
    boolean allReady = supervisorAlive;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    System.out.printf("%n%-20s %-12s %s%n", "COMPONENT", "WHAT", "WHERE");
    String authPort = recorded.getProperty("auth.port");
    if (authPort != null && FreePorts.isListening(Integer.parseInt(authPort))) {
      String auth = "http://127.0.0.1:" + authPort;
      row("Authorization", "issuer", auth + " (AUTH_SERVER_URL of the services)");
      row("server", "token", auth + "/oauth2/token");
      row(
          "",
          "get a token",
          "curl -s -u demo-admin:demo-admin-secret -d grant_type=client_credentials "
              + auth
              + "/oauth2/token");
      row("", "use it", "curl -H \"Authorization: Bearer $TOKEN\" <service>/api/...");
      row("", "clients", "README.md, \"Roles and tokens\" (demo-coach, demo-trust, ...)");
      if (withReadiness) {
        String readiness = readiness(http, auth);
        allReady &= readiness.equals("UP");
        row("", "Readiness", readiness);
      }
      row(
          "",
          "Process",
          "pid "
              + recorded.getProperty("service.authorization-server.pid", "?")
              + ", log .run/logs/authorization-server.log");
      restartsRow(recorded, "authorization-server");
    } else if (isRunnableJar(settings.authJar())) {
      row("Authorization", "-", "not running");
      allReady = false;
    }
    for (PlatformSettings.Service s : settings.services()) {
      int port = Integer.parseInt(recorded.getProperty("service." + s.name() + ".port", "0"));
      if (port == 0) {
        row(s.name(), "-", isRunnableJar(s.jar(settings.root())) ? "not running" : "not built");
        allReady &= !isRunnableJar(s.jar(settings.root()));
        continue;
      }
      String base = "http://127.0.0.1:" + port;
      row(s.name(), "API", base + "/api");
      row("", "Swagger UI", base + "/swagger-ui.html");
      row("", "OpenAPI", base + "/v3/api-docs");
      row("", "Prometheus", base + "/actuator/prometheus");
      row("", "Health", base + "/actuator/health");
      if (withReadiness) {
        String readiness = readiness(http, base);
        allReady &= readiness.equals("UP");
        row("", "Readiness", readiness);
      }
      row(
          "",
          "Database",
          recorded.getProperty("postgres.url", "?")
              + "/"
              + recorded.getProperty("service." + s.name() + ".database", s.database()));
      row(
          "",
          "Process",
          "pid "
              + recorded.getProperty("service." + s.name() + ".pid", "?")
              + ", log .run/logs/"
              + s.name()
              + ".log");
      restartsRow(recorded, s.name());
    }
    String prometheusPort = recorded.getProperty("prometheus.port");
    if (prometheusPort != null && FreePorts.isListening(Integer.parseInt(prometheusPort))) {
      String base = "http://127.0.0.1:" + prometheusPort;
      row("Prometheus", "UI", base);
      row("", "targets", base + "/targets");
      row("", "alerts", base + "/alerts");
    }
    String consolePort = recorded.getProperty("console.port");
    if (consolePort != null && FreePorts.isListening(Integer.parseInt(consolePort))) {
      row("Operations console", "UI", "http://127.0.0.1:" + consolePort);
      restartsRow(recorded, "ops-console");
    }
    String kafkaPort = recorded.getProperty("kafka.port");
    if (kafkaPort != null && FreePorts.isListening(Integer.parseInt(kafkaPort))) {
      row("Kafka", "bootstrap", "127.0.0.1:" + kafkaPort);
      row(
          "",
          "Process",
          "pid "
              + recorded.getProperty("kafka.pid", "?")
              + ", data .run/kafka, log .run/logs/kafka.log");
      restartsRow(recorded, "kafka");
    } else {
      row("Kafka", "-", "not running");
      allReady = false;
    }
    String pgUrl = recorded.getProperty("postgres.url");
    if (pgUrl != null) {
      row("PostgreSQL", "JDBC", pgUrl + " (user " + recorded.getProperty("postgres.user") + ")");
      row(
          "",
          "Process",
          "EMBEDDED".equals(recorded.getProperty("postgres.kind"))
              ? "embedded, data .run/postgres"
              : "existing server, not managed here");
    } else {
      row("PostgreSQL", "-", "not known (the platform is not running)");
    }
    if (withReadiness) {
      row(
          "Supervisor",
          "",
          supervisorAlive
              ? "pid "
                  + recorded.getProperty("supervisor.pid")
                  + ", "
                  + recorded.getProperty("status", "?")
              : "not running");
      row("", "Restarts", restartSummary(recorded));
    }
    return allReady;
  }

  /** "Restarts: 2 (last ..., why)" under a component the supervisor started again. */
  private static void restartsRow(Properties recorded, String name) {
    PlatformState.restarts(recorded, name).ifPresent(r -> row("", "Restarts", r));
  }

  /** Which processes the supervisor started again and how often: "coaching-service 2, kafka 1". */
  static String restartSummary(Properties recorded) {
    List<String> counts =
        recorded.stringPropertyNames().stream()
            .filter(k -> k.startsWith("restarts.") && !k.endsWith(".last"))
            .sorted()
            .map(k -> k.substring("restarts.".length()) + " " + recorded.getProperty(k))
            .toList();
    return counts.isEmpty() ? "none" : String.join(", ", counts);
  }

  static String readiness(HttpClient http, String base) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      var m =
          java.util.regex.Pattern.compile("\"status\":\"([A-Z_]+)\"\\}\\s*$")
              .matcher(response.body());
      return m.find() ? m.group(1) : "HTTP " + response.statusCode();
    } catch (IOException e) {
      return "no answer";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "no answer";
    }
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
    List<String> lines = read(log).lines().toList();
    lines.subList(Math.max(0, lines.size() - 100), lines.size()).forEach(System.out::println);
    try (LogFollower follower = new LogFollower(log, true)) {
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

  static boolean isRunnableJar(Path jar) {
    try {
      // A module without sources leaves an empty placeholder jar.
      return Files.isRegularFile(jar) && Files.size(jar) > 10_240;
    } catch (IOException e) {
      return false;
    }
  }

  static void row(String component, String what, String where) {
    System.out.printf("%-20s %-12s %s%n", component, what, where);
  }

  static void printTail(Path log, int lines) {
    List<String> all = read(log).lines().toList();
    System.err.println("---- last " + lines + " lines of " + log + " ----");
    all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.err::println);
    System.err.println("----");
  }

  static String read(Path file) {
    try {
      return Files.exists(file)
          ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
          : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Keeps the previous run's log beside the new one. */
  static void rotate(Path log) {
    try {
      Files.createDirectories(log.getParent());
      if (Files.exists(log)) {
        Files.move(
            log,
            log.resolveSibling(log.getFileName() + ".previous"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  private static String seconds(long startNanos) {
    return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void closeQuietly(AutoCloseable component) {
    try {
      component.close();
    } catch (Exception e) {
      System.err.println("platform: stopping " + component + " failed: " + e);
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

  /** Prints what is appended to a log file. */
  static final class LogFollower implements AutoCloseable {
    private final Path log;
    private long offset;

    LogFollower(Path log) {
      this(log, false);
    }

    LogFollower(Path log, boolean fromEnd) {
      this.log = log;
      try {
        this.offset = fromEnd && Files.exists(log) ? Files.size(log) : 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void printNew() {
      if (!Files.exists(log)) {
        return;
      }
      try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
        if (file.length() < offset) {
          offset = 0; // rotated
        }
        file.seek(offset);
        byte[] buffer = new byte[(int) (file.length() - offset)];
        file.readFully(buffer);
        offset += buffer.length;
        OutputStream out = System.out;
        out.write(buffer);
        out.flush();
      } catch (IOException e) {
        // the next call tries again
      }
    }

    @Override
    public void close() {}
  }
}
