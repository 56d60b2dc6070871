package org.mhaqi.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Prometheus server (Debian's {@code prometheus} package, or {@code PROMETHEUS_BIN}) as a
 * child process, scraping the services at the ports they run on and evaluating the platform's alert
 * rules: writes {@code prometheus.yml}, starts the server, waits until it is ready, stops it.
 *
 * <p>As a program, for the run command: {@code PrometheusServer <dir> --port N --rules <dir or
 * file> --target <job>=<host:port> ...} (optional {@code --scrape-interval 15s}, {@code
 * --evaluation-interval 15s}) prints {@value #READY_MARKER} once ready and runs until SIGTERM. When
 * no Prometheus is installed it says how to install it and exits with {@value #NOT_INSTALLED}.
 */
public final class PrometheusServer implements AutoCloseable {

  static final String READY_MARKER = "PROMETHEUS_READY";
  static final int NOT_INSTALLED = 3;

  /** A service to scrape: Prometheus' job name (the service's name) and where it listens. */
  public record Target(String job, String hostPort) {}

  /**
   * The client Prometheus scrapes with: it fetches a client-credentials token at the token URL and
   * sends it as a bearer token (the services' /actuator/prometheus wants an OPERATOR token).
   */
  public record OAuth2(String clientId, String clientSecret, String tokenUrl) {}

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();

  private PrometheusServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The {@code prometheus} binary: {@code PROMETHEUS_BIN}, else the first on the PATH. */
  public static Optional<Path> findBinary() {
    String configured = System.getenv("PROMETHEUS_BIN");
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured);
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(File.pathSeparator))
        .filter(dir -> !dir.isBlank())
        .map(dir -> Path.of(dir, "prometheus"))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** What to tell someone who has no Prometheus. */
  public static String installHint() {
    return "Prometheus is not installed: sudo apt-get install prometheus (Debian, Ubuntu), or set"
        + " PROMETHEUS_BIN to a prometheus binary (https://prometheus.io/download/)";
  }

  /**
   * The configuration: one job per target ({@code metrics_path /actuator/prometheus}), the rule
   * files, and the given intervals.
   */
  public static String config(
      List<Target> targets, List<Path> ruleFiles, Duration scrapeInterval, Duration evaluation) {
    return config(targets, ruleFiles, scrapeInterval, evaluation, null);
  }

  /** The same, every job scraping with a token of this client (null: without a token). */
  public static String config(
      List<Target> targets,
      List<Path> ruleFiles,
      Duration scrapeInterval,
      Duration evaluation,
      OAuth2 oauth2) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Written by org.mhaqi.local.PrometheusServer\n")
        .append("global:\n")
        .append("  scrape_interval: ")
        .append(seconds(scrapeInterval))
        .append("\n  scrape_timeout: ")
        .append(
            seconds(
                scrapeInterval.compareTo(Duration.ofSeconds(10)) < 0
                    ? scrapeInterval
                    : Duration.ofSeconds(10)))
        .append("\n  evaluation_interval: ")
        .append(seconds(evaluation))
        .append("\n");
    yaml.append("rule_files:\n");
    for (Path rules : ruleFiles) {
      yaml.append("  - '").append(rules.toAbsolutePath()).append("'\n");
    }
    yaml.append("scrape_configs:\n");
    for (Target target : targets) {
      yaml.append("  - job_name: '")
          .append(target.job())
          .append("'\n    metrics_path: /actuator/prometheus\n    static_configs:\n")
          .append("      - targets: ['")
          .append(target.hostPort())
          .append("']\n");
      if (oauth2 != null) {
        yaml.append("    oauth2:\n      client_id: ")
            .append(quoted(oauth2.clientId()))
            .append("\n      client_secret: ")
            .append(quoted(oauth2.clientSecret()))
            .append("\n      token_url: ")
            .append(quoted(oauth2.tokenUrl()))
            .append("\n");
      }
    }
    return yaml.toString();
  }

  /**
   * Writes the configuration into {@code dir} and starts the server on 127.0.0.1:{@code port}, its
   * data in {@code dir/data} and its output in {@code dir/prometheus.log}; call {@link
   * #awaitReady(Duration)} next.
   */
  public static PrometheusServer start(
      Path binary,
      Path dir,
      int port,
      List<Target> targets,
      List<Path> ruleFiles,
      Duration scrapeInterval,
      Duration evaluationInterval) {
    return start(binary, dir, port, targets, ruleFiles, scrapeInterval, evaluationInterval, null);
  }

  /** The same, scraping with a token of this client (null: without a token). */
  public static PrometheusServer start(
      Path binary,
      Path dir,
      int port,
      List<Target> targets,
      List<Path> ruleFiles,
      Duration scrapeInterval,
      Duration evaluationInterval,
      OAuth2 oauth2) {
    try {
      Files.createDirectories(dir);
      Path configFile = dir.resolve("prometheus.yml");
      Files.writeString(
          configFile, config(targets, ruleFiles, scrapeInterval, evaluationInterval, oauth2));
      Path log = dir.resolve("prometheus.log");
      List<String> command =
          List.of(
              binary.toString(),
              "--config.file=" + configFile.toAbsolutePath(),
              "--storage.tsdb.path=" + dir.resolve("data").toAbsolutePath(),
              "--web.listen-address=127.0.0.1:" + port,
              // Local use only: a day of samples is plenty.
              "--storage.tsdb.retention.time=1d");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      return new PrometheusServer(process, port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rule files of a directory ({@code *.yml}, sorted), or the file itself. */
  public static List<Path> ruleFiles(Path rules) {
    if (!Files.isDirectory(rules)) {
      return List.of(rules);
    }
    try (Stream<Path> files = Files.list(rules)) {
      return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until {@code /-/ready} answers 200, or fails naming the log. */
  public PrometheusServer awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
            .timeout(Duration.ofSeconds(2))
            .build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Prometheus exited while starting; see " + log);
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException("Prometheus was not ready within " + timeout + "; see " + log);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  public static void main(String[] args) {
    Path dir = null;
    Path rules = null;
    int port = 9090;
    Duration scrape = Duration.ofSeconds(15);
    Duration evaluation = Duration.ofSeconds(15);
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--rules" -> rules = Path.of(args[++i]);
        case "--scrape-interval" -> scrape = Duration.parse("PT" + args[++i]);
        case "--evaluation-interval" -> evaluation = Duration.parse("PT" + args[++i]);
        case "--target" -> {
          String[] jobAndAddress = args[++i].split("=", 2);
          if (jobAndAddress.length != 2) {
            usage("--target takes job=host:port, not " + args[i]);
          }
          targets.add(new Target(jobAndAddress[0], jobAndAddress[1]));
        }
        default -> {
          if (args[i].startsWith("--") || dir != null) {
            usage("unexpected argument " + args[i]);
          }
          dir = Path.of(args[i]);
        }
      }
    }
    if (dir == null || targets.isEmpty()) {
      usage("the directory and at least one --target are needed");
    }
    Optional<Path> binary = findBinary();
    if (binary.isEmpty()) {
      System.err.println(installHint());
      System.exit(NOT_INSTALLED);
    }
    PrometheusServer server =
        start(
            binary.get(),
            dir,
            port,
            targets,
            rules == null ? List.of() : ruleFiles(rules),
            scrape,
            evaluation);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "prometheus-stop"));
    server.awaitReady(Duration.ofSeconds(60));
    System.out.println(READY_MARKER + " " + server.url());
    try {
      int exit = server.process.waitFor();
      System.exit(exit);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A YAML single-quoted scalar. */
  private static String quoted(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println(
        "usage: PrometheusServer <dir> --target <job>=<host:port> ... [--port 9090]"
            + " [--rules <dir or file>] [--scrape-interval 15s] [--evaluation-interval 15s]");
    System.exit(2);
  }
}
