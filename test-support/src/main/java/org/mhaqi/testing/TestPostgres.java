package org.mhaqi.testing;

import java.util.Locale;
import java.util.UUID;
import org.mhaqi.local.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fresh databases for a test JVM on the server {@link PostgresServer#forTests()} finds (the one
 * named by {@code TEST_POSTGRES_URL}, 127.0.0.1:5432, a Testcontainers container, or an embedded
 * one). Their names are random and they are dropped at exit, so parallel runs never meet.
 */
public final class TestPostgres {

  private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);

  private static PostgresServer server;

  /** Connection settings of one database. */
  public record Database(String url, String username, String password) {}

  private TestPostgres() {}

  /** Creates a fresh database whose name starts with the prefix. */
  public static synchronized Database createDatabase(String prefix) {
    PostgresServer s = server();
    String name =
        (prefix.replaceAll("[^A-Za-z0-9]", "_")
                + "_test_"
                + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT);
    PostgresServer.Database db = s.createDatabase(name);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    s.dropDatabase(name);
                  } catch (RuntimeException e) {
                    log.warn("Could not drop test database {}", name, e);
                  }
                }));
    return new Database(db.url(), db.username(), db.password());
  }

  private static PostgresServer server() {
    if (server == null) {
      server = PostgresServer.forTests();
    }
    return server;
  }
}
