package org.mhaqi.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * Two transactions racing on one enrolment: the one that appends second cannot commit first, so the
 * outbox order of the enrolment's events, which is the order the relay sends them in, is the order
 * their transactions committed.
 */
@SpringBootTest(
    classes = ConsumerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = RealInfrastructure.class)
class OutboxCommitOrderIT {

  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcClient jdbc;

  @Test
  void oneEnrolmentsEventsAreRelayedInTheOrderTheirTransactionsCommitted() throws Exception {
    UUID enrolment = UUID.randomUUID();
    List<String> commitOrder = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch firstAppended = new CountDownLatch(1);
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> first =
          threads.submit(
              () ->
                  transactions.executeWithoutResult(
                      status -> {
                        events.publishEvent(
                            new EnrollmentCompleted(
                                enrolment, UUID.randomUUID(), UUID.randomUUID(), Instant.now()));
                        onCommit(commitOrder, "EnrollmentCompleted");
                        firstAppended.countDown();
                        sleep(1_500);
                      }));
      assertThat(firstAppended.await(30, TimeUnit.SECONDS)).isTrue();
      Future<?> second =
          threads.submit(
              () ->
                  transactions.executeWithoutResult(
                      status -> {
                        events.publishEvent(
                            new EnrollmentWithdrawn(
                                enrolment,
                                UUID.randomUUID(),
                                UUID.randomUUID(),
                                "ENROLLED",
                                WithdrawalReason.OTHER,
                                Instant.now()));
                        onCommit(commitOrder, "EnrollmentWithdrawn");
                      }));
      first.get(30, TimeUnit.SECONDS);
      second.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    List<String> outboxOrder =
        jdbc.sql("select event_type from outbox_event where message_key = ? order by position")
            .param(enrolment.toString())
            .query(String.class)
            .list();
    assertThat(outboxOrder).hasSize(2).containsExactlyElementsOf(commitOrder);
  }

  private static void onCommit(List<String> commitOrder, String type) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          // Just before the commit: a later transaction that could commit earlier shows here.
          @Override
          public void beforeCommit(boolean readOnly) {
            commitOrder.add(type);
          }
        });
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
