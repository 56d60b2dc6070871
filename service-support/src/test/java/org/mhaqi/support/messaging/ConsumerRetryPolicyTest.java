package org.mhaqi.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessagingException;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.FixedBackOff;

class ConsumerRetryPolicyTest {

  private final ConsumerRetryPolicy policy =
      new ConsumerRetryPolicy(
          Duration.ofMillis(500), Duration.ofSeconds(10), new FixedBackOff(100, 2));

  @Test
  void poisonIsNotRetriedAtAll() {
    BackOffExecution execution =
        policy
            .backOffFor(new MessagingException("failed", new PoisonEventException("no ce_id")))
            .start();

    assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
  }

  @Test
  void aTransientFailureIsRetriedWithoutEndAndPausesGrowToTheCeiling() {
    BackOffExecution execution =
        policy
            .backOffFor(
                new MessagingException("failed", new SQLTransientConnectionException("away")))
            .start();

    assertThat(execution.nextBackOff()).isEqualTo(500);
    assertThat(execution.nextBackOff()).isEqualTo(1_000);
    assertThat(execution.nextBackOff()).isEqualTo(2_000);
    long last = 0;
    for (int attempt = 0; attempt < 10_000; attempt++) {
      last = execution.nextBackOff();
      assertThat(last).isNotEqualTo(BackOffExecution.STOP).isLessThanOrEqualTo(10_000);
    }
    assertThat(last).isEqualTo(10_000);
  }

  @Test
  void anUnexpectedFailureIsRetriedAsTheBindingSaysThenGivenUp() {
    BackOffExecution execution = policy.backOffFor(new IllegalStateException("bug")).start();

    assertThat(execution.nextBackOff()).isEqualTo(100);
    assertThat(execution.nextBackOff()).isEqualTo(100);
    assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
  }

  @Test
  void anyFailureButPoisonWaitsWithoutEndWhileTheDatabaseDoesNotAnswer() {
    BackOffExecution unexpected =
        policy.backOffFor(new IllegalStateException("whatever"), () -> false).start();
    for (int attempt = 0; attempt < 100; attempt++) {
      assertThat(unexpected.nextBackOff()).isNotEqualTo(BackOffExecution.STOP);
    }

    BackOffExecution poison =
        policy.backOffFor(new PoisonEventException("no ce_id"), () -> false).start();
    assertThat(poison.nextBackOff()).isEqualTo(BackOffExecution.STOP);
  }

  @Test
  void theDatabaseIsAskedOnlyWhenTheFailureItselfDoesNotDecide() {
    policy.backOffFor(
        new PoisonEventException("no ce_id"),
        () -> {
          throw new AssertionError("asked about poison");
        });
    policy.backOffFor(
        new SQLTransientConnectionException("away"),
        () -> {
          throw new AssertionError("asked about a transient failure");
        });
  }

  @Test
  void withoutBindingSettingsUnexpectedFailuresGetThreeAttempts() {
    var defaults = new ConsumerRetryPolicy(Duration.ofMillis(1), Duration.ofMillis(1), null);

    assertThat(defaults.unexpected()).isSameAs(ConsumerRetryPolicy.DEFAULT_UNEXPECTED);
    BackOffExecution execution = defaults.backOffFor(new IllegalStateException()).start();
    assertThat(execution.nextBackOff()).isEqualTo(1_000);
    assertThat(execution.nextBackOff()).isEqualTo(1_000);
    assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
  }

  @Test
  void theTransientBackOffMustStartAboveZeroAndNotExceedItsCeiling() {
    assertThatThrownBy(() -> new ConsumerRetryPolicy(Duration.ZERO, Duration.ofSeconds(1), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new ConsumerRetryPolicy(Duration.ofMillis(-1), Duration.ofSeconds(1), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new ConsumerRetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ConsumerRetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), null))
        .isNotNull();
  }
}
