package org.mhaqi.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.measure.Measure.Unit;
import org.mhaqi.evaluation.suppression.Suppression;

class MeasureFigureTest {

  static final Suppression SUPPRESSION = Suppression.withDefaults();

  @Test
  void aRatioIsWithheldOnEitherCountACountOnItself() {
    assertThat(MeasureFigure.suppressed(SUPPRESSION, Unit.PERCENTAGE, 5, 100)).isFalse();
    assertThat(MeasureFigure.suppressed(SUPPRESSION, Unit.PERCENTAGE, 4, 100)).isTrue();
    assertThat(MeasureFigure.suppressed(SUPPRESSION, Unit.MEAN_DAYS, 500, 99)).isTrue();
    assertThat(MeasureFigure.suppressed(SUPPRESSION, Unit.COUNT, 5, 0)).isFalse();
    assertThat(MeasureFigure.suppressed(SUPPRESSION, Unit.COUNT, 4, 1000)).isTrue();
  }
}
