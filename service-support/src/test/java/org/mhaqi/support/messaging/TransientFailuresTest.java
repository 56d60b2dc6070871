package org.mhaqi.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.messaging.MessagingException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class TransientFailuresTest {

  static Stream<Throwable> transientFailures() {
    return Stream.of(
        new CannotCreateTransactionException("Could not open JPA EntityManager"),
        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"),
        new CannotAcquireLockException("lock timeout"),
        new PessimisticLockingFailureException("deadlock"),
        new QueryTimeoutException("statement timeout"),
        new TransientDataAccessResourceException("resource busy"),
        new RecoverableDataAccessException("connection reset"),
        new DataAccessResourceFailureException("database away"),
        new SQLTransientConnectionException("Connection is not available, request timed out"),
        new SQLRecoverableException("I/O error"),
        new ConnectException("Connection refused"),
        new SocketTimeoutException("Read timed out"),
        // The rollback of a transaction whose connection died.
        new TransactionSystemException(
            "Could not roll back JDBC transaction",
            new SQLException("This connection has been closed.", "08003")));
  }

  /** A connection that died mid-transaction, as each wrapper reports it (issue 26's traces). */
  static Stream<Throwable> connectionsLostMidTransaction() {
    SQLException hikariClosed = new SQLException("Connection is closed");
    TransactionSystemException rollbackFailed =
        new TransactionSystemException("JDBC rollback failed", hikariClosed);
    rollbackFailed.initApplicationException(new IllegalStateException("whatever the work threw"));
    return Stream.of(
        // Hibernate's commit on a connection Hikari had already evicted, translated by Spring.
        new JpaSystemException(
            new org.hibernate.TransactionException(
                "Unable to commit against JDBC Connection",
                new SQLException("Connection is closed"))),
        new org.hibernate.TransactionException("Unable to rollback against JDBC Connection"),
        // JDBC: the rollback after a failed statement found the connection closed.
        rollbackFailed,
        new TransactionSystemException("JDBC commit failed", hikariClosed),
        new SQLException(
            "An I/O error occurred while sending to the backend.", null, new EOFException()),
        new CommitFailedException("coaching-service", new IllegalStateException("unknown")),
        new RollbackFailedException(
            "coaching-service", new IllegalStateException("defect"), new IllegalStateException()));
  }

  @ParameterizedTest
  @MethodSource("connectionsLostMidTransaction")
  void aConnectionLostMidTransactionIsTransientWhateverTheWrapper(Throwable failure) {
    assertThat(TransientFailures.isTransient(wrapped(failure))).isTrue();
  }

  @Test
  void aFailedRollbackKeepsThePoisonVerdictOfWhatItFollowed() {
    var rollbackFailed =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    PoisonEventException poison = new PoisonEventException("the phase is unknown");
    rollbackFailed.initApplicationException(poison);

    assertThat(TransientFailures.poison(wrapped(rollbackFailed))).contains(poison);
    assertThat(TransientFailures.isTransient(wrapped(rollbackFailed))).isFalse();
    assertThat(
            TransientFailures.poison(
                new RollbackFailedException("c", poison, new IllegalStateException("closed"))))
        .contains(poison);
  }

  @Test
  void aClosedConnectionIsTransientAsHikariSaysItWithoutAStateNotWithAnotherState() {
    assertThat(TransientFailures.isTransient(new SQLException("Connection is closed"))).isTrue();
    assertThat(TransientFailures.isTransient(new SQLException("Connection is closed", "23505")))
        .isFalse();
    assertThat(TransientFailures.isTransient(new SQLException("closed for business"))).isFalse();
  }

  @Test
  void aFailedRollbackIsTransientOnlyWhenItFollowedAnotherFailure() {
    assertThat(TransientFailures.isTransient(new TransactionSystemException("commit refused")))
        .isFalse();
  }

  @Test
  void theRootCauseOfAFailedRollbackIsWhatItFollowed() {
    var rollbackFailed =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    IllegalStateException first = new IllegalStateException("the work failed first");
    rollbackFailed.initApplicationException(first);

    assertThat(TransientFailures.rootCause(rollbackFailed)).isSameAs(first);
    assertThat(TransientFailures.describe(rollbackFailed))
        .isEqualTo(
            "org.springframework.transaction.TransactionSystemException <- java.sql.SQLException"
                + " <- java.lang.IllegalStateException");
  }

  @ParameterizedTest
  @MethodSource("transientFailures")
  void databaseOutagesLocksAndTimeoutsAreTransientHoweverDeeplyWrapped(Throwable failure) {
    assertThat(TransientFailures.isTransient(failure)).isTrue();
    assertThat(TransientFailures.isTransient(wrapped(failure))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"08000", "08006", "40001", "40P01", "53300", "57P01", "57P03", "55P03"})
  void sqlStatesThatPassWithTimeAreTransient(String state) {
    assertThat(TransientFailures.isTransient(wrapped(new SQLException("failed", state)))).isTrue();
  }

  @Test
  void aCancelledStatementIsTransientButOtherOperatorStatesAreNot() {
    assertThat(TransientFailures.isTransientState("57014")).isTrue();
    assertThat(TransientFailures.isTransientState("57015")).isFalse();
    assertThat(TransientFailures.isTransientState("57000")).isFalse();
    assertThat(TransientFailures.isTransientState("55P02")).isFalse();
    assertThat(TransientFailures.isTransientState("55000")).isFalse();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"23505", "23502", "22P02", "42P01", "0A000", "4", "5", "XX000"})
  void constraintSyntaxAndUnknownStatesAreNotTransient(String state) {
    assertThat(TransientFailures.isTransient(new SQLException("failed", state))).isFalse();
  }

  @Test
  void defectsAndRuleBreachesAreNotTransient() {
    assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
    assertThat(TransientFailures.isTransient(wrapped(new NullPointerException()))).isFalse();
    assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate key")))
        .isFalse();
  }

  @Test
  void poisonIsNeverTransientEvenWithATransientCauseBeneath() {
    PoisonEventException poison =
        new PoisonEventException("no envelope", new SQLTransientConnectionException("away"));

    assertThat(TransientFailures.isTransient(wrapped(poison))).isFalse();
    assertThat(TransientFailures.poison(wrapped(poison))).contains(poison);
  }

  @Test
  void withoutPoisonInTheChainThereIsNoVerdict() {
    assertThat(TransientFailures.poison(wrapped(new IllegalStateException()))).isEmpty();
  }

  @Test
  void theRootCauseIsTheInnermost() {
    SQLException root = new SQLException("terminating connection", "57P01");

    assertThat(TransientFailures.rootCause(wrapped(root))).isSameAs(root);
    assertThat(TransientFailures.rootCause(root)).isSameAs(root);
  }

  @Test
  void aCycleOfCausesEnds() {
    var first = new IllegalStateException("first");
    var second = new IllegalArgumentException("second");
    first.initCause(second);
    second.initCause(first);

    assertThat(TransientFailures.isTransient(first)).isFalse();
    assertThat(TransientFailures.rootCause(first)).isSameAs(second);
  }

  /** As the binder and the container hand a handler's failure to the error handler. */
  private static Throwable wrapped(Throwable failure) {
    return new RuntimeException(
        "Listener failed", new MessagingException("Dispatcher failed", failure));
  }
}
