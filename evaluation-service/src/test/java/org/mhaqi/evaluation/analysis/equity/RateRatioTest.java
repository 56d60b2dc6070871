package org.mhaqi.evaluation.analysis.equity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateRatioTest {

  @Test
  void threeTimesTheRateWithItsConfidenceInterval() {
    // RR = (30 / 1000) / (10 / 1000) = 3
    // SE of ln RR = sqrt(1/30 + 1/10) = sqrt(0.133333) = 0.365148
    // ln 3 = 1.098612; 1.96 x 0.365148 = 0.715691
    // lower = exp(1.098612 - 0.715691) = exp(0.382921) = 1.466563
    // upper = exp(1.098612 + 0.715691) = exp(1.814303) = 6.136798
    RateRatio ratio = RateRatio.of(30, 1000, 10, 1000);

    assertThat(ratio.rateRatio()).isCloseTo(3.0, within(1e-12));
    assertThat(ratio.lower95()).isCloseTo(1.466563, within(1e-6));
    assertThat(ratio.upper95()).isCloseTo(6.136798, within(1e-6));
  }

  @Test
  void differentPopulationsScaleTheRates() {
    // RR = (7 / 2000) / (3 / 3000) = 0.0035 / 0.001 = 3.5
    // SE = sqrt(1/7 + 1/3) = sqrt(0.476190) = 0.690066; 1.96 x SE = 1.352528
    // ln 3.5 = 1.252763; lower = exp(-0.099765) = 0.905050; upper = exp(2.605291) = 13.535170
    RateRatio ratio = RateRatio.of(7, 2000, 3, 3000);

    assertThat(ratio.rateRatio()).isCloseTo(3.5, within(1e-12));
    assertThat(ratio.lower95()).isCloseTo(0.905050, within(1e-6));
    assertThat(ratio.upper95()).isCloseTo(13.535170, within(1e-6));
  }

  @Test
  void equalRatesGiveOneAndAnIntervalAroundIt() {
    // RR = 1, ln RR = 0; SE = sqrt(1/10 + 1/10) = 0.447214; 1.96 x SE = 0.876539
    // lower = exp(-0.876539) = 0.416221; upper = exp(0.876539) = 2.402569
    RateRatio ratio = RateRatio.of(10, 500, 10, 500);

    assertThat(ratio.rateRatio()).isEqualTo(1.0);
    assertThat(ratio.lower95()).isCloseTo(0.416221, within(1e-6));
    assertThat(ratio.upper95()).isCloseTo(2.402569, within(1e-6));
  }

  @Test
  void noEventsInTheGroupGiveARatioOfZeroWithoutAnInterval() {
    RateRatio ratio = RateRatio.of(0, 1000, 10, 1000);
    assertThat(ratio).isEqualTo(new RateRatio(0.0, null, null));
  }

  @Test
  void noEventsInTheReferenceGroupLeaveTheRatioUndefined() {
    assertThat(RateRatio.of(5, 1000, 0, 1000)).isEqualTo(new RateRatio(null, null, null));
    assertThat(RateRatio.of(0, 1000, 0, 1000)).isEqualTo(new RateRatio(null, null, null));
  }

  @Test
  void oneEventOnEachSideIsEnoughForAnInterval() {
    // RR = 1; SE = sqrt(1 + 1) = 1.414214; 1.96 x SE = 2.771859
    // lower = exp(-2.771859) = 0.062546, upper = exp(2.771859) = 15.988322
    RateRatio ratio = RateRatio.of(1, 100, 1, 100);
    assertThat(ratio.lower95()).isCloseTo(0.062546, within(1e-6));
    assertThat(ratio.upper95()).isCloseTo(15.988322, within(1e-6));
  }

  @Test
  void refusesNegativeCountsAndPopulationsThatAreNotPositive() {
    assertThatThrownBy(() -> RateRatio.of(-1, 100, 1, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group events");
    assertThatThrownBy(() -> RateRatio.of(1, 100, -1, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference events");
    assertThatThrownBy(() -> RateRatio.of(1, 0, 1, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("group population");
    assertThatThrownBy(() -> RateRatio.of(1, 100, 1, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reference population");
    assertThatThrownBy(() -> RateRatio.of(1, -5, 1, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateRatio.of(1, Double.NaN, 1, 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RateRatio.of(1, 100, 1, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(RateRatio.of(0, 0.5, 1, 0.5).rateRatio()).isZero();
  }
}
