package org.mhaqi.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.measure.Measure.Unit;
import org.mhaqi.evaluation.suppression.Suppression;

class MeasureFigureTest {

  static final Suppression SUPPRESSION = Suppression.withDefaults();

  @Test
  void eachUnitMakesItsFigure() {
    // 7 restraints over 350 bed days = 20 per 1,000; 7 of 28 admissions = 25%;
    // 350 days over 28 discharges = 12.5 days; a count is itself.
    assertThat(MeasureFigure.of(Unit.RATE_PER_1000_OCCUPIED_BED_DAYS, 7, 350)).hasValue(20.0);
    assertThat(MeasureFigure.of(Unit.PERCENTAGE, 7, 28)).hasValue(25.0);
    assertThat(MeasureFigure.of(Unit.MEAN_DAYS, 350, 28)).hasValue(12.5);
    assertThat(MeasureFigure.of(Unit.COUNT, 7, 0)).hasValue(7.0);
  }

  @Test
  void noDenominatorNoFigureExceptForACount() {
    assertThat(MeasureFigure.of(Unit.RATE_PER_1000_OCCUPIED_BED_DAYS, 0, 0)).isEmpty();
    assertThat(MeasureFigure.of(Unit.PERCENTAGE, 0, 0)).isEmpty();
    assertThat(MeasureFigure.of(Unit.MEAN_DAYS, 0, 0)).isEmpty();
    assertThat(MeasureFigure.of(Unit.COUNT, 0, 0)).hasValue(0.0);
  }

  @Test
  void aRatioIsWithheldOnEitherCountACountOnItself() {
    assertThat(MeasureFigure.suppressed(SUPPRESSION, Unit.PERCENTAGE, 5, 100)).isFalse();
    assertThat(MeasureFigure.suppressed(SUPPRESSION, Unit.PERCENTAGE, 4, 100)).isTrue();
    assertThat(MeasureFigure.suppressed(SUPPRESSION, Unit.MEAN_DAYS, 500, 99)).isTrue();
    assertThat(MeasureFigure.suppressed(SUPPRESSION, Unit.COUNT, 5, 0)).isFalse();
    assertThat(MeasureFigure.suppressed(SUPPRESSION, Unit.COUNT, 4, 1000)).isTrue();
  }
}
