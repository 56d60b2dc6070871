package org.mhaqi.evaluation.analysis.spc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mhaqi.local.DemoReturns;
import org.mhaqi.local.DemoReturnsLoader;

/**
 * Feeds the demo's returns (local-platform's {@link DemoReturns}, which cannot depend on
 * evaluation-service) through the same XmR rules the reports use, with the catalogue's directions,
 * the demo's targets and the baseline the loader records for each improving service's restrictive
 * interventions, to show which Making Data Count icons the demo's service reports show.
 */
class DemoIconsTest {

  static final YearMonth FIRST = YearMonth.of(2025, 4);

  /**
   * The catalogue's direction of each measure the demo returns (V20__measure_catalogue.sql,
   * V70__bed_occupancy_measure.sql).
   */
  static final Map<String, Improvement> DIRECTIONS =
      Map.of(
          "RESTRICTIVE_INTERVENTIONS", Improvement.DECREASE,
          "DETENTIONS", Improvement.DECREASE,
          "ASSAULTS_ON_STAFF", Improvement.DECREASE,
          "CARE_PLANS_CO_PRODUCED", Improvement.INCREASE,
          "BED_OCCUPANCY", Improvement.NEITHER);

  /** Each measure's unit: per 1,000 bed days or a percentage. */
  static final Map<String, Double> SCALE =
      Map.of(
          "RESTRICTIVE_INTERVENTIONS",
          1000.0,
          "DETENTIONS",
          100.0,
          "ASSAULTS_ON_STAFF",
          1000.0,
          "CARE_PLANS_CO_PRODUCED",
          100.0,
          "BED_OCCUPANCY",
          100.0);

  /** The month-by-month figure of a measure across every ethnic group, as the reports sum it. */
  static List<Double> series(List<DemoReturns.Row> rows, String code) {
    Map<YearMonth, long[]> sums = new LinkedHashMap<>();
    for (DemoReturns.Row r : rows) {
      if (r.measureCode().equals(code)) {
        long[] sum = sums.computeIfAbsent(r.month(), m -> new long[2]);
        sum[0] += r.numerator();
        sum[1] += r.denominator();
      }
    }
    List<Double> values = new ArrayList<>();
    sums.values().forEach(s -> values.add(s[0] * SCALE.get(code) / s[1]));
    return values;
  }

  static XmrResult analyse(int service, String code) {
    List<DemoReturns.Row> rows = DemoReturns.year(service, FIRST);
    XmrOptions options =
        DemoReturns.improves(service) && code.equals("RESTRICTIVE_INTERVENTIONS")
            ? XmrOptions.baseline(DemoReturns.BASELINE_MONTHS)
            : XmrOptions.DEFAULT;
    return XmrAnalysis.analyse(
        series(rows, code), DIRECTIONS.get(code), DemoReturnsLoader.TARGETS.get(code), options);
  }

  /**
   * The six wards the demo (and ReportsIT) loads: every variation icon, "neither-high" and
   * "neither-low" from bed occupancy (no direction of improvement), and every assurance icon.
   */
  @Test
  void theDemosWardsShowEveryIcon() {
    Set<String> variation = new TreeSet<>();
    Set<String> assurance = new TreeSet<>();
    for (int service = 0; service < 6; service++) {
      for (String code : DIRECTIONS.keySet()) {
        XmrResult result = analyse(service, code);
        variation.add(result.variationIcon().wireName());
        if (result.assuranceIcon() != null) {
          assurance.add(result.assuranceIcon().wireName());
        }
      }
    }
    assertThat(variation)
        .containsExactly(
            "common-cause",
            "concern-high",
            "concern-low",
            "improvement-high",
            "improvement-low",
            "neither-high",
            "neither-low");
    assertThat(assurance).containsExactly("fail", "hit-and-miss", "pass");
  }

  @Test
  void eachConcernAndImprovementIsWhereTheDemoPutsIt() {
    assertThat(analyse(0, "RESTRICTIVE_INTERVENTIONS").variationIcon())
        .as("the first improving ward's restraint falls after its baseline")
        .isEqualTo(VariationIcon.IMPROVEMENT_LOW);
    assertThat(analyse(3, "CARE_PLANS_CO_PRODUCED").variationIcon())
        .as("an improving ward co-produces more care plans")
        .isEqualTo(VariationIcon.IMPROVEMENT_HIGH);
    assertThat(analyse(4, "DETENTIONS").variationIcon())
        .as("the fifth ward's detentions rise late")
        .isEqualTo(VariationIcon.CONCERN_HIGH);
    assertThat(analyse(2, "CARE_PLANS_CO_PRODUCED").variationIcon())
        .as("the third ward co-produces fewer care plans late")
        .isEqualTo(VariationIcon.CONCERN_LOW);
    assertThat(analyse(1, "ASSAULTS_ON_STAFF").variationIcon())
        .isEqualTo(VariationIcon.COMMON_CAUSE);
    assertThat(analyse(1, "BED_OCCUPANCY").variationIcon())
        .as("the second ward runs nearly full late")
        .isEqualTo(VariationIcon.NEITHER_HIGH);
    assertThat(analyse(5, "BED_OCCUPANCY").variationIcon())
        .as("the sixth ward runs emptier late")
        .isEqualTo(VariationIcon.NEITHER_LOW);
    assertThat(analyse(1, "BED_OCCUPANCY").assuranceIcon())
        .as("no target, no assurance, for a measure with no better side")
        .isNull();
  }
}
