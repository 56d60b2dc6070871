package org.mhaqi.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.RealInfrastructure;
import org.mhaqi.testing.TestPostgres;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One instance relays at a time, without holding a transaction: the session lock stays with its
 * holder until it lets go or its session dies, and then another instance takes over.
 */
class RelayLeadershipIT {

  private static final long LOCK = 4242;

  private final TestPostgres.Database database = RealInfrastructure.database("relay_leadership");
  private final DriverManagerDataSource dataSource =
      new DriverManagerDataSource(database.url(), database.username(), database.password());

  @Test
  void oneHolderAtATimeAndTheNextTakesOverWhenItLetsGo() throws Exception {
    try (var first = new RelayLeadership(dataSource, LOCK);
        var second = new RelayLeadership(dataSource, LOCK)) {
      assertThat(first.holds()).isTrue();
      assertThat(second.holds()).isFalse();
      assertThat(first.holds()).as("kept across passes").isTrue();
      assertThat(openTransactions()).as("transactions held for the lock").isZero();

      first.close();

      assertThat(second.holds()).isTrue();
      assertThat(first.holds()).isFalse();
    }
  }

  @Test
  void aHolderWhoseSessionDiedCompetesAgainLikeAnyOther() throws Exception {
    try (var first = new RelayLeadership(dataSource, LOCK + 1);
        var second = new RelayLeadership(dataSource, LOCK + 1)) {
      assertThat(first.holds()).isTrue();

      terminateLockHolders();

      assertThat(second.holds()).as("the lock went with the session").isTrue();
      assertThat(first.holds()).isFalse();
    }
  }

  private long openTransactions() throws Exception {
    try (Connection admin = admin();
        var rs =
            admin
                .createStatement()
                .executeQuery(
                    "select count(*) from pg_stat_activity where datname = current_database()"
                        + " and state like 'idle in transaction%'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void terminateLockHolders() throws Exception {
    try (Connection admin = admin()) {
      admin
          .createStatement()
          .execute(
              "select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'"
                  + " and database = (select oid from pg_database where datname ="
                  + " current_database()) and pid <> pg_backend_pid()");
    }
  }

  private Connection admin() throws Exception {
    return DriverManager.getConnection(database.url(), database.username(), database.password());
  }
}
