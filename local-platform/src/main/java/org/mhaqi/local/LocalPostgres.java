package org.mhaqi.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * Makes sure a PostgreSQL server with the given databases is there.
 *
 * <p>Usage: {@code LocalPostgres [--data-dir DIR] database...}. If a server answers at {@code
 * POSTGRES_HOST}:{@code POSTGRES_PORT} (127.0.0.1:5432) as {@code POSTGRES_USER} (postgres) with
 * {@code POSTGRES_PASSWORD} (empty), the missing databases are created there and the program exits
 * 0. Otherwise an embedded PostgreSQL (zonky) starts on {@code POSTGRES_PORT}, or a free port if
 * that one is taken, keeps its data in the data directory ({@code .run/postgres}) and runs until
 * SIGTERM.
 *
 * <p>Lines for scripts on stdout: {@code POSTGRES_MODE=external|embedded}, {@code
 * POSTGRES_URL=jdbc:postgresql://HOST:PORT}, {@code POSTGRES_USER=...}, then {@code
 * LOCAL_POSTGRES_READY}.
 */
public final class LocalPostgres {

  static final String READY_MARKER = "LOCAL_POSTGRES_READY";
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private LocalPostgres() {}

  public static void main(String[] args) throws Exception {
    Path dataDir = Path.of(".run", "postgres");
    List<String> databases = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--data-dir")) {
        dataDir = Path.of(args[++i]);
      } else if (DATABASE_NAME.matcher(args[i]).matches()) {
        databases.add(args[i]);
      } else {
        System.err.println("LocalPostgres: not a plain database name: " + args[i]);
        System.err.println("usage: LocalPostgres [--data-dir DIR] database...");
        System.exit(64);
      }
    }

    String host = env("POSTGRES_HOST", "127.0.0.1");
    int port = Integer.parseInt(env("POSTGRES_PORT", "5432"));
    String user = env("POSTGRES_USER", "postgres");
    String password = env("POSTGRES_PASSWORD", "");

    // A server left running from our data directory (its JVM was killed) would otherwise pass
    // for an external one that nothing stops: shut it down and start it again properly.
    Path pgData = dataDir.toAbsolutePath().resolve("data");
    stopOrphanedServer(pgData);

    String baseUrl = "jdbc:postgresql://" + host + ":" + port;
    Optional<SQLException> refused = tryExisting(baseUrl, user, password, databases);
    if (refused.isEmpty()) {
      announce("external", baseUrl, user);
      return;
    }
    SQLException failure = refused.get();
    if (isAuthenticationFailure(failure)) {
      System.err.printf(
          "LocalPostgres: a PostgreSQL server at %s:%d refused user %s: %s%n"
              + "Set POSTGRES_USER / POSTGRES_PASSWORD for it, or POSTGRES_PORT to a free port to"
              + " run an embedded server instead.%n",
          host, port, user, failure.getMessage());
      System.exit(3);
    }
    runEmbedded(dataDir, port, databases);
  }

  private static Optional<SQLException> tryExisting(
      String baseUrl, String user, String password, List<String> databases) {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "3");
    props.setProperty("loginTimeout", "5");
    try (Connection c = DriverManager.getConnection(baseUrl + "/postgres", props)) {
      createDatabases(c, databases);
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(e);
    }
  }

  private static boolean isAuthenticationFailure(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("28") || state.equals("3D000"));
  }

  private static void runEmbedded(Path dataDir, int preferredPort, List<String> databases)
      throws Exception {
    Path pgData = dataDir.toAbsolutePath().resolve("data");
    Files.createDirectories(pgData);

    int port = preferredPort;
    if (!isFree(port)) {
      port = freePort();
      System.err.printf(
          "LocalPostgres: port %d is taken by something that is not a usable PostgreSQL;"
              + " the embedded server uses port %d (set POSTGRES_PORT to choose one)%n",
          preferredPort, port);
    }

    long started = System.nanoTime();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(pgData)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setPGStartupWait(Duration.ofSeconds(60))
            .setRegisterShutdownHook(false)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("max_connections", "100")
            .start();

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    postgres.close();
                    System.out.println("LocalPostgres: embedded PostgreSQL stopped");
                  } catch (IOException e) {
                    System.err.println("LocalPostgres: stopping failed: " + e.getMessage());
                  } finally {
                    stopped.countDown();
                  }
                },
                "local-postgres-stop"));

    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      createDatabases(c, databases);
    }
    System.out.printf(
        "LocalPostgres: embedded PostgreSQL ready on port %d in %.1fs (data in %s)%n",
        port, (System.nanoTime() - started) / 1e9, pgData);
    announce("embedded", "jdbc:postgresql://127.0.0.1:" + port, "postgres");
    stopped.await();
  }

  /** Stops (fast shutdown, SIGINT) a postmaster still running from this data directory. */
  private static void stopOrphanedServer(Path pgData) throws IOException, InterruptedException {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty()) {
      return;
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return;
    }
    Optional<ProcessHandle> orphan =
        ProcessHandle.of(pid)
            .filter(p -> p.info().command().map(cmd -> cmd.endsWith("postgres")).orElse(false));
    if (orphan.isEmpty()) {
      return;
    }
    System.err.println("LocalPostgres: stopping an orphaned embedded PostgreSQL (pid " + pid + ")");
    new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start().waitFor();
    for (int i = 0; i < 300 && orphan.get().isAlive(); i++) {
      Thread.sleep(100);
    }
    if (orphan.get().isAlive()) {
      orphan.get().destroyForcibly();
    }
  }

  static void createDatabases(Connection c, List<String> databases) throws SQLException {
    for (String name : databases) {
      boolean exists;
      try (PreparedStatement ps =
          c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
          exists = rs.next();
        }
      }
      if (!exists) {
        try (Statement s = c.createStatement()) {
          // The name is checked against DATABASE_NAME, so it is safe to inline.
          s.execute("CREATE DATABASE " + name);
        }
        System.out.println("LocalPostgres: created database " + name);
      }
    }
  }

  private static void announce(String mode, String url, String user) {
    System.out.println("POSTGRES_MODE=" + mode);
    System.out.println("POSTGRES_URL=" + url);
    System.out.println("POSTGRES_USER=" + user);
    System.out.println(READY_MARKER);
    System.out.flush();
  }

  private static boolean isFree(int port) {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return false;
    } catch (IOException nobodyListens) {
      // fall through to a bind test
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}
