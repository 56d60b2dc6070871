package org.mhaqi.evaluation.suppression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SuppressionTest {

  private final Suppression suppression = Suppression.withDefaults();

  @Test
  void countsUnderFiveAreStarred() {
    assertThat(suppression.count(0)).isEqualTo("*");
    assertThat(suppression.count(4)).isEqualTo("*");
    assertThat(suppression.countOrNull(4)).isNull();
    assertThat(suppression.suppressesCount(4)).isTrue();
    assertThat(suppression.suppressesCount(5)).isFalse();
  }

  @Test
  void otherCountsAreRoundedToTheNearestFive() {
    // 5 stays 5; 7 = 5 + 2 rounds down to 5; 8 = 5 + 3 rounds up to 10; 12 -> 10; 13 -> 15
    assertThat(suppression.count(5)).isEqualTo("5");
    assertThat(suppression.count(7)).isEqualTo("5");
    assertThat(suppression.count(8)).isEqualTo("10");
    assertThat(suppression.count(12)).isEqualTo("10");
    assertThat(suppression.count(13)).isEqualTo("15");
    assertThat(suppression.count(1002)).isEqualTo("1000");
    assertThat(suppression.countOrNull(8)).isEqualTo(10L);
  }

  @Test
  void aRateIsSuppressedWhenItsNumeratorIsUnderFiveOrItsDenominatorUnderOneHundred() {
    assertThat(suppression.suppressesRate(4, 1000)).isTrue();
    assertThat(suppression.suppressesRate(5, 1000)).isFalse();
    assertThat(suppression.suppressesRate(50, 99)).isTrue();
    assertThat(suppression.suppressesRate(50, 100)).isFalse();
  }

  @Test
  void thresholdsAreConfigurable() {
    Suppression strict = new Suppression(new SuppressionProperties(10, 10, 20, 500));
    assertThat(strict.count(9)).isEqualTo("*");
    // 15 is halfway between 10 and 20: halves round up
    assertThat(strict.count(15)).isEqualTo("20");
    assertThat(strict.count(14)).isEqualTo("10");
    assertThat(strict.suppressesRate(19, 1000)).isTrue();
    assertThat(strict.suppressesRate(20, 499)).isTrue();
    assertThat(strict.suppressesRate(20, 500)).isFalse();
  }

  @Test
  void roundingToOneLeavesCountsExact() {
    Suppression none = new Suppression(new SuppressionProperties(0, 1, 0, 0));
    assertThat(none.count(0)).isEqualTo("0");
    assertThat(none.count(7)).isEqualTo("7");
    assertThat(none.suppressesRate(0, 0)).isFalse();
  }

  @Test
  void refusesNegativeCountsAndThresholds() {
    assertThatThrownBy(() -> suppression.count(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> suppression.suppressesRate(-1, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> suppression.suppressesRate(5, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SuppressionProperties(-1, 5, 5, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SuppressionProperties(5, 0, 5, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SuppressionProperties(5, 5, -1, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SuppressionProperties(5, 5, 5, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
