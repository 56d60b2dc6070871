package org.mhaqi.evaluation.analysis.spc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.evaluation.analysis.spc.Improvement.DECREASE;
import static org.mhaqi.evaluation.analysis.spc.Improvement.INCREASE;
import static org.mhaqi.evaluation.analysis.spc.Improvement.NEITHER;
import static org.mhaqi.evaluation.analysis.spc.XmrAnalysisTest.BASELINE;
import static org.mhaqi.evaluation.analysis.spc.XmrAnalysisTest.afterBaseline;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Making Data Count's icons on hand-worked series. Every series after the baseline of {@link
 * XmrAnalysisTest#BASELINE} is judged against its limits: mean 11, process limits 8.34 and 13.66,
 * near lines 9.227 and 12.773; its last step is a fall (12 to 11).
 */
class IconsTest {

  @Nested
  class VariationIcons {

    @Test
    void aSeriesWhoseLastPointIsCommonCauseShowsCommonCause() {
      assertThat(XmrAnalysis.analyse(BASELINE, INCREASE, null).variationIcon())
          .isEqualTo(VariationIcon.COMMON_CAUSE);
      assertThat(XmrAnalysis.analyse(BASELINE, NEITHER, null).variationIcon())
          .isEqualTo(VariationIcon.COMMON_CAUSE);
    }

    @Test
    void aPointAboveTheUpperLimitIsHighImprovementWhenHigherIsBetter() {
      // 14 > 13.66
      assertThat(afterBaseline(INCREASE, 14.0).variationIcon())
          .isEqualTo(VariationIcon.IMPROVEMENT_HIGH);
    }

    @Test
    void aPointBelowTheLowerLimitIsLowImprovementWhenLowerIsBetter() {
      // 8 < 8.34
      assertThat(afterBaseline(DECREASE, 8.0).variationIcon())
          .isEqualTo(VariationIcon.IMPROVEMENT_LOW);
    }

    @Test
    void aPointAboveTheUpperLimitIsHighConcernWhenLowerIsBetter() {
      assertThat(afterBaseline(DECREASE, 14.0).variationIcon())
          .isEqualTo(VariationIcon.CONCERN_HIGH);
    }

    @Test
    void aPointBelowTheLowerLimitIsLowConcernWhenHigherIsBetter() {
      assertThat(afterBaseline(INCREASE, 8.0).variationIcon()).isEqualTo(VariationIcon.CONCERN_LOW);
    }

    @Test
    void withoutADirectionASpecialCauseIsNeitherOnItsSide() {
      assertThat(afterBaseline(NEITHER, 14.0).variationIcon())
          .isEqualTo(VariationIcon.NEITHER_HIGH);
      assertThat(afterBaseline(NEITHER, 8.0).variationIcon()).isEqualTo(VariationIcon.NEITHER_LOW);
    }

    @Test
    void onlyTheLastPointCounts() {
      // 14 is outside the limits, then 11 (on the mean) is common cause.
      assertThat(afterBaseline(DECREASE, 14.0, 11.0).variationIcon())
          .isEqualTo(VariationIcon.COMMON_CAUSE);
    }

    @Test
    void aRunOnOneSideShowsThatSide() {
      // 7 points at 10.5 (below 11, above the lower near line 9.227): a run below the mean.
      Double[] below = new Double[7];
      Arrays.fill(below, 10.5);
      XmrResult run = afterBaseline(INCREASE, below);
      assertThat(run.points().get(run.points().size() - 1).rule())
          .isEqualTo(SpecialCauseRule.RUN_ON_ONE_SIDE);
      assertThat(run.variationIcon()).isEqualTo(VariationIcon.CONCERN_LOW);
      Double[] above = new Double[7];
      Arrays.fill(above, 11.5);
      assertThat(afterBaseline(INCREASE, above).variationIcon())
          .isEqualTo(VariationIcon.IMPROVEMENT_HIGH);
      assertThat(afterBaseline(NEITHER, above).variationIcon())
          .isEqualTo(VariationIcon.NEITHER_HIGH);
    }

    @Test
    void twoOfThreeNearTheLowerLimitShowLow() {
      // 9 and 9.1 are below the lower near line 9.227, 10 below the mean: all three below it.
      XmrResult near = afterBaseline(DECREASE, 10.0, 9.0, 9.1);
      assertThat(near.points().get(near.points().size() - 1).rule())
          .isEqualTo(SpecialCauseRule.TWO_OF_THREE_NEAR_LIMIT);
      assertThat(near.variationIcon()).isEqualTo(VariationIcon.IMPROVEMENT_LOW);
    }

    @Test
    void aTrendThatCrossesTheMeanShowsItsDirection() {
      // 9.5 (a fall from 11) then six rises: 7 rising points, from below the mean to above it;
      // none near a limit (9.5 > 9.227, 12.7 < 12.773), no run of 7 on one side.
      XmrResult rising = afterBaseline(INCREASE, 9.5, 10.0, 10.5, 11.5, 12.0, 12.5, 12.7);
      List<XmrPoint> trend = rising.points().subList(12, 19);
      assertThat(trend).allMatch(p -> p.rule() == SpecialCauseRule.TREND && p.direction() == 1);
      assertThat(rising.variationIcon()).isEqualTo(VariationIcon.IMPROVEMENT_HIGH);
      assertThat(afterBaseline(DECREASE, 9.5, 10.0, 10.5, 11.5, 12.0, 12.5, 12.7).variationIcon())
          .isEqualTo(VariationIcon.CONCERN_HIGH);
    }

    @Test
    void aRisingTrendStillBelowTheMeanPointsUpNotToItsSide() {
      // 7 rising points all below the mean: a run below it too, but the trend comes first.
      XmrResult rising = afterBaseline(NEITHER, 9.3, 9.5, 9.7, 9.9, 10.1, 10.3, 10.5);
      assertThat(rising.points().get(18).rule()).isEqualTo(SpecialCauseRule.TREND);
      assertThat(rising.variationIcon()).isEqualTo(VariationIcon.NEITHER_HIGH);
      assertThat(afterBaseline(INCREASE, 9.3, 9.5, 9.7, 9.9, 10.1, 10.3, 10.5).variationIcon())
          .isEqualTo(VariationIcon.IMPROVEMENT_HIGH);
    }

    @Test
    void aFallingTrendPointsDown() {
      XmrResult falling = afterBaseline(NEITHER, 12.5, 12.4, 12.3, 12.2, 12.1, 12.0, 11.9);
      assertThat(falling.points().get(18).rule()).isEqualTo(SpecialCauseRule.TREND);
      assertThat(falling.variationIcon()).isEqualTo(VariationIcon.NEITHER_LOW);
    }

    @Test
    void commonCausePointsNeitherWay() {
      XmrResult result = XmrAnalysis.analyse(BASELINE, INCREASE, null);
      assertThat(result.points()).allMatch(p -> p.direction() == 0);
    }

    @Test
    void onlyIconsOfASpecialCauseAboveTheMeanAreHigh() {
      assertThat(Arrays.stream(VariationIcon.values()).filter(VariationIcon::high))
          .containsExactly(
              VariationIcon.IMPROVEMENT_HIGH,
              VariationIcon.CONCERN_HIGH,
              VariationIcon.NEITHER_HIGH);
    }

    @Test
    void areSpeltAsMakingDataCountNamesThem() {
      assertThat(Arrays.stream(VariationIcon.values()).map(VariationIcon::wireName))
          .containsExactly(
              "common-cause",
              "improvement-high",
              "improvement-low",
              "concern-high",
              "concern-low",
              "neither-high",
              "neither-low");
    }
  }

  @Nested
  class AssuranceIcons {

    private XmrResult withTarget(Improvement improvement, Double target) {
      return XmrAnalysis.analyse(BASELINE, improvement, target);
    }

    @Test
    void aTargetTheProcessAlwaysMeetsIsAPass() {
      // Lower is better and the target 13.67 lies above the upper limit 13.66.
      assertThat(withTarget(DECREASE, 13.67).assuranceIcon()).isEqualTo(AssuranceIcon.PASS);
      // Higher is better and the target 8.33 lies below the lower limit 8.34.
      assertThat(withTarget(INCREASE, 8.33).assuranceIcon()).isEqualTo(AssuranceIcon.PASS);
    }

    @Test
    void aTargetTheProcessNeverReachesIsAFail() {
      assertThat(withTarget(INCREASE, 13.67).assuranceIcon()).isEqualTo(AssuranceIcon.FAIL);
      assertThat(withTarget(DECREASE, 8.33).assuranceIcon()).isEqualTo(AssuranceIcon.FAIL);
    }

    @Test
    void aTargetWithinTheLimitsIsHitAndMiss() {
      assertThat(withTarget(INCREASE, 12.0).assuranceIcon()).isEqualTo(AssuranceIcon.HIT_AND_MISS);
      assertThat(withTarget(DECREASE, 13.66).assuranceIcon()).isEqualTo(AssuranceIcon.HIT_AND_MISS);
    }

    @Test
    void noTargetOrNoDirectionHasNoIcon() {
      assertThat(withTarget(INCREASE, null).assuranceIcon()).isNull();
      assertThat(withTarget(NEITHER, 12.0).assuranceIcon()).isNull();
    }

    @Test
    void areSpeltAsMakingDataCountNamesThem() {
      assertThat(Arrays.stream(AssuranceIcon.values()).map(AssuranceIcon::wireName))
          .containsExactly("pass", "fail", "hit-and-miss");
    }
  }
}
