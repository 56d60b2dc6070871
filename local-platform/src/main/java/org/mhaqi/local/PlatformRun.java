package org.mhaqi.local;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * One run of the platform, in the supervisor process ({@code ./platform up}): what is started and
 * in which order (the authorization server, Kafka beside PostgreSQL, the services, Prometheus, the
 * operations console, the demo data), handed to the {@link ProcessSupervisor} once ready, and
 * stopped in reverse order by the shutdown hook (services first, then Kafka, then an embedded
 * PostgreSQL). What it checks before starting is {@link Preflight}; what it prints at the end is
 * {@link StatusReport}.
 */
final class PlatformRun {

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
  private JavaProcess mailServer;
  // Set by the step that prepares it beside Kafka's start; read by the shutdown hook.
  private volatile PostgresServer postgres;
  private volatile boolean stopping;

  PlatformRun(PlatformSettings settings) {
    this.settings = settings;
    this.state = new PlatformState(settings);
    this.supervisor = ProcessSupervisor.standard(settings.stopTimeout(), state::recordRestart);
  }

  /** Starts everything, then waits until stopped (Ctrl-C, SIGTERM or ./platform stop). */
  int runUntilStopped(boolean background) {
    long t0 = System.nanoTime();
    state.prepareDirectories();
    Preflight.requireFreePorts(settings);
    state.recordSupervisor(ProcessHandle.current());
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopEverything, "platform-stop"));
    try {
      // Nothing here waits on what it does not need: the authorization server starts while Kafka
      // and PostgreSQL do and is awaited only before the first token is asked for (the services
      // fetch its keys on the first call they check); PostgreSQL is prepared while Kafka starts;
      // the console starts while the demo data loads.
      launchAuthServer();
      launchMailServer();
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
      awaitMailServer();
      awaitAuthServer();
      JavaProcess console = launchConsole();
      JavaProcess programmeConsole = launchProgrammeConsole();
      startPrometheus();
      String demo = loadDemoData();
      awaitConsole(console);
      awaitWebApp(programmeConsole, "Programme console", settings.programmeConsoleUrl());
      StatusReport.print(settings, state, false);
      StatusReport.row("Demo data", "", demo);
      System.out.println();
      System.out.printf(
          "Start-up took %s s (services ready after %s s).%n", seconds(t0), servicesTime);
      serveCommands();
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

  /**
   * Takes restart, stop NAME and up -d on the control socket. Without it (a socket path too long
   * for the system, say) the platform still runs and restarts what dies, so that is only a warning.
   */
  private void serveCommands() {
    try {
      control =
          ControlChannel.serve(
              settings.controlSocket(),
              new SupervisorCommands(supervisor, settings.readyTimeout()));
    } catch (java.io.UncheckedIOException e) {
      System.err.println(
          "platform: restart, stop <name> and up -d cannot reach this run ("
              + e.getMessage()
              + ": "
              + e.getCause().getMessage()
              + "); it still starts again what stops");
    }
  }

  /** Once stopping has begun, nothing new starts (its process would outlive the supervisor). */
  private void requireNotStopping() {
    if (stopping) {
      throw new Platform.PlatformFailure("stopping");
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
    if (!Preflight.isRunnableJar(settings.authJar())) {
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
    env.put(
        "PROGRAMME_CONSOLE_REDIRECT_URIS",
        String.join(
            ",",
            List.of("127.0.0.1", "localhost").stream()
                .map(
                    host ->
                        "http://"
                            + host
                            + ":"
                            + settings.programmeConsolePort()
                            + "/login/oauth2/code/programme-console")
                .toList()));
    List<String> jvm = settings.authJavaOptions();
    Path log = settings.logDir().resolve("authorization-server.log");
    LogFiles.rotate(log);
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

  /**
   * The local mail server notification-service sends to (GreenMail standalone), when
   * local-platform's build copied it: SMTP on SMTP_PORT, and a web page with a REST API on
   * MAIL_API_PORT where the demo's messages are read. Without it messages wait in
   * notification-service's queue.
   */
  private void launchMailServer() {
    if (!Preflight.isRunnableJar(settings.mailServerJar())) {
      System.out.println(
          "Mail server: local-platform/target/mail-server/greenmail-standalone.jar is not built;"
              + " notification-service keeps its messages queued");
      return;
    }
    System.out.println(
        "Starting the mail server (GreenMail) on SMTP port " + settings.smtpPort() + " ...");
    Path log = settings.logDir().resolve("mail-server.log");
    LogFiles.rotate(log);
    mailServer =
        JavaProcess.mainClass(
                "mail-server",
                settings.mailServerJar().toString(),
                settings.mailServerJavaOptions(),
                "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner",
                List.of(),
                Map.of(),
                log,
                new JavaProcess.Readiness.Http(
                    URI.create(settings.mailApiUrl() + "/api/service/readiness")))
            .inOwnSession();
    launch(mailServer);
    state.recordPort("smtp", settings.smtpPort());
    state.recordPort("mail", settings.mailApiPort());
  }

  private void awaitMailServer() {
    if (mailServer != null) {
      awaitReady(mailServer, settings.readyTimeout());
    }
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
    LogFiles.rotate(log);
    kafka =
        JavaProcess.kafkaBroker(
                Platform.classpath(),
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
      throw new Platform.PlatformFailure("PostgreSQL is not available: " + e.getMessage());
    }
    state.recordPostgres(postgres);
    System.out.printf(
        "PostgreSQL (%s) at %s, ready in %s s%n",
        postgres.kind() == PostgresServer.Kind.EMBEDDED ? "embedded" : "existing server",
        postgres.baseUrl(),
        seconds(t0));
  }

  private void startServices() {
    for (PlatformSettings.Service s : settings.services()) {
      if (!Preflight.isRunnableJar(s.jar(settings.root()))) {
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
      // The service's own Kafka principal (KafkaSecurity), and the one its dead-letter replay
      // sends as.
      env.put("KAFKA_USERNAME", s.name());
      env.put("KAFKA_PASSWORD", KafkaSecurity.password(s.name()));
      env.put("KAFKA_REPLAY_PASSWORD", KafkaSecurity.password(KafkaSecurity.REPLAY));
      // notification-service's SMTP server: the local mail server.
      env.put("SMTP_HOST", "127.0.0.1");
      env.put("SMTP_PORT", Integer.toString(settings.smtpPort()));
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
      LogFiles.rotate(log);
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
    Preflight.runnableServices(settings).forEach(s -> jars.add(s.jar(settings.root())));
    for (Path console : List.of(settings.consoleJar(), settings.programmeConsoleJar())) {
      if (Preflight.isRunnableJar(console)) {
        jars.add(console);
      }
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
    Map<String, String> env = serviceUrls();
    // The console reads the services' actuator with an OPERATOR token of its own client.
    env.put("AUTH_SERVER_URL", settings.authUrl());
    return launchWebApp(
        "Operations console",
        "ops-console",
        settings.consoleJar(),
        settings.consolePort(),
        "CONSOLE_PORT",
        settings.consoleJavaOptions(),
        env,
        "console");
  }

  /**
   * The programme console (module programme-console), where people sign in as the demo users: it
   * relays their tokens to the services, so it needs the authorization server, not the services, to
   * start.
   */
  private JavaProcess launchProgrammeConsole() {
    Map<String, String> env = serviceUrls();
    env.put("AUTH_SERVER_URL", settings.authUrl());
    env.put("PROGRAMME_CONSOLE_PORT", String.valueOf(settings.programmeConsolePort()));
    // Plain http on this machine: a Secure cookie would never come back.
    env.put("PROGRAMME_CONSOLE_SECURE_COOKIE", "false");
    return launchWebApp(
        "Programme console",
        "programme-console",
        settings.programmeConsoleJar(),
        settings.programmeConsolePort(),
        "PROGRAMME_CONSOLE_PORT",
        settings.consoleJavaOptions(),
        env,
        "programme-console");
  }

  private Map<String, String> serviceUrls() {
    Map<String, String> env = new LinkedHashMap<>();
    for (PlatformSettings.Service s : settings.services()) {
      env.put(s.shortName().toUpperCase(Locale.ROOT) + "_SERVICE_URL", s.url());
    }
    return env;
  }

  /** One of the optional web applications when it is built and its port is free, else null. */
  private JavaProcess launchWebApp(
      String title,
      String name,
      Path jar,
      int port,
      String portVariable,
      List<String> javaOptions,
      Map<String, String> env,
      String stateName) {
    if (!Preflight.isRunnableJar(jar)) {
      System.out.println(title + ": " + name + "/target/" + name + ".jar is not built");
      return null;
    }
    if (!FreePorts.isFree(port)) {
      System.out.println(title + ": port " + port + " is taken (" + portVariable + ")");
      return null;
    }
    System.out.println(
        "Starting the " + title.toLowerCase(Locale.ROOT) + " on port " + port + " ...");
    Path log = settings.logDir().resolve(name + ".log");
    LogFiles.rotate(log);
    JavaProcess process =
        JavaProcess.serviceJar(name, runnableJar(jar), port, javaOptions, env, log).inOwnSession();
    launch(process);
    optionalComponents.add(() -> process.stop(settings.stopTimeout()));
    state.recordPort(stateName, port);
    return process;
  }

  private void awaitConsole(JavaProcess console) {
    awaitWebApp(console, "Operations console", "http://127.0.0.1:" + settings.consolePort());
  }

  private void awaitWebApp(JavaProcess process, String title, String url) {
    if (process == null) {
      return;
    }
    long t0 = System.nanoTime();
    awaitReady(process, settings.readyTimeout());
    System.out.println(title + " ready at " + url + " (after " + seconds(t0) + " s more)");
  }

  private String loadDemoData() {
    if (!settings.demoData()) {
      return "skipped (DEMO_DATA=0)";
    }
    PlatformSettings.Service enrollment = settings.service("enrollment-service");
    if (!Preflight.isRunnableJar(enrollment.jar(settings.root()))) {
      return "skipped (no enrollment-service)";
    }
    PlatformSettings.Service notification = settings.service("notification-service");
    if (Preflight.isRunnableJar(notification.jar(settings.root()))) {
      // Before the enrolments: their decisions and invitations then reach the local mail server.
      System.out.println("Loading the demo's contacts through the notification-service API ...");
      if (runTool("demo-contacts", DemoContacts.class, notification.url()).exitCode() != 0) {
        System.err.println("platform: loading the demo contacts failed; no demo e-mails");
      }
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
    PlatformSettings.Service coaching = settings.service("coaching-service");
    if (Preflight.isRunnableJar(coaching.jar(settings.root()))) {
      System.out.println(
          "Scheduling the demo's learning event through the coaching-service API ...");
      if (runTool("demo-learning-events", DemoLearningEvents.class, coaching.url()).exitCode()
          != 0) {
        System.err.println(
            "platform: the demo learning event failed (see .run/logs/demo-learning-events.log)");
      }
    }
    PlatformSettings.Service evaluation = settings.service("evaluation-service");
    if (!Preflight.isRunnableJar(evaluation.jar(settings.root()))) {
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
    LogFiles.rotate(log);
    JavaProcess tool =
        JavaProcess.mainClass(
                name,
                Platform.classpath(),
                settings.loaderJavaOptions(),
                mainClass.getName(),
                List.of(url),
                // The loaders call the APIs with the platform client's token.
                Map.of("AUTH_SERVER_URL", settings.authUrl()),
                log,
                null)
            .start();
    int rc = tool.awaitExit(Duration.ofMinutes(10));
    String output = LogFiles.read(log);
    System.out.print(output);
    return new RunResult(rc, output);
  }

  private void awaitReady(JavaProcess process, Duration timeout) {
    try {
      process.awaitReady(timeout);
    } catch (IllegalStateException e) {
      LogFiles.printTail(process.log(), 40);
      throw new Platform.PlatformFailure(e.getMessage());
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
    if (mailServer != null && mailServer.isAlive()) {
      stopAndSay(mailServer);
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
}
