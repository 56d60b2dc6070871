package org.mhaqi.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./platform} runs and where, from the environment: ports, database names (so that two
 * checkouts can share one PostgreSQL server), heaps, timeouts. Everything it writes is under {@code
 * .run/} of the checkout.
 */
public record PlatformSettings(
    Path root,
    int kafkaPort,
    int kafkaControllerPort,
    String kafkaHeap,
    List<String> kafkaJavaOptions,
    String serviceHeap,
    List<String> serviceJavaOptions,
    String postgresHost,
    int postgresPort,
    String postgresUser,
    String postgresPassword,
    List<Service> services,
    boolean demoData,
    Duration readyTimeout,
    Duration stopTimeout,
    int prometheusPort,
    int consolePort,
    int authPort,
    int programmeConsolePort,
    int smtpPort,
    int mailApiPort) {

  /** One service the platform runs: its module, HTTP port and database. */
  public record Service(String name, String portVariable, int port, String database) {

    /** "enrollment" for "enrollment-service": the name of its log and of its default database. */
    public String shortName() {
      return name.replace("-service", "");
    }

    public Path jar(Path root) {
      return root.resolve(name).resolve("target").resolve(name + ".jar");
    }

    public String url() {
      return "http://127.0.0.1:" + port;
    }
  }

  /**
   * The services' JVM options unless SERVICE_JAVA_OPTS replaces them. The serial collector: on two
   * cores G1's concurrent threads compete with the requests, and its remembered sets cost native
   * memory; young collections of these heaps take milliseconds. A small initial heap: by default it
   * is 1/64 of the machine's memory (384 MB here, all of SERVICE_HEAP), which the JVM then fills
   * before it collects. The full JIT stays: benchmark 4 measures their latency.
   */
  static final String DEFAULT_SERVICE_JAVA_OPTIONS = "-XX:+UseSerialGC -Xms64m";

  /**
   * The JVMs whose peak speed does not matter (the authorization server, the operations console,
   * the demo loaders): the serial collector, a heap that starts small, and only the C1 compiler,
   * which halves their start-up CPU on two cores and leaves out C2's code and compiler memory.
   */
  static final List<String> SMALL_JVM_OPTIONS =
      List.of("-XX:+UseSerialGC", "-Xms16m", "-XX:TieredStopAtLevel=1");

  public static PlatformSettings fromEnvironment(Path root) {
    return from(root, System.getenv());
  }

  static PlatformSettings from(Path root, Map<String, String> env) {
    String prefix = get(env, "DATABASE_PREFIX", "");
    List<Service> services = new ArrayList<>();
    for (String[] s :
        new String[][] {
          {"enrollment-service", "ENROLLMENT", "8081"},
          {"coaching-service", "COACHING", "8082"},
          {"evaluation-service", "EVALUATION", "8083"},
          {"notification-service", "NOTIFICATION", "8084"}
        }) {
      String shortName = s[0].replace("-service", "");
      services.add(
          new Service(
              s[0],
              s[1] + "_PORT",
              Integer.parseInt(get(env, s[1] + "_PORT", s[2])),
              get(env, s[1] + "_DATABASE", prefix + shortName)));
    }
    return new PlatformSettings(
        root.toAbsolutePath().normalize(),
        Integer.parseInt(get(env, "KAFKA_PORT", "9092")),
        Integer.parseInt(get(env, "KAFKA_CONTROLLER_PORT", "9093")),
        get(env, "KAFKA_HEAP", "512m"),
        words(get(env, "KAFKA_JAVA_OPTS", "")),
        get(env, "SERVICE_HEAP", "384m"),
        words(get(env, "SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTIONS)),
        get(env, "POSTGRES_HOST", "127.0.0.1"),
        Integer.parseInt(get(env, "POSTGRES_PORT", "5432")),
        get(env, "POSTGRES_USER", "postgres"),
        get(env, "POSTGRES_PASSWORD", ""),
        List.copyOf(services),
        !get(env, "DEMO_DATA", "1").equals("0"),
        Duration.ofSeconds(Long.parseLong(get(env, "READY_TIMEOUT", "180"))),
        Duration.ofSeconds(Long.parseLong(get(env, "STOP_TIMEOUT", "20"))),
        Integer.parseInt(get(env, "PROMETHEUS_PORT", "9090")),
        Integer.parseInt(get(env, "CONSOLE_PORT", "8090")),
        Integer.parseInt(get(env, "AUTH_PORT", "9000")),
        Integer.parseInt(get(env, "PROGRAMME_CONSOLE_PORT", "8080")),
        Integer.parseInt(get(env, "SMTP_PORT", "3025")),
        Integer.parseInt(get(env, "MAIL_API_PORT", "8025")));
  }

  public Service service(String name) {
    return services.stream()
        .filter(s -> s.name().equals(name) || s.shortName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no service " + name));
  }

  /** The PostgreSQL server of these settings, found or started as {@code ./platform} does. */
  public PostgresServer findOrStartPostgres() {
    return PostgresServer.forPlatform(
        postgresHost, postgresPort, postgresUser, postgresPassword, postgresDir());
  }

  /** The operations console's runnable jar (module ops-console). */
  public Path consoleJar() {
    return root.resolve("ops-console").resolve("target").resolve("ops-console.jar");
  }

  /** The programme console's runnable jar (module programme-console). */
  public Path programmeConsoleJar() {
    return root.resolve("programme-console").resolve("target").resolve("programme-console.jar");
  }

  /** Where people open the programme console. */
  public String programmeConsoleUrl() {
    return "http://127.0.0.1:" + programmeConsolePort;
  }

  /** GreenMail standalone's runnable jar, copied there by local-platform's build. */
  public Path mailServerJar() {
    return root.resolve("local-platform")
        .resolve("target")
        .resolve("mail-server")
        .resolve("greenmail-standalone.jar");
  }

  /** The local mail server's web page and REST API, where the demo's messages are read. */
  public String mailApiUrl() {
    return "http://127.0.0.1:" + mailApiPort;
  }

  /** The authorization server's runnable jar (module authorization-server). */
  public Path authJar() {
    return root.resolve("authorization-server")
        .resolve("target")
        .resolve("authorization-server.jar");
  }

  /** The authorization server's URL, which is also the issuer of its tokens. */
  public String authUrl() {
    return "http://127.0.0.1:" + authPort;
  }

  /** The key the authorization server signs with, kept so that tokens outlive its restart. */
  public Path authSigningKey() {
    return runDir().resolve("auth").resolve("signing-key.pem");
  }

  /** The alert rules Prometheus loads. */
  public Path alertRules() {
    return root.resolve("ops").resolve("prometheus").resolve("rules");
  }

  public List<String> databases() {
    return services.stream().map(Service::database).toList();
  }

  public Path runDir() {
    return root.resolve(".run");
  }

  public Path logDir() {
    return runDir().resolve("logs");
  }

  public Path pidDir() {
    return runDir().resolve("pids");
  }

  public Path stateFile() {
    return runDir().resolve("state").resolve("platform.properties");
  }

  /** Where the running supervisor takes commands ({@code restart}, {@code up -d}): a socket. */
  public Path controlSocket() {
    return runDir().resolve("state").resolve("supervisor.sock");
  }

  public Path kafkaDir() {
    return runDir().resolve("kafka");
  }

  public Path postgresDir() {
    return runDir().resolve("postgres");
  }

  /** Logging for the broker and the demo loaders, kept off the classpath for the tests' sake. */
  public Path loggingConfig() {
    return root.resolve("local-platform/src/main/config/logback.xml");
  }

  public List<String> toolJvmOptions() {
    return Files.exists(loggingConfig())
        ? List.of("-Dlogback.configurationFile=" + loggingConfig())
        : List.of();
  }

  /** The authorization server's: it signs a token now and then, in a small heap. */
  public List<String> authJavaOptions() {
    List<String> options = new ArrayList<>(List.of("-Xmx128m"));
    options.addAll(SMALL_JVM_OPTIONS);
    return options;
  }

  /** The operations console's: it polls the three services' actuators every few seconds. */
  public List<String> consoleJavaOptions() {
    List<String> options = new ArrayList<>(List.of("-Xmx192m"));
    options.addAll(SMALL_JVM_OPTIONS);
    return options;
  }

  /**
   * The local mail server's: a handful of messages in memory, SMTP and its web API on 127.0.0.1, no
   * authentication (any address is a mailbox, created when mail arrives for it).
   */
  public List<String> mailServerJavaOptions() {
    List<String> options = new ArrayList<>(List.of("-Xmx96m"));
    options.addAll(SMALL_JVM_OPTIONS);
    options.addAll(
        List.of(
            "-Dgreenmail.smtp.hostname=127.0.0.1",
            "-Dgreenmail.smtp.port=" + smtpPort,
            "-Dgreenmail.api.hostname=127.0.0.1",
            "-Dgreenmail.api.port=" + mailApiPort,
            "-Dgreenmail.auth.disabled"));
    return options;
  }

  /** The demo loaders': one-shot HTTP clients. */
  public List<String> loaderJavaOptions() {
    List<String> options = new ArrayList<>(toolJvmOptions());
    options.add("-Xmx128m");
    options.addAll(SMALL_JVM_OPTIONS);
    return options;
  }

  static int envInt(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  private static String get(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  private static List<String> words(String value) {
    return value.isBlank() ? List.of() : Arrays.asList(value.trim().split("\\s+"));
  }
}
