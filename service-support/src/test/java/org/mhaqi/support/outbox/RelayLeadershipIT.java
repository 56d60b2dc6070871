package org.mhaqi.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.mhaqi.testing.RealInfrastructure;
import org.mhaqi.testing.TestPostgres;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One instance relays at a time, without holding a transaction: the session lock stays with its
 * holder until it lets go or its session dies, and then another instance takes over. The relay's
 * statements run on the lock's session, which commits without waiting for the disk; the connection
 * goes back without the lock or that setting.
 */
class RelayLeadershipIT {

  private static final long LOCK = 4242;

  private static final Function<JdbcClient, Integer> SESSION =
      session -> session.sql("select pg_backend_pid()").query(Integer.class).single();

  private final TestPostgres.Database database = RealInfrastructure.database("relay_leadership");
  private final DriverManagerDataSource dataSource =
      new DriverManagerDataSource(database.url(), database.username(), database.password());

  @Test
  void oneHolderAtATimeAndTheNextTakesOverWhenItLetsGo() throws Exception {
    try (var first = new RelayLeadership(dataSource, LOCK);
        var second = new RelayLeadership(dataSource, LOCK)) {
      Optional<Integer> firstSession = first.whileLeading(SESSION);
      assertThat(firstSession).isPresent();
      assertThat(second.whileLeading(SESSION)).isEmpty();
      assertThat(first.whileLeading(SESSION)).as("kept across passes").isEqualTo(firstSession);
      assertThat(openTransactions()).as("transactions held for the lock").isZero();

      first.close();

      assertThat(second.whileLeading(SESSION)).isPresent();
      assertThat(first.whileLeading(SESSION)).isEmpty();
    }
  }

  @Test
  void aHolderWhoseSessionDiedCompetesAgainLikeAnyOther() throws Exception {
    try (var first = new RelayLeadership(dataSource, LOCK + 1);
        var second = new RelayLeadership(dataSource, LOCK + 1)) {
      assertThat(first.whileLeading(SESSION)).isPresent();

      terminateLockHolders();

      assertThat(second.whileLeading(SESSION)).as("the lock went with the session").isPresent();
      assertThat(first.whileLeading(SESSION)).isEmpty();
    }
  }

  @Test
  void aHolderWhoseSessionDiedTakesTheLockAgainInTheSameCallWhenNoOneElseHasIt() throws Exception {
    try (var leadership = new RelayLeadership(dataSource, LOCK + 3)) {
      int before = leadership.whileLeading(SESSION).orElseThrow();

      terminateLockHolders();

      // As after a database restart: no failed pass, the work runs on a fresh session.
      assertThat(leadership.whileLeading(SESSION)).isPresent().get().isNotEqualTo(before);
    }
  }

  @Test
  void workThatFailsOnAFreshSessionFailsAndGivesTheLockUp() throws Exception {
    try (var first = new RelayLeadership(dataSource, LOCK + 4);
        var second = new RelayLeadership(dataSource, LOCK + 4)) {
      assertThatThrownBy(
              () ->
                  first.whileLeading(
                      session -> session.sql("select no_such_column").query().singleValue()))
          .isInstanceOf(DataAccessException.class);

      assertThat(second.whileLeading(SESSION)).as("the lock went with the session").isPresent();
    }
  }

  @Test
  void theRelaySessionCommitsWithoutWaitingForTheDiskAndGoesBackWithoutTheLockOrTheSetting()
      throws Exception {
    try (Connection pooled = admin()) {
      // A pool of one: what the relay hands back is what the application's next borrower gets.
      var pool = new SingleConnectionDataSource(pooled, true);
      var leadership = new RelayLeadership(pool, LOCK + 2);

      assertThat(leadership.whileLeading(RelayLeadershipIT::synchronousCommit)).contains("off");
      leadership.close();

      var next = JdbcClient.create(pool);
      assertThat(synchronousCommit(next)).isEqualTo("on");
      assertThat(
              next.sql(
                      "select count(*) from pg_locks where locktype = 'advisory'"
                          + " and pid = pg_backend_pid()")
                  .query(Long.class)
                  .single())
          .isZero();
    }
  }

  private static String synchronousCommit(JdbcClient session) {
    return session.sql("show synchronous_commit").query(String.class).single();
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
