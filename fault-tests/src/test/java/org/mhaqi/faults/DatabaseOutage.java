package org.mhaqi.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.mhaqi.testing.TestPostgres;

/**
 * A service's database made unreachable without stopping the shared server: new connections refused
 * ({@code ALLOW_CONNECTIONS false}) and the open ones terminated, until restored; or its open
 * connections terminated, again and again, while new ones are allowed.
 */
final class DatabaseOutage {

  private DatabaseOutage() {}

  static void cut(TestPostgres.Database db) {
    String name = name(db);
    onServer(db, "alter database " + name + " allow_connections false", terminate(name));
  }

  private static String terminate(String name) {
    return "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
        + name
        + "' and pid <> pg_backend_pid()";
  }

  /**
   * Terminates the open connections only: new ones are still allowed, as after a database failover
   * or on a flapping network.
   */
  static void terminateConnections(TestPostgres.Database db) {
    onServer(db, terminate(name(db)));
  }

  static void restore(TestPostgres.Database db) {
    onServer(db, "alter database " + name(db) + " allow_connections true");
  }

  private static void onServer(TestPostgres.Database db, String... statements) {
    String server = db.url().substring(0, db.url().lastIndexOf('/') + 1) + "postgres";
    try (Connection connection = DriverManager.getConnection(server, db.username(), db.password());
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not change " + name(db), e);
    }
  }

  private static String name(TestPostgres.Database db) {
    String name = db.url().substring(db.url().lastIndexOf('/') + 1);
    int query = name.indexOf('?');
    name = query < 0 ? name : name.substring(0, query);
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("Unexpected database name " + name);
    }
    return name;
  }
}
