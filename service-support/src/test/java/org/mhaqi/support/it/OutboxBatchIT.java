package org.mhaqi.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox writes a transaction's events together, just before the commit: every event is stored,
 * in the order it was appended, only if the transaction commits; one appended after that point (by
 * another before-commit callback) is stored too. Rows stay after the relay has published them (a
 * week), so the test reads them whatever the relay did.
 */
@SpringBootTest(
    classes = ConsumerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructure.class)
class OutboxBatchIT {

  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;

  @Test
  void aTransactionsEventsAreStoredTogetherInTheOrderTheyWereAppended() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              events.publishEvent(completed(first));
              events.publishEvent(withdrawn(second));
              events.publishEvent(withdrawn(first));
              events.publishEvent(completed(second));
              // Nothing is written before the commit.
              assertThat(stored(first, second)).isEmpty();
            });

    assertThat(stored(first, second))
        .containsExactly(
            first + " EnrollmentCompleted",
            second + " EnrollmentWithdrawn",
            first + " EnrollmentWithdrawn",
            second + " EnrollmentCompleted");
  }

  @Test
  void aRolledBackTransactionStoresNothing() {
    UUID enrolment = UUID.randomUUID();
    assertThatThrownBy(
            () ->
                new TransactionTemplate(transactionManager)
                    .executeWithoutResult(
                        status -> {
                          events.publishEvent(completed(enrolment));
                          throw new IllegalStateException("the use case failed");
                        }))
        .hasMessage("the use case failed");

    assertThat(stored(enrolment, enrolment)).isEmpty();
  }

  @Test
  void anEventAppendedAfterTheBatchWasWrittenIsStoredToo() {
    UUID enrolment = UUID.randomUUID();
    new TransactionTemplate(transactionManager)
        .executeWithoutResult(
            status -> {
              events.publishEvent(completed(enrolment));
              // Registered after the outbox's own callback, so it runs after the batch is written.
              TransactionSynchronizationManager.registerSynchronization(
                  new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                      events.publishEvent(withdrawn(enrolment));
                    }
                  });
            });

    assertThat(stored(enrolment, enrolment))
        .containsExactly(enrolment + " EnrollmentCompleted", enrolment + " EnrollmentWithdrawn");
  }

  private List<String> stored(UUID one, UUID other) {
    return jdbc.sql(
            """
            select message_key || ' ' || event_type from outbox_event
            where message_key in (?, ?) order by position
            """)
        .params(one.toString(), other.toString())
        .query(String.class)
        .list();
  }

  private static EnrollmentCompleted completed(UUID enrolment) {
    return new EnrollmentCompleted(enrolment, UUID.randomUUID(), UUID.randomUUID(), Instant.now());
  }

  private static EnrollmentWithdrawn withdrawn(UUID enrolment) {
    return new EnrollmentWithdrawn(
        enrolment,
        UUID.randomUUID(),
        UUID.randomUUID(),
        "ENROLLED",
        WithdrawalReason.OTHER,
        Instant.now());
  }
}
