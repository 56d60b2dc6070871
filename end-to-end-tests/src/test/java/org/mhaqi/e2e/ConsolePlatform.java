package org.mhaqi.e2e;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mhaqi.local.ClientCredentials;
import org.mhaqi.local.FreePorts;
import org.mhaqi.local.JavaProcess;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.ServiceProcesses;
import org.mhaqi.testing.TestKafka;

/**
 * The platform the console's browser journeys walk: the authorization server, enrollment-,
 * coaching- and evaluation-service over Kafka and PostgreSQL, and the programme console, each from
 * its jar. A class extended with {@link PerClass} gets one started before its tests and stopped
 * after them: never longer, because its services consume the JVM's one test broker under the
 * services' own consumer groups, and left running they would take the partitions of the next
 * class's services. {@link #rx4(Api)} finds or creates RX4, the demo trust member's organisation.
 */
final class ConsolePlatform implements AutoCloseable {

  private static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));
  private static final Path LOGS = Path.of("target", "e2e-logs");

  private static ConsolePlatform current;

  private final String authUrl;
  private final String consoleUrl;
  private JavaProcess authServer;
  private ServiceProcesses services;
  private JavaProcess console;

  private ConsolePlatform() {
    int authPort = FreePorts.next();
    int consolePort = FreePorts.next();
    authUrl = "http://127.0.0.1:" + authPort;
    consoleUrl = "http://127.0.0.1:" + consolePort;
  }

  /**
   * The running class's platform, for a class extended with {@link PerClass}, whose callback has
   * started it before the class's own {@code @BeforeAll} methods run.
   */
  static synchronized ConsolePlatform current() {
    if (current == null) {
      throw new IllegalStateException(
          "the console platform starts in a class extended with ConsolePlatform.PerClass");
    }
    return current;
  }

  /**
   * Starts the class's platform before its {@code @BeforeAll} methods and keeps it in the class's
   * store, which JUnit closes (so stops the processes) when the class's tests have run. Not a
   * shutdown hook: the test Kafka broker stops in one, and services stopping without their broker
   * outlast surefire's 30 seconds for a fork to exit, leaving their processes behind.
   */
  static final class PerClass implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
      ConsolePlatform platform =
          context
              .getStore(ExtensionContext.Namespace.create(ConsolePlatform.class))
              .computeIfAbsent(ConsolePlatform.class, key -> startAlone(), ConsolePlatform.class);
      synchronized (ConsolePlatform.class) {
        current = platform;
      }
    }
  }

  /**
   * A platform of the caller's own, started now and stopped by {@link #close()}: for a test whose
   * measurements must not depend on which journeys ran before it in the same JVM (the console
   * benchmark).
   */
  static ConsolePlatform startAlone() {
    ConsolePlatform platform = new ConsolePlatform();
    try {
      platform.start();
    } catch (RuntimeException | Error failed) {
      platform.close();
      throw failed;
    }
    return platform;
  }

  private void start() {
    // The console's port is known before the authorization server starts: its redirect URI.
    authServer =
        fromJar(
                "authorization-server",
                Integer.parseInt(authUrl.substring(authUrl.lastIndexOf(':') + 1)),
                "-Xmx128m",
                Map.of(
                    "AUTH_ISSUER",
                    authUrl,
                    "PROGRAMME_CONSOLE_REDIRECT_URIS",
                    consoleUrl + "/login/oauth2/code/programme-console"))
            .start()
            .awaitReady();
    services =
        ServiceProcesses.start(
            TestKafka.bootstrapServers(),
            name -> Map.of("AUTH_SERVER_URL", authUrl),
            "enrollment-service",
            "coaching-service",
            "evaluation-service");
    console =
        fromJar(
                "programme-console",
                Integer.parseInt(consoleUrl.substring(consoleUrl.lastIndexOf(':') + 1)),
                "-Xmx192m",
                Map.of(
                    "AUTH_SERVER_URL",
                    authUrl,
                    "ENROLLMENT_SERVICE_URL",
                    serviceUrl("enrollment-service"),
                    "COACHING_SERVICE_URL",
                    serviceUrl("coaching-service"),
                    "EVALUATION_SERVICE_URL",
                    serviceUrl("evaluation-service"),
                    // Plain http here: a Secure cookie would never come back.
                    "PROGRAMME_CONSOLE_SECURE_COOKIE",
                    "false"))
            .start()
            .awaitReady();
  }

  @Override
  public void close() {
    stop();
  }

  private synchronized void stop() {
    if (console != null) {
      console.close();
    }
    if (services != null) {
      services.close();
    }
    if (authServer != null) {
      authServer.close();
    }
  }

  String consoleUrl() {
    return consoleUrl;
  }

  String authUrl() {
    return authUrl;
  }

  /** A client of the authorization server's demo clients, e.g. "demo-admin". */
  ClientCredentials client(String clientId) {
    return new ClientCredentials(authUrl, clientId, clientId + "-secret");
  }

  /** The port the service, e.g. "enrollment-service", listens on. */
  int port(String service) {
    return services.get(service).port();
  }

  /** The service's API, e.g. of "enrollment-service", with the bearer token given. */
  Api api(String service, String bearerToken) {
    return new Api(services.get(service).port()).as(bearerToken);
  }

  /**
   * RX4, the trust the demo's trust member belongs to; returns the organisation's id. Found by its
   * ODS code when it is there already, created otherwise.
   */
  static String rx4(Api enrollments) {
    var found = enrollments.get("/api/organisations?odsCode=RX4").expect(200).body();
    var content = found.path("content");
    if (content.size() > 0) {
      return content.get(0).path("id").asString();
    }
    return EnrollmentSteps.cumbriaNorthumberlandTyneAndWear(enrollments);
  }

  private String serviceUrl(String name) {
    return "http://127.0.0.1:" + services.get(name).port();
  }

  private static JavaProcess fromJar(
      String module, int port, String heap, Map<String, String> environment) {
    return JavaProcess.serviceJar(
        module,
        ROOT.resolve(module).resolve("target").resolve(module + ".jar"),
        port,
        List.of(heap, "-XX:TieredStopAtLevel=1"),
        environment,
        LOGS.resolve(module + ".log"));
  }
}
