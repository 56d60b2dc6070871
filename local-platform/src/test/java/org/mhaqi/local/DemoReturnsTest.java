package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoReturnsTest {

  static final YearMonth FIRST = YearMonth.of(2025, 11);

  @Test
  void theSameServiceGetsTheSameYearEveryTime() {
    assertThat(DemoReturns.year(4, FIRST)).isEqualTo(DemoReturns.year(4, FIRST));
    assertThat(DemoReturns.year(4, FIRST)).isNotEqualTo(DemoReturns.year(5, FIRST));
  }

  @Test
  void everyThirdServiceImproves() {
    assertThat(DemoReturns.improves(0)).isTrue();
    assertThat(DemoReturns.improves(1)).isFalse();
    assertThat(DemoReturns.improves(2)).isFalse();
    assertThat(DemoReturns.improves(3)).isTrue();
  }

  @Test
  void anImprovingServiceSustainsAFallInRestrictiveInterventionsAfterItsChange() {
    for (int service : List.of(0, 3, 6, 9, 12, 15)) {
      List<Double> rates =
          new ArrayList<>(DemoReturns.restraintRates(DemoReturns.year(service, FIRST)).values());
      double baseline = mean(rates.subList(0, DemoReturns.BASELINE_MONTHS));
      double after = mean(rates.subList(DemoReturns.BASELINE_MONTHS, 12));
      assertThat(after).as("service %d: %s", service, rates).isLessThan(baseline * 0.7);
    }
  }

  @Test
  void theFallIsAMakingDataCountShiftOverTheImprovingServicesAndTheWholeProgramme() {
    List<DemoReturns.Row> improving = new ArrayList<>();
    List<DemoReturns.Row> programme = new ArrayList<>();
    for (int service = 0; service < 45; service++) {
      List<DemoReturns.Row> year = DemoReturns.year(service, FIRST);
      programme.addAll(year);
      if (DemoReturns.improves(service)) {
        improving.addAll(year);
      }
    }
    for (List<DemoReturns.Row> rows : List.of(improving, programme)) {
      List<Double> rates = new ArrayList<>(DemoReturns.restraintRates(rows).values());
      // 7 months in a row below the year's mean, all after the change: Making Data Count's shift.
      double yearMean = mean(rates);
      int longest = 0;
      int run = 0;
      for (double rate : rates.subList(DemoReturns.BASELINE_MONTHS, 12)) {
        run = rate < yearMean ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      assertThat(longest).as("months below the mean of %s", rates).isGreaterThanOrEqualTo(7);
      assertThat(rates.subList(0, DemoReturns.BASELINE_MONTHS)).allMatch(rate -> rate > yearMean);
    }
  }

  @Test
  void otherServicesStayWhereTheyWere() {
    for (int service : List.of(1, 2, 4, 5, 7, 8)) {
      List<Double> rates =
          new ArrayList<>(DemoReturns.restraintRates(DemoReturns.year(service, FIRST)).values());
      double baseline = mean(rates.subList(0, DemoReturns.BASELINE_MONTHS));
      double after = mean(rates.subList(DemoReturns.BASELINE_MONTHS, 12));
      assertThat(after / baseline).as("service %d: %s", service, rates).isBetween(0.7, 1.4);
    }
  }

  @Test
  void bedOccupancyCountsTheOtherMeasuresOccupiedBedDaysAgainstTheBedsOpen() {
    for (int service = 0; service < 6; service++) {
      List<DemoReturns.Row> year = DemoReturns.year(service, FIRST);
      List<DemoReturns.Row> occupancy =
          year.stream().filter(r -> r.measureCode().equals("BED_OCCUPANCY")).toList();
      List<DemoReturns.Row> assaults =
          year.stream().filter(r -> r.measureCode().equals("ASSAULTS_ON_STAFF")).toList();
      assertThat(occupancy).hasSize(12);
      for (int m = 0; m < 12; m++) {
        assertThat(occupancy.get(m).numerator()).isEqualTo(assaults.get(m).denominator());
        assertThat((double) occupancy.get(m).numerator() / occupancy.get(m).denominator())
            .isBetween(0.7, 1.0);
      }
    }
  }

  @Test
  void aYearOfValidAggregateReturnsWithBlackPatientsRestrainedMoreOften() {
    List<DemoReturns.Row> rows = DemoReturns.year(1, FIRST);
    assertThat(rows).extracting(DemoReturns.Row::month).containsOnly(monthsFrom(FIRST));
    assertThat(rows)
        .extracting(DemoReturns.Row::measureCode)
        .containsOnly(
            "RESTRICTIVE_INTERVENTIONS",
            "DETENTIONS",
            "ASSAULTS_ON_STAFF",
            "CARE_PLANS_CO_PRODUCED",
            "BED_OCCUPANCY");
    assertThat(rows).allMatch(r -> r.numerator() >= 0 && r.denominator() > 0);
    assertThat(rows.stream().filter(r -> !r.measureCode().equals("ASSAULTS_ON_STAFF")))
        .allMatch(r -> r.numerator() <= r.denominator());
    long[] white = sum(rows, "A");
    long[] black = sum(rows, "M");
    assertThat((double) black[0] / black[1]).isGreaterThan(1.5 * white[0] / white[1]);
    String csv = DemoReturns.csv(rows);
    assertThat(csv).startsWith("measure_code,month,stratum_code,numerator,denominator\n");
    assertThat(csv.lines()).hasSize(rows.size() + 1);
    DemoReturns.Row first = rows.get(0);
    assertThat(csv.lines().skip(1).findFirst())
        .hasValue(
            "RESTRICTIVE_INTERVENTIONS,2025-11,A," + first.numerator() + "," + first.denominator());
  }

  @Test
  void theTargetsGiveEveryAssuranceVerdictAmongTheFirstDozenWardsWhateverTheMonthTheYearStarts() {
    // Each measure's monthly figure (all strata summed) against its XmR limits, mean +/- 2.66
    // times the mean moving range, from the whole year (an improving ward's restraint: from its
    // baseline months, as its recorded decision fixes them). Lower is better but for care plans
    // co-produced: there a target above the upper limit is always met, below the lower never; for
    // care plans the other way round. Length of stay has a target but no returns.
    for (int start = 1; start <= 12; start++) {
      YearMonth first = YearMonth.of(2025, start);
      java.util.Set<String> verdicts = new java.util.TreeSet<>();
      for (int service = 0; service < 12; service++) {
        List<DemoReturns.Row> year = DemoReturns.year(service, first);
        for (var target : DemoReturnsLoader.TARGETS.entrySet()) {
          List<Double> figures = figures(year, target.getKey());
          if (figures.isEmpty()) {
            continue;
          }
          boolean higherIsBetter = target.getKey().equals("CARE_PLANS_CO_PRODUCED");
          int baseline =
              target.getKey().equals("RESTRICTIVE_INTERVENTIONS") && DemoReturns.improves(service)
                  ? DemoReturns.BASELINE_MONTHS
                  : 12;
          double mean = mean(figures.subList(0, baseline));
          double movingRange = 0;
          for (int i = 1; i < baseline; i++) {
            movingRange += Math.abs(figures.get(i) - figures.get(i - 1));
          }
          double width = 2.66 * movingRange / (baseline - 1);
          double value = target.getValue();
          String above = higherIsBetter ? "fail" : "pass";
          String below = higherIsBetter ? "pass" : "fail";
          verdicts.add(
              value > mean + width ? above : value < mean - width ? below : "hit-and-miss");
        }
      }
      assertThat(verdicts).as("from %s", first).containsExactly("fail", "hit-and-miss", "pass");
    }
  }

  /** A measure's monthly figures: per 1,000 bed days, or detentions and care plans in %. */
  static List<Double> figures(List<DemoReturns.Row> year, String measure) {
    java.util.Map<YearMonth, long[]> sums = new java.util.TreeMap<>();
    for (DemoReturns.Row r : year) {
      if (r.measureCode().equals(measure)) {
        long[] sum = sums.computeIfAbsent(r.month(), m -> new long[2]);
        sum[0] += r.numerator();
        sum[1] += r.denominator();
      }
    }
    double scale =
        measure.equals("DETENTIONS") || measure.equals("CARE_PLANS_CO_PRODUCED") ? 100 : 1000;
    return sums.values().stream().map(c -> c[0] * scale / c[1]).toList();
  }

  @Test
  void poissonDrawsAverageTheirMean() {
    java.util.Random random = new java.util.Random(1);
    long total = 0;
    for (int i = 0; i < 10_000; i++) {
      total += DemoReturns.poisson(random, 6.0);
    }
    assertThat(total / 10_000.0).isBetween(5.8, 6.2);
    assertThat(DemoReturns.poisson(random, 0.0)).isZero();
  }

  static YearMonth[] monthsFrom(YearMonth first) {
    YearMonth[] months = new YearMonth[12];
    for (int i = 0; i < 12; i++) {
      months[i] = first.plusMonths(i);
    }
    return months;
  }

  static long[] sum(List<DemoReturns.Row> rows, String stratum) {
    long[] s = new long[2];
    rows.stream()
        .filter(r -> r.measureCode().equals("RESTRICTIVE_INTERVENTIONS"))
        .filter(r -> r.stratumCode().equals(stratum))
        .forEach(
            r -> {
              s[0] += r.numerator();
              s[1] += r.denominator();
            });
    return s;
  }

  static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
