package org.mhaqi.evaluation.analysis.runchart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunChartAnalysisTest {

  static RunChartResult analyse(Double... values) {
    return RunChartAnalysis.analyse(List.of(values));
  }

  static List<Boolean> shifts(RunChartResult result) {
    return result.points().stream().map(RunChartPoint::shift).toList();
  }

  static List<Boolean> trends(RunChartResult result) {
    return result.points().stream().map(RunChartPoint::trend).toList();
  }

  @Test
  void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
    // sorted 1 2 3: the middle is 2; sorted 1 2 3 4: (2 + 3) / 2 = 2.5; sorted 1 2 3 4: 2.5
    assertThat(analyse(3.0, 1.0, 2.0).median()).isEqualTo(2.0);
    assertThat(analyse(4.0, 1.0, 3.0, 2.0).median()).isEqualTo(2.5);
    assertThat(analyse(7.0).median()).isEqualTo(7.0);
    assertThat(analyse(7.0).ruleSet()).isEqualTo("ihi-run-chart");
  }

  @Test
  void sixPointsOnEachSideOfTheMedianAreTwoShiftsAndTooFewRuns() {
    // sorted 1 1 1 2 2 2 8 8 8 9 9 9: median (2 + 8) / 2 = 5; 6 below then 6 above: 2 runs of
    // 12 useful observations, fewer than the table's lower limit of 4
    RunChartResult result = analyse(1.0, 2.0, 1.0, 2.0, 1.0, 2.0, 9.0, 8.0, 9.0, 8.0, 9.0, 8.0);

    assertThat(result.median()).isEqualTo(5.0);
    assertThat(shifts(result)).containsOnly(true);
    assertThat(trends(result)).containsOnly(false);
    assertThat(result.usefulObservations()).isEqualTo(12);
    assertThat(result.runs()).isEqualTo(2);
    assertThat(result.runsLimits()).isEqualTo(new RunsLimits(4, 10));
    assertThat(result.runsSignal()).isEqualTo(RunsSignal.TOO_FEW);
  }

  @Test
  void fivePointsOnOneSideAreNoShift() {
    // sorted 1 1 1 2 2 8 8 9 9 9: median (2 + 8) / 2 = 5; 5 below, 5 above
    RunChartResult result = analyse(1.0, 2.0, 1.0, 2.0, 1.0, 9.0, 8.0, 9.0, 8.0, 9.0);
    assertThat(shifts(result)).containsOnly(false);
  }

  @Test
  void pointsOnTheMedianNeitherCountNorBreakAShift() {
    // sorted 1 1 1 2 2 2 5 5 8 8 8 9 9 9: median (5 + 5) / 2 = 5. Below: points 0-2 and 4-6, the
    // 5 at point 3 between them; above: points 7-12; point 13 is on the median.
    RunChartResult result =
        analyse(1.0, 2.0, 1.0, 5.0, 2.0, 1.0, 2.0, 9.0, 8.0, 9.0, 8.0, 9.0, 8.0, 5.0);

    assertThat(result.median()).isEqualTo(5.0);
    assertThat(shifts(result))
        .containsExactly(
            true, true, true, false, true, true, true, true, true, true, true, true, true, false);
    assertThat(result.usefulObservations()).isEqualTo(12);
    assertThat(result.runs()).isEqualTo(2);
  }

  @Test
  void fiveRisesOrFallsAreATrendFourAreNot() {
    assertThat(trends(analyse(1.0, 2.0, 3.0, 4.0, 5.0))).containsOnly(true);
    assertThat(trends(analyse(5.0, 4.0, 3.0, 2.0, 1.0))).containsOnly(true);
    assertThat(trends(analyse(1.0, 2.0, 3.0, 4.0))).containsOnly(false);
    assertThat(trends(analyse(3.0, 1.0, 2.0, 3.0, 4.0, 5.0, 2.0)))
        .containsExactly(false, true, true, true, true, true, false);
  }

  @Test
  void aRepeatedValueCountsOnceInATrend() {
    // 1 2 2 3 4 5: distinct 1 2 3 4 5, a trend of 5 that the repeat belongs to
    assertThat(trends(analyse(1.0, 2.0, 2.0, 3.0, 4.0, 5.0))).containsOnly(true);
    // 1 2 3 3 4: distinct 1 2 3 4, only 4
    assertThat(trends(analyse(1.0, 2.0, 3.0, 3.0, 4.0))).containsOnly(false);
    // a fall to a repeated 1 and a rise from it: both trends, the repeats in each
    assertThat(trends(analyse(5.0, 4.0, 3.0, 2.0, 1.0, 1.0, 2.0, 3.0, 4.0, 5.0)))
        .containsOnly(true);
  }

  @Test
  void aConstantSeriesHasNoSignalAndNoUsefulObservations() {
    RunChartResult result = analyse(4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0, 4.0);
    assertThat(shifts(result)).containsOnly(false);
    assertThat(trends(result)).containsOnly(false);
    assertThat(result.usefulObservations()).isZero();
    assertThat(result.runs()).isZero();
    assertThat(result.runsLimits()).isNull();
    assertThat(result.runsSignal()).isNull();
  }

  @Test
  void tooManyRunsWhenTheSeriesCrossesItsMedianEveryPoint() {
    // 1 9 alternating, 10 points: median 5, 10 runs, more than the upper limit of 9
    RunChartResult result = analyse(1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 1.0, 9.0);
    assertThat(result.runs()).isEqualTo(10);
    assertThat(result.runsSignal()).isEqualTo(RunsSignal.TOO_MANY);
  }

  @Test
  void runsOnTheTableLimitsAreInRange() {
    // 1 9 1 9 1 9 1 9 9 1: 9 runs, the upper limit for 10
    assertThat(analyse(1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 9.0, 1.0))
        .extracting(RunChartResult::runs, RunChartResult::runsSignal)
        .containsExactly(9, null);
    // 1 1 1 9 9 9 9 9 1 1: 3 runs, the lower limit for 10
    assertThat(analyse(1.0, 1.0, 1.0, 9.0, 9.0, 9.0, 9.0, 9.0, 1.0, 1.0))
        .extracting(RunChartResult::runs, RunChartResult::runsSignal)
        .containsExactly(3, null);
  }

  @Test
  void noRunsTestOutsideTheTable() {
    // sorted 1 1 1 1 5 9 9 9 9: median 5, 8 useful observations, fewer than the table's 10
    RunChartResult nine = analyse(1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 1.0, 9.0, 5.0);
    assertThat(nine.usefulObservations()).isEqualTo(8);
    assertThat(nine.runsLimits()).isNull();
    assertThat(nine.runsSignal()).isNull();

    List<Double> alternating = new ArrayList<>();
    for (int i = 0; i < 62; i++) {
      alternating.add(i % 2 == 0 ? 1.0 : 9.0);
    }
    assertThat(RunChartAnalysis.analyse(alternating).runsSignal()).isNull();
    assertThat(RunChartAnalysis.analyse(alternating.subList(0, 60)).runsSignal())
        .isEqualTo(RunsSignal.TOO_MANY);
  }

  @Test
  void refusesAnEmptySeriesOrANonNumber() {
    assertThatThrownBy(() -> RunChartAnalysis.analyse(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> RunChartAnalysis.analyse(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RunChartAnalysis.analyse(Arrays.asList(1.0, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value 1");
    assertThatThrownBy(() -> RunChartAnalysis.analyse(List.of(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RunChartAnalysis.analyse(List.of(Double.NEGATIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
