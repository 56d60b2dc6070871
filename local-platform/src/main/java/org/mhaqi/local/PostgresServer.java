package org.mhaqi.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the platform and the tests use, found or started in this order: a server
 * named by configuration; one answering at 127.0.0.1:5432; for tests, a Testcontainers container
 * where Docker runs; an embedded PostgreSQL (zonky), which keeps its data in a directory for the
 * platform and in a temporary one for tests. Databases are created and dropped here too.
 */
public final class PostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** How the server came to be, and so whether {@link #close()} stops it. */
  public enum Kind {
    EXISTING,
    CONTAINER,
    EMBEDDED
  }

  /** Connection settings of one database. */
  public record Database(String name, String url, String username, String password) {}

  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final Kind kind;
  private final AutoCloseable owned;

  private PostgresServer(
      String host, int port, String username, String password, Kind kind, AutoCloseable owned) {
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
    this.kind = kind;
    this.owned = owned;
  }

  /** A server that runs already (nothing is checked). */
  public static PostgresServer existing(String host, int port, String username, String password) {
    return new PostgresServer(host, port, username, password, Kind.EXISTING, null);
  }

  /**
   * For the run command: the server at host:port if it answers (a refused login is an error that
   * names the settings to change), otherwise an embedded one on that port, or on a free port if
   * something else holds it, with its data in {@code dataDir} so that it survives restarts.
   */
  public static PostgresServer forPlatform(
      String host, int port, String username, String password, Path dataDir) {
    Path pgData = dataDir.toAbsolutePath().resolve("data");
    // A server left running from our data directory (its JVM was killed) would otherwise pass for
    // an existing one that nothing stops: shut it down and start it again properly.
    stopOrphanedServer(pgData);
    PostgresServer candidate = existing(host, port, username, password);
    Optional<SQLException> refused = candidate.probe();
    if (refused.isEmpty()) {
      return candidate;
    }
    if (isLoginRefused(refused.get())) {
      throw new IllegalStateException(
          "a PostgreSQL server at %s:%d refused user %s (%s). Set POSTGRES_USER /"
                  .formatted(host, port, username, refused.get().getMessage())
              + " POSTGRES_PASSWORD for it, or POSTGRES_PORT to a free port to run an embedded"
              + " server instead.");
    }
    int embeddedPort = port;
    if (!FreePorts.isFree(port)) {
      embeddedPort = FreePorts.next();
      log.warn(
          "Port {} is taken by something that is not a usable PostgreSQL; the embedded server"
              + " uses port {} (set POSTGRES_PORT to choose one)",
          port,
          embeddedPort);
    }
    return embedded(pgData, embeddedPort);
  }

  /**
   * For tests: the server named by {@code TEST_POSTGRES_URL} (with {@code TEST_POSTGRES_USER},
   * {@code TEST_POSTGRES_PASSWORD}); one answering at 127.0.0.1:5432; a Testcontainers container
   * where Docker runs; an embedded server in a temporary directory.
   */
  public static PostgresServer forTests() {
    String url = System.getenv("TEST_POSTGRES_URL");
    if (url != null && !url.isBlank()) {
      // jdbc:postgresql://host:port/anything
      String hostPort = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
      int colon = hostPort.lastIndexOf(':');
      return existing(
          colon < 0 ? hostPort : hostPort.substring(0, colon),
          colon < 0 ? 5432 : Integer.parseInt(hostPort.substring(colon + 1)),
          env("TEST_POSTGRES_USER", "postgres"),
          env("TEST_POSTGRES_PASSWORD", ""));
    }
    PostgresServer local = existing("127.0.0.1", 5432, "postgres", "");
    Optional<SQLException> refused = local.probe();
    if (refused.isEmpty()) {
      return local;
    }
    log.info("No PostgreSQL at 127.0.0.1:5432 ({}); looking further", refused.get().getMessage());
    if (Containers.dockerAvailable()) {
      return Containers.start();
    }
    return embedded(null, 0);
  }

  /** An embedded server: data in {@code pgData} (kept) or a temporary directory if null. */
  public static PostgresServer embedded(Path pgData, int port) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("max_connections", "200");
      if (pgData != null) {
        Files.createDirectories(pgData);
        builder.setDataDirectory(pgData).setCleanDataDirectory(false);
      }
      if (port > 0) {
        builder.setPort(port);
      }
      builder.setRegisterShutdownHook(pgData == null);
      EmbeddedPostgres postgres = builder.start();
      return new PostgresServer(
          "127.0.0.1", postgres.getPort(), "postgres", "postgres", Kind.EMBEDDED, postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
    }
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public Kind kind() {
    return kind;
  }

  /** {@code jdbc:postgresql://host:port} */
  public String baseUrl() {
    return "jdbc:postgresql://" + host + ":" + port;
  }

  /** The settings of a database on this server (it is not created). */
  public Database database(String name) {
    requirePlainName(name);
    return new Database(name, baseUrl() + "/" + name, username, password);
  }

  /** Creates the database unless it exists. */
  public Database createDatabase(String name) {
    requirePlainName(name);
    try (Connection c = connect("postgres")) {
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
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name + " at " + baseUrl(), e);
    }
    return database(name);
  }

  /** Drops the database if it exists, ending its sessions. */
  public void dropDatabase(String name) {
    requirePlainName(name);
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot drop database " + name + " at " + baseUrl(), e);
    }
  }

  /** The databases among these that exist. */
  public List<String> existing(List<String> names) {
    try (Connection c = connect("postgres");
        PreparedStatement ps =
            c.prepareStatement("SELECT datname FROM pg_database WHERE datname = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("text", names.toArray()));
      List<String> found = new java.util.ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot list databases at " + baseUrl(), e);
    }
  }

  public Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", username);
    props.setProperty("password", password);
    props.setProperty("connectTimeout", "3");
    props.setProperty("loginTimeout", "5");
    return DriverManager.getConnection(baseUrl() + "/" + database, props);
  }

  /** Stops the server if it was started here (an existing one is left alone). */
  @Override
  public void close() {
    if (owned == null) {
      return;
    }
    try {
      owned.close();
    } catch (Exception e) {
      log.warn("PostgreSQL at {} did not stop cleanly", baseUrl(), e);
    }
  }

  private Optional<SQLException> probe() {
    try (Connection ignored = connect("postgres")) {
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of(e);
    }
  }

  private static boolean isLoginRefused(SQLException e) {
    String state = e.getSQLState();
    return state != null && (state.startsWith("28") || state.equals("3D000"));
  }

  private static void requirePlainName(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "not a plain database name (lower case letters, digits, _): " + name);
    }
  }

  /** Stops (fast shutdown, SIGINT) a postmaster still running from this data directory. */
  static void stopOrphanedServer(Path pgData) {
    Path pidFile = pgData.resolve("postmaster.pid");
    try {
      if (!Files.exists(pidFile)) {
        return;
      }
      List<String> lines = Files.readAllLines(pidFile);
      Optional<ProcessHandle> orphan =
          lines.isEmpty()
              ? Optional.empty()
              : ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                  .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
      if (orphan.isEmpty()) {
        return;
      }
      log.warn("Stopping an orphaned embedded PostgreSQL (pid {})", orphan.get().pid());
      new ProcessBuilder("kill", "-INT", Long.toString(orphan.get().pid()))
          .inheritIO()
          .start()
          .waitFor();
      orphan.get().onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (NumberFormatException | IOException e) {
      log.warn("Cannot read {}: {}", pidFile, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.warn("The orphaned PostgreSQL did not stop: {}", e.toString());
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  /** Testcontainers is optional: only tests have it on their classpath. */
  private static final class Containers {

    static boolean dockerAvailable() {
      try {
        Class.forName("org.testcontainers.DockerClientFactory");
        return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
      } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
        return false;
      }
    }

    static PostgresServer start() {
      var container =
          new org.testcontainers.postgresql.PostgreSQLContainer("postgres:15.10-alpine");
      container.start();
      return new PostgresServer(
          container.getHost(),
          container.getMappedPort(5432),
          container.getUsername(),
          container.getPassword(),
          Kind.CONTAINER,
          container::stop);
    }
  }
}
