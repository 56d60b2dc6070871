package org.mhaqi.evaluation.analysis.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhaqi.evaluation.analysis.spc.Improvement.DECREASE;
import static org.mhaqi.evaluation.analysis.spc.Improvement.INCREASE;
import static org.mhaqi.evaluation.analysis.spc.Improvement.NEITHER;
import static org.mhaqi.evaluation.analysis.spc.SpecialCauseRule.OUTSIDE_LIMITS;
import static org.mhaqi.evaluation.analysis.spc.SpecialCauseRule.RUN_ON_ONE_SIDE;
import static org.mhaqi.evaluation.analysis.spc.SpecialCauseRule.TREND;
import static org.mhaqi.evaluation.analysis.spc.SpecialCauseRule.TWO_OF_THREE_NEAR_LIMIT;
import static org.mhaqi.evaluation.analysis.spc.Variation.COMMON_CAUSE;
import static org.mhaqi.evaluation.analysis.spc.Variation.SPECIAL_CAUSE_CONCERN;
import static org.mhaqi.evaluation.analysis.spc.Variation.SPECIAL_CAUSE_IMPROVEMENT;
import static org.mhaqi.evaluation.analysis.spc.Variation.SPECIAL_CAUSE_NEUTRAL;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class XmrAnalysisTest {

  /**
   * The hand-worked baseline: 12 points, 10 11 12 11 10 11 12 11 10 11 12 11.
   *
   * <pre>
   * sum = 3 x (10 + 11 + 12 + 11) = 132            mean = 132 / 12 = 11
   * moving ranges: 1 1 1 1 1 1 1 1 1 1 1 (11 of them)  MR-bar = 11 / 11 = 1
   * upper process limit = 11 + 2.66 x 1 = 13.66    lower = 11 - 2.66 = 8.34
   * upper near limit   = 11 + 1.773 x 1 = 12.773   lower = 11 - 1.773 = 9.227
   * </pre>
   *
   * No point is near a limit, none outside, no run (points on the mean break every run), no trend
   * (rises of 2 points at most). The last step is a fall (12 to 11), so a rise appended after it
   * starts a new trend at point 11 (value 11).
   */
  static final List<Double> BASELINE =
      List.of(10.0, 11.0, 12.0, 11.0, 10.0, 11.0, 12.0, 11.0, 10.0, 11.0, 12.0, 11.0);

  /** The baseline followed by {@code more}, judged against the baseline's limits. */
  static XmrResult afterBaseline(Improvement improvement, Double... more) {
    List<Double> values = new ArrayList<>(BASELINE);
    values.addAll(Arrays.asList(more));
    return XmrAnalysis.analyse(values, improvement, null, XmrOptions.baseline(12));
  }

  static List<Variation> variations(XmrResult result, int from) {
    return result.points().subList(from, result.points().size()).stream()
        .map(XmrPoint::variation)
        .toList();
  }

  static List<SpecialCauseRule> rules(XmrResult result, int from) {
    return result.points().subList(from, result.points().size()).stream()
        .map(XmrPoint::rule)
        .toList();
  }

  @Test
  void computesMeanMovingRangeAndLimitsOfTheHandWorkedSeries() {
    XmrResult result = XmrAnalysis.analyse(BASELINE, INCREASE, null);

    XmrLimits limits = result.currentLimits();
    assertThat(result.ruleSet()).isEqualTo("making-data-count");
    assertThat(limits.mean()).isEqualTo(11.0);
    assertThat(limits.meanMovingRange()).isEqualTo(1.0);
    assertThat(limits.upperProcessLimit()).isEqualTo(13.66);
    assertThat(limits.lowerProcessLimit()).isEqualTo(8.34);
    assertThat(limits.upperNearLimit()).isEqualTo(12.773);
    assertThat(limits.lowerNearLimit()).isEqualTo(9.227);
    assertThat(limits.firstPoint()).isZero();
    assertThat(limits.lastPoint()).isEqualTo(11);
    assertThat(limits.baselinePoints()).isEqualTo(12);
    assertThat(limits.trial()).isFalse();
    assertThat(result.points()).extracting(XmrPoint::value).containsExactlyElementsOf(BASELINE);
    assertThat(result.points()).allMatch(p -> p.variation() == COMMON_CAUSE && p.rule() == null);
    assertThat(result.points()).allMatch(p -> p.segment() == 0);
    assertThat(result.variation()).isEqualTo(COMMON_CAUSE);
    assertThat(result.assurance()).isNull();
  }

  @Test
  void movingRangesAreAbsoluteAndAveragedOverOneFewerThanThePoints() {
    // 4 8 6: moving ranges |8-4| = 4, |6-8| = 2; MR-bar = 6 / 2 = 3; mean = 18 / 3 = 6
    // limits 6 +/- 2.66 x 3 = 6 +/- 7.98: 13.98 and -1.98; near 6 +/- 5.319: 11.319 and 0.681
    XmrLimits limits = XmrAnalysis.analyse(List.of(4.0, 8.0, 6.0), INCREASE, null).currentLimits();

    assertThat(limits.mean()).isEqualTo(6.0);
    assertThat(limits.meanMovingRange()).isEqualTo(3.0);
    assertThat(limits.upperProcessLimit()).isEqualTo(13.98);
    assertThat(limits.lowerProcessLimit()).isEqualTo(-1.98);
    assertThat(limits.upperNearLimit()).isEqualTo(11.319);
    assertThat(limits.lowerNearLimit()).isEqualTo(0.681);
  }

  @Test
  void limitsAreTrialBelowTwelvePoints() {
    assertThat(XmrAnalysis.analyse(BASELINE.subList(0, 11), INCREASE, null).currentLimits().trial())
        .isTrue();
    assertThat(XmrAnalysis.analyse(BASELINE, INCREASE, null).currentLimits().trial()).isFalse();
    assertThat(XmrAnalysis.analyse(BASELINE, INCREASE, null, XmrOptions.baseline(11)))
        .extracting(r -> r.currentLimits().trial())
        .isEqualTo(true);
  }

  @Test
  void onlyCommonCauseIsNotASpecialCause() {
    assertThat(COMMON_CAUSE.isSpecialCause()).isFalse();
    assertThat(SPECIAL_CAUSE_IMPROVEMENT.isSpecialCause()).isTrue();
    assertThat(SPECIAL_CAUSE_CONCERN.isSpecialCause()).isTrue();
    assertThat(SPECIAL_CAUSE_NEUTRAL.isSpecialCause()).isTrue();
  }

  @Test
  void aConstantSeriesIsCommonCauseThroughout() {
    // mean 5, every moving range 0, so both limits and near limits are 5; no point is beyond
    // them, every point is on the mean (no run) and every step is a tie (no trend).
    XmrResult result =
        XmrAnalysis.analyse(List.of(5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0), INCREASE, 5.0);

    assertThat(result.currentLimits().upperProcessLimit()).isEqualTo(5.0);
    assertThat(result.currentLimits().lowerProcessLimit()).isEqualTo(5.0);
    assertThat(result.points()).allMatch(p -> p.variation() == COMMON_CAUSE);
    assertThat(result.assurance()).isEqualTo(Assurance.HIT_AND_MISS);
  }

  @Nested
  class OutsideTheLimits {

    @Test
    void aPointOnTheUpperLimitIsNotOutsideIt() {
      // 13.66 = 11 + 2.66 x 1 exactly
      XmrResult result = afterBaseline(INCREASE, 13.66);
      assertThat(variations(result, 12)).containsExactly(COMMON_CAUSE);
    }

    @Test
    void aPointAboveTheUpperLimitIsSpecialCauseOnItsSide() {
      assertThat(variations(afterBaseline(INCREASE, 13.67), 12))
          .containsExactly(SPECIAL_CAUSE_IMPROVEMENT);
      assertThat(variations(afterBaseline(DECREASE, 13.67), 12))
          .containsExactly(SPECIAL_CAUSE_CONCERN);
      assertThat(rules(afterBaseline(DECREASE, 13.67), 12)).containsExactly(OUTSIDE_LIMITS);
    }

    @Test
    void aPointOnTheLowerLimitIsNotOutsideItOneBelowIs() {
      // 8.34 = 11 - 2.66 x 1 exactly
      assertThat(variations(afterBaseline(DECREASE, 8.34), 12)).containsExactly(COMMON_CAUSE);
      assertThat(variations(afterBaseline(DECREASE, 8.33), 12))
          .containsExactly(SPECIAL_CAUSE_IMPROVEMENT);
      assertThat(variations(afterBaseline(INCREASE, 8.33), 12))
          .containsExactly(SPECIAL_CAUSE_CONCERN);
    }

    @Test
    void withoutADirectionASpecialCauseIsNeutral() {
      XmrResult result = afterBaseline(NEITHER, 13.67);
      assertThat(variations(result, 12)).containsExactly(SPECIAL_CAUSE_NEUTRAL);
      assertThat(result.variation()).isEqualTo(SPECIAL_CAUSE_NEUTRAL);
    }
  }

  @Nested
  class TwoOfThreeNearALimit {

    @Test
    void twoOfThreeBeyondTheNearLimitAllAboveTheMeanFlagTheNearOnes() {
      // near line 12.773; 12.774 is beyond it, 11.5 above the mean but not near
      XmrResult result = afterBaseline(INCREASE, 12.774, 11.5, 12.774);
      assertThat(variations(result, 12))
          .containsExactly(SPECIAL_CAUSE_IMPROVEMENT, COMMON_CAUSE, SPECIAL_CAUSE_IMPROVEMENT);
      assertThat(rules(result, 12))
          .containsExactly(TWO_OF_THREE_NEAR_LIMIT, null, TWO_OF_THREE_NEAR_LIMIT);
    }

    @Test
    void pointsOnTheNearLimitAreNotNearIt() {
      XmrResult result = afterBaseline(INCREASE, 12.773, 12.774, 12.5);
      assertThat(variations(result, 12)).containsOnly(COMMON_CAUSE);
    }

    @Test
    void aThirdPointOnTheOtherSideOfTheMeanBreaksIt() {
      XmrResult result = afterBaseline(INCREASE, 12.774, 10.5, 12.774);
      assertThat(variations(result, 12)).containsOnly(COMMON_CAUSE);
    }

    @Test
    void aThirdPointOnTheMeanBreaksIt() {
      XmrResult result = afterBaseline(INCREASE, 12.774, 11.0, 12.774);
      assertThat(variations(result, 12)).containsOnly(COMMON_CAUSE);
    }

    @Test
    void belowTheLowerNearLimitCounts() {
      // lower near line 9.227; 9.226 beyond it; 10 below the mean
      XmrResult result = afterBaseline(DECREASE, 9.226, 10.0, 9.226);
      assertThat(variations(result, 12))
          .containsExactly(SPECIAL_CAUSE_IMPROVEMENT, COMMON_CAUSE, SPECIAL_CAUSE_IMPROVEMENT);
      assertThat(variations(afterBaseline(DECREASE, 9.227, 10.0, 9.226), 12))
          .containsOnly(COMMON_CAUSE);
    }

    @Test
    void aPointBeyondAProcessLimitCountsAsNearOne() {
      // 13.67 is outside (that rule wins for it) and makes 12.774 the second of 3 near or beyond
      XmrResult result = afterBaseline(INCREASE, 13.67, 12.774, 11.5);
      assertThat(rules(result, 12)).containsExactly(OUTSIDE_LIMITS, TWO_OF_THREE_NEAR_LIMIT, null);
    }
  }

  @Nested
  class RunOnOneSideOfTheMean {

    @Test
    void sixPointsAboveTheMeanAreCommonCause() {
      XmrResult result = afterBaseline(DECREASE, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5);
      assertThat(variations(result, 12)).containsOnly(COMMON_CAUSE);
    }

    @Test
    void sevenPointsAboveTheMeanAreSpecialCauseAllOfThem() {
      XmrResult result = afterBaseline(DECREASE, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5, 11.5);
      assertThat(variations(result, 12)).hasSize(7).containsOnly(SPECIAL_CAUSE_CONCERN);
      assertThat(rules(result, 12)).containsOnly(RUN_ON_ONE_SIDE);
      assertThat(result.points().get(11).variation()).isEqualTo(COMMON_CAUSE);
    }

    @Test
    void sevenPointsBelowTheMeanPointDown() {
      XmrResult result = afterBaseline(DECREASE, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5);
      assertThat(variations(result, 12)).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);
    }

    @Test
    void aPointOnTheMeanBreaksTheRun() {
      XmrResult result = afterBaseline(DECREASE, 11.5, 11.5, 11.5, 11.0, 11.5, 11.5, 11.5, 11.5);
      assertThat(variations(result, 12)).containsOnly(COMMON_CAUSE);
    }

    @Test
    void twoOfThreeOutranksTheRunForTheRuleNamed() {
      XmrResult result = afterBaseline(INCREASE, 12.774, 12.774, 11.5, 11.5, 11.5, 11.5, 11.5);
      assertThat(rules(result, 12))
          .containsExactly(
              TWO_OF_THREE_NEAR_LIMIT,
              TWO_OF_THREE_NEAR_LIMIT,
              RUN_ON_ONE_SIDE,
              RUN_ON_ONE_SIDE,
              RUN_ON_ONE_SIDE,
              RUN_ON_ONE_SIDE,
              RUN_ON_ONE_SIDE);
    }
  }

  @Nested
  class Trend {

    @Test
    void sixRisingPointsAreCommonCause() {
      // 11 (the baseline's last point) then 11.1 .. 11.5: 6 points rising
      XmrResult result = afterBaseline(DECREASE, 11.1, 11.2, 11.3, 11.4, 11.5);
      assertThat(variations(result, 11)).containsOnly(COMMON_CAUSE);
    }

    @Test
    void sevenRisingPointsAreATrendIncludingOneOnTheMean() {
      // 11 then 11.1 .. 11.6: 7 points rising, only 6 above the mean (no run)
      XmrResult result = afterBaseline(DECREASE, 11.1, 11.2, 11.3, 11.4, 11.5, 11.6);
      assertThat(variations(result, 11)).hasSize(7).containsOnly(SPECIAL_CAUSE_CONCERN);
      assertThat(rules(result, 11)).containsOnly(TREND);
      assertThat(result.points().get(10).variation()).isEqualTo(COMMON_CAUSE);
    }

    @Test
    void aTieBreaksTheTrend() {
      // 11 11.1 11.2 | 11.2 11.3 11.4 11.5 11.6: 3 rising, a tie, then 5 rising
      XmrResult result = afterBaseline(DECREASE, 11.1, 11.2, 11.2, 11.3, 11.4, 11.5, 11.6);
      assertThat(rules(result, 11)).doesNotContain(TREND);
    }

    @Test
    void aRisingTrendThatStartsBelowTheMeanIsAnImprovementThroughoutWhenHigherIsBetter() {
      // 11 falls to 10.5, then 10.5 .. 11.1 rise over 7 points; 5 of them below the mean
      XmrResult result = afterBaseline(INCREASE, 10.5, 10.6, 10.7, 10.8, 10.9, 11.0, 11.1);
      assertThat(variations(result, 12)).hasSize(7).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);
    }

    @Test
    void aFallingTrendPointsDown() {
      // 11 then 10.9 .. 10.4: 7 points falling
      XmrResult result = afterBaseline(INCREASE, 10.9, 10.8, 10.7, 10.6, 10.5, 10.4);
      assertThat(variations(result, 11)).hasSize(7).containsOnly(SPECIAL_CAUSE_CONCERN);
    }

    @Test
    void theTurningPointOfARiseAndAFallTakesTheLaterTrend() {
      // rise 11 .. 11.6 (points 11-17), fall 11.6 .. 11.0 (points 17-23)
      XmrResult result =
          afterBaseline(
              INCREASE, 11.1, 11.2, 11.3, 11.4, 11.5, 11.6, 11.5, 11.4, 11.3, 11.2, 11.1, 11.0);
      List<Variation> variations = variations(result, 11);
      assertThat(variations.subList(0, 6)).containsOnly(SPECIAL_CAUSE_IMPROVEMENT);
      assertThat(variations.subList(6, 13)).containsOnly(SPECIAL_CAUSE_CONCERN);
    }

    @Test
    void outsideALimitOutranksTheTrendAndTheTrendOutranksTwoOfThree() {
      // 11 falls to 8.0, then 8.0 .. 10.9 rise over 7 points. 8.0 is below 8.34 (outside, down);
      // 8.0, 8.5, 9.0 are all beyond the near line 9.227 (2 of 3, down) but part of the rise (up).
      XmrResult result = afterBaseline(INCREASE, 8.0, 8.5, 9.0, 9.5, 10.0, 10.5, 10.9);
      assertThat(rules(result, 12))
          .containsExactly(OUTSIDE_LIMITS, TREND, TREND, TREND, TREND, TREND, TREND);
      assertThat(variations(result, 12))
          .containsExactly(
              SPECIAL_CAUSE_CONCERN,
              SPECIAL_CAUSE_IMPROVEMENT,
              SPECIAL_CAUSE_IMPROVEMENT,
              SPECIAL_CAUSE_IMPROVEMENT,
              SPECIAL_CAUSE_IMPROVEMENT,
              SPECIAL_CAUSE_IMPROVEMENT,
              SPECIAL_CAUSE_IMPROVEMENT);
    }
  }

  @Nested
  class Assurances {

    XmrResult withTarget(Improvement improvement, Double target) {
      return XmrAnalysis.analyse(BASELINE, improvement, target);
    }

    @Test
    void aTargetAboveTheUpperLimitIsNeverMetWhenHigherIsBetterAndAlwaysWhenLowerIs() {
      assertThat(withTarget(INCREASE, 13.67).assurance()).isEqualTo(Assurance.CONSISTENTLY_FAIL);
      assertThat(withTarget(DECREASE, 13.67).assurance()).isEqualTo(Assurance.CONSISTENTLY_PASS);
    }

    @Test
    void aTargetBelowTheLowerLimitIsAlwaysMetWhenHigherIsBetterAndNeverWhenLowerIs() {
      assertThat(withTarget(INCREASE, 8.33).assurance()).isEqualTo(Assurance.CONSISTENTLY_PASS);
      assertThat(withTarget(DECREASE, 8.33).assurance()).isEqualTo(Assurance.CONSISTENTLY_FAIL);
    }

    @Test
    void aTargetOnOrBetweenTheLimitsIsHitAndMiss() {
      assertThat(withTarget(INCREASE, 13.66).assurance()).isEqualTo(Assurance.HIT_AND_MISS);
      assertThat(withTarget(DECREASE, 8.34).assurance()).isEqualTo(Assurance.HIT_AND_MISS);
      assertThat(withTarget(INCREASE, 11.0).assurance()).isEqualTo(Assurance.HIT_AND_MISS);
    }

    @Test
    void noTargetOrNoDirectionGivesNoAssurance() {
      assertThat(withTarget(INCREASE, null).assurance()).isNull();
      assertThat(withTarget(NEITHER, 20.0).assurance()).isNull();
    }
  }

  @Nested
  class BaselinesAndRebasing {

    @Test
    void laterPointsAreJudgedAgainstTheBaselineLimits() {
      XmrResult result = afterBaseline(INCREASE, 13.67);
      assertThat(result.currentLimits().mean()).isEqualTo(11.0);
      assertThat(result.currentLimits().baselinePoints()).isEqualTo(12);
      assertThat(result.currentLimits().lastPoint()).isEqualTo(12);
      assertThat(result.variation()).isEqualTo(SPECIAL_CAUSE_IMPROVEMENT);
    }

    @Test
    void aBaselineLongerThanTheSeriesUsesEveryPoint() {
      XmrResult result =
          XmrAnalysis.analyse(BASELINE.subList(0, 4), INCREASE, null, XmrOptions.baseline(12));
      assertThat(result.currentLimits().baselinePoints()).isEqualTo(4);
      // 10 11 12 11: mean 44 / 4 = 11, MR-bar (1 + 1 + 1) / 3 = 1
      assertThat(result.currentLimits().mean()).isEqualTo(11.0);
      assertThat(result.currentLimits().meanMovingRange()).isEqualTo(1.0);
    }

    @Test
    void rebasingStartsNewLimitsAtTheGivenPoint() {
      // the baseline, then the baseline raised by 5 (mean 16, MR-bar 1). Unbroken, all 24 points
      // share a mean of 13.5 and the first 12 form a run below it; rebased at 12, each half is
      // common cause about its own mean.
      List<Double> values = new ArrayList<>(BASELINE);
      BASELINE.forEach(v -> values.add(v + 5));

      XmrResult unbroken = XmrAnalysis.analyse(values, DECREASE, null);
      XmrResult rebased = XmrAnalysis.analyse(values, DECREASE, null, XmrOptions.rebasedAt(12));

      assertThat(unbroken.currentLimits().mean()).isEqualTo(13.5);
      assertThat(unbroken.points().subList(0, 12))
          .allMatch(p -> p.variation() == SPECIAL_CAUSE_IMPROVEMENT);
      assertThat(rebased.segments()).hasSize(2);
      assertThat(rebased.segments().get(0).mean()).isEqualTo(11.0);
      assertThat(rebased.segments().get(1).mean()).isEqualTo(16.0);
      assertThat(rebased.segments().get(1).firstPoint()).isEqualTo(12);
      assertThat(rebased.segments().get(1).lastPoint()).isEqualTo(23);
      assertThat(rebased.segments().get(1).upperProcessLimit()).isEqualTo(18.66);
      assertThat(rebased.points()).allMatch(p -> p.variation() == COMMON_CAUSE);
      assertThat(rebased.points().get(11).segment()).isZero();
      assertThat(rebased.points().get(12).segment()).isEqualTo(1);
      assertThat(rebased.currentLimits().mean()).isEqualTo(16.0);
    }

    @Test
    void assuranceUsesTheCurrentLimits() {
      List<Double> values = new ArrayList<>(BASELINE);
      BASELINE.forEach(v -> values.add(v + 5));
      // current limits 16 +/- 2.66: 13.34 .. 18.66; 13.5 lies inside them (first limits: above)
      XmrResult rebased = XmrAnalysis.analyse(values, INCREASE, 13.5, XmrOptions.rebasedAt(12));
      assertThat(rebased.assurance()).isEqualTo(Assurance.HIT_AND_MISS);
    }
  }

  @Nested
  class BadSeries {

    @Test
    void refusesAnEmptyOrMissingSeries() {
      assertThatThrownBy(() -> XmrAnalysis.analyse(List.of(), INCREASE, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("empty");
      assertThatThrownBy(() -> XmrAnalysis.analyse(null, INCREASE, null))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMissingOrNonFiniteValue() {
      assertThatThrownBy(() -> XmrAnalysis.analyse(Arrays.asList(1.0, null), INCREASE, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("value 1");
      assertThatThrownBy(() -> XmrAnalysis.analyse(List.of(1.0, Double.NaN), INCREASE, null))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () -> XmrAnalysis.analyse(List.of(Double.POSITIVE_INFINITY, 1.0), INCREASE, null))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesASinglePointWhichHasNoMovingRange() {
      assertThatThrownBy(() -> XmrAnalysis.analyse(List.of(1.0), INCREASE, null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("fewer than 2");
    }

    @Test
    void refusesAMissingImprovement() {
      assertThatThrownBy(() -> XmrAnalysis.analyse(BASELINE, null, null))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesRebasePointsOutOfOrderOrRangeOrLeavingASinglePoint() {
      assertThatThrownBy(
              () -> XmrAnalysis.analyse(BASELINE, INCREASE, null, XmrOptions.rebasedAt(0)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rebase point 0 must follow 0");
      assertThatThrownBy(
              () -> XmrAnalysis.analyse(BASELINE, INCREASE, null, XmrOptions.rebasedAt(12)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rebase point 12");
      assertThatThrownBy(
              () -> XmrAnalysis.analyse(BASELINE, INCREASE, null, XmrOptions.rebasedAt(6, 6)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rebase point 6 must follow 6");
      assertThatThrownBy(
              () -> XmrAnalysis.analyse(BASELINE, INCREASE, null, XmrOptions.rebasedAt(11)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("point 11 has fewer than 2");
      assertThat(XmrAnalysis.analyse(BASELINE, INCREASE, null, XmrOptions.rebasedAt(10)).segments())
          .hasSize(2);
    }

    @Test
    void refusesABaselineOfOnePoint() {
      assertThatThrownBy(() -> XmrOptions.baseline(1)).isInstanceOf(IllegalArgumentException.class);
      assertThat(XmrOptions.baseline(2).baselinePoints()).isEqualTo(2);
    }
  }
}
