package org.mhaqi.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server tests run against, found in this order: the server named by {@code
 * TEST_POSTGRES_URL} (with {@code TEST_POSTGRES_USER}, {@code TEST_POSTGRES_PASSWORD}); one
 * answering at 127.0.0.1:5432; a Testcontainers container where Docker runs; an embedded
 * PostgreSQL. Each test JVM gets fresh databases with random names, dropped at exit, so parallel
 * runs on one machine never meet.
 */
public final class TestPostgres {

  private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

  private static Server server;

  /** Connection settings of one database. */
  public record Database(String url, String username, String password) {}

  private record Server(String baseUrl, String username, String password) {
    Connection connect(String database) throws SQLException {
      return DriverManager.getConnection(baseUrl + database, username, password);
    }
  }

  private TestPostgres() {}

  /** Creates a fresh database whose name starts with the prefix. */
  public static synchronized Database createDatabase(String prefix) {
    Server s = server();
    String name =
        (prefix.replaceAll("[^A-Za-z0-9]", "_")
                + "_test_"
                + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT);
    try (Connection admin = s.connect("postgres")) {
      admin.createStatement().execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try (Connection admin = s.connect("postgres")) {
                    admin
                        .createStatement()
                        .execute("drop database if exists " + name + " with (force)");
                  } catch (SQLException e) {
                    log.warn("Could not drop test database {}", name, e);
                  }
                }));
    return new Database(s.baseUrl() + name, s.username(), s.password());
  }

  private static Server server() {
    if (server == null) {
      server = findServer();
    }
    return server;
  }

  private static Server findServer() {
    String url = System.getenv("TEST_POSTGRES_URL");
    if (url != null && !url.isBlank()) {
      String base = url.substring(0, url.lastIndexOf('/') + 1);
      return new Server(
          base, env("TEST_POSTGRES_USER", "postgres"), env("TEST_POSTGRES_PASSWORD", ""));
    }
    Server local = new Server("jdbc:postgresql://127.0.0.1:5432/", "postgres", "");
    try (Connection ignored = local.connect("postgres")) {
      return local;
    } catch (SQLException e) {
      log.info("No PostgreSQL at 127.0.0.1:5432 ({}); looking further", e.getMessage());
    }
    if (dockerAvailable()) {
      var container = new PostgreSQLContainer("postgres:15.10-alpine");
      container.start();
      String jdbc = container.getJdbcUrl();
      return new Server(
          jdbc.substring(0, jdbc.lastIndexOf('/') + 1),
          container.getUsername(),
          container.getPassword());
    }
    try {
      EmbeddedPostgres embedded = EmbeddedPostgres.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(embedded)));
      return new Server(
          "jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/", "postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("No PostgreSQL available for tests", e);
    }
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void closeQuietly(EmbeddedPostgres embedded) {
    try {
      embedded.close();
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly", e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
