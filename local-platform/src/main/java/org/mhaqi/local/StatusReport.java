package org.mhaqi.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * What {@code ./platform status} (and {@code up} once ready) prints: per component its URLs,
 * readiness, database, process and how often the supervisor restarted it, from what {@code .run/}
 * records and what answers.
 */
final class StatusReport {

  private StatusReport() {}

  /** The URL table; with readiness, true only if the platform runs and every service is ready. */
  static boolean print(PlatformSettings settings, PlatformState state, boolean withReadiness) {
    Properties recorded = state.read();
    boolean supervisorAlive = state.supervisor().isPresent();
    boolean allReady = supervisorAlive;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    System.out.printf("%n%-20s %-12s %s%n", "COMPONENT", "WHAT", "WHERE");
    // First: where people start.
    String programmePort = recorded.getProperty("programme-console.port");
    if (programmePort != null && FreePorts.isListening(Integer.parseInt(programmePort))) {
      row("Programme console", "open", "http://127.0.0.1:" + programmePort);
      row("", "sign in as", "admin/admin, trust/trust, coach/coach, analyst/analyst");
      restartsRow(recorded, "programme-console");
    }
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
    } else if (Preflight.isRunnableJar(settings.authJar())) {
      row("Authorization", "-", "not running");
      allReady = false;
    }
    for (PlatformSettings.Service s : settings.services()) {
      int port = Integer.parseInt(recorded.getProperty("service." + s.name() + ".port", "0"));
      if (port == 0) {
        row(
            s.name(),
            "-",
            Preflight.isRunnableJar(s.jar(settings.root())) ? "not running" : "not built");
        allReady &= !Preflight.isRunnableJar(s.jar(settings.root()));
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
    String mailPort = recorded.getProperty("mail.port");
    if (mailPort != null && FreePorts.isListening(Integer.parseInt(mailPort))) {
      String base = "http://127.0.0.1:" + mailPort;
      row("Mail server", "SMTP", "127.0.0.1:" + recorded.getProperty("smtp.port", "?"));
      row("(GreenMail)", "web, API", base + " (its REST API described there)");
      row("", "read mail", base + "/api/user/<address>/messages/INBOX");
      restartsRow(recorded, "mail-server");
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

  static void row(String component, String what, String where) {
    System.out.printf("%-20s %-12s %s%n", component, what, where);
  }
}
