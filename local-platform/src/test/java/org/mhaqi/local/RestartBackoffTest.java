package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

  private static final Duration QUICK = Duration.ofSeconds(2);

  @Test
  void waitsOneSecondThenDoublesWhileItKeepsStoppingUpToTheCeiling() {
    RestartBackoff backoff = RestartBackoff.standard();
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      delays.add(backoff.delayAfterStop(QUICK).toSeconds());
    }
    assertThat(delays).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
  }

  @Test
  void aProcessThatKeepsDyingIsStillRetriedAtTheCeilingAndSaysSo() {
    RestartBackoff backoff = RestartBackoff.standard();
    Duration delay = Duration.ZERO;
    for (int i = 0; i < 1000; i++) {
      delay = backoff.delayAfterStop(QUICK);
    }
    assertThat(delay).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.isCeiling(delay)).isTrue();
    assertThat(backoff.isCeiling(Duration.ofSeconds(16))).isFalse();
  }

  @Test
  void aStopAfterItStayedUpAWhileStartsOverAtOneSecond() {
    RestartBackoff backoff = RestartBackoff.standard();
    backoff.delayAfterStop(QUICK);
    backoff.delayAfterStop(QUICK);
    assertThat(backoff.delayAfterStop(QUICK)).isEqualTo(Duration.ofSeconds(4));

    assertThat(backoff.delayAfterStop(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfterStop(QUICK)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aRestartOnRequestStartsOverAtOneSecond() {
    RestartBackoff backoff = RestartBackoff.standard();
    for (int i = 0; i < 6; i++) {
      backoff.delayAfterStop(QUICK);
    }
    backoff.reset();
    assertThat(backoff.delayAfterStop(QUICK)).isEqualTo(Duration.ofSeconds(1));
  }
}
