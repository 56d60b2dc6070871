package org.mhaqi.evaluation.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.measure.Measure.Improvement;
import org.mhaqi.evaluation.measure.Measure.Stratification;
import org.mhaqi.evaluation.measure.Measure.Type;
import org.mhaqi.evaluation.measure.Measure.Unit;

class MeasureTest {

  static Measure measure(Stratification stratification) {
    return new Measure(
        "M",
        "name",
        "description",
        Type.OUTCOME,
        Unit.PERCENTAGE,
        Improvement.INCREASE,
        stratification,
        "numerator",
        "denominator");
  }

  @Test
  void theDataDictionaryCodesMapToTheirGroups() {
    Map<EthnicGroup, String> codes =
        Arrays.stream(EthnicCategory.values())
            .collect(
                Collectors.groupingBy(
                    EthnicCategory::group,
                    Collectors.mapping(EthnicCategory::code, Collectors.joining(","))));

    assertThat(codes)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                EthnicGroup.WHITE, "A,B,C",
                EthnicGroup.MIXED, "D,E,F,G",
                EthnicGroup.ASIAN_OR_ASIAN_BRITISH, "H,J,K,L",
                EthnicGroup.BLACK_OR_BLACK_BRITISH, "M,N,P",
                EthnicGroup.OTHER, "R,S",
                EthnicGroup.NOT_STATED_OR_KNOWN, "Z,99"));
  }

  @Test
  void codesAreLookedUpExactly() {
    assertThat(EthnicCategory.ofCode("99")).contains(EthnicCategory.NOT_KNOWN);
    assertThat(EthnicCategory.ofCode("M")).contains(EthnicCategory.M);
    assertThat(EthnicCategory.ofCode("m")).isEmpty();
    assertThat(EthnicCategory.ofCode("I")).isEmpty();
    assertThat(EthnicCategory.ofCode("NOT_KNOWN")).isEmpty();
    assertThat(EthnicCategory.ofCode(null)).isEmpty();
    assertThat(EthnicCategory.M.description()).isEqualTo("Caribbean");
    assertThat(EthnicGroup.BLACK_OR_BLACK_BRITISH.label()).isEqualTo("Black or Black British");
  }

  @Test
  void aStratifiedMeasureTakesTheEthnicCategoryCodesOnly() {
    Measure m = measure(Stratification.ETHNIC_CATEGORY);

    assertThat(m.acceptsStratum("A")).isTrue();
    assertThat(m.acceptsStratum("99")).isTrue();
    assertThat(m.acceptsStratum(Measure.WHOLE_SERVICE)).isFalse();
    assertThat(m.stratumCodes()).hasSize(18).startsWith("A", "B").endsWith("Z", "99");
  }

  @Test
  void anUnstratifiedMeasureTakesTheWholeServiceOnly() {
    Measure m = measure(Stratification.NONE);

    assertThat(m.acceptsStratum("ALL")).isTrue();
    assertThat(m.acceptsStratum("A")).isFalse();
    assertThat(m.stratumCodes()).containsExactly("ALL");
  }

  @Test
  void onlyAMeanOfDaysMayHaveItsNumeratorAboveItsDenominator() {
    assertThat(Unit.MEAN_DAYS.numeratorAtMostDenominator()).isFalse();
    assertThat(Unit.PERCENTAGE.numeratorAtMostDenominator()).isTrue();
    assertThat(Unit.RATE_PER_1000_OCCUPIED_BED_DAYS.numeratorAtMostDenominator()).isTrue();
    assertThat(Unit.COUNT.numeratorAtMostDenominator()).isTrue();
  }

  @Test
  void eachUnitMakesItsFigure() {
    // 7 restraints over 350 bed days = 20 per 1,000; 7 of 28 admissions = 25%;
    // 350 days over 28 discharges = 12.5 days; a count is itself.
    assertThat(Unit.RATE_PER_1000_OCCUPIED_BED_DAYS.figure(7, 350)).hasValue(20.0);
    assertThat(Unit.PERCENTAGE.figure(7, 28)).hasValue(25.0);
    assertThat(Unit.MEAN_DAYS.figure(350, 28)).hasValue(12.5);
    assertThat(Unit.COUNT.figure(7, 0)).hasValue(7.0);
  }

  @Test
  void noDenominatorNoFigureExceptForACount() {
    assertThat(Unit.RATE_PER_1000_OCCUPIED_BED_DAYS.figure(0, 0)).isEmpty();
    assertThat(Unit.PERCENTAGE.figure(0, 0)).isEmpty();
    assertThat(Unit.MEAN_DAYS.figure(0, 0)).isEmpty();
    assertThat(Unit.COUNT.figure(0, 0)).hasValue(0.0);
  }
}
