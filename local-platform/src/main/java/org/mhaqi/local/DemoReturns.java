package org.mhaqi.local;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates the demo's monthly returns, deterministically (a fixed seed per service): a year of
 * restrictive interventions and detentions by ethnic category and assaults on staff, for a ward of
 * about 20 beds. Black patients are restrained and detained more often than White ones (the
 * inequality the programme exists for). In every {@value #IMPROVING_EVERY}rd service a change idea
 * is adopted after {@value #BASELINE_MONTHS} months of baseline and restrictive interventions fall
 * by {@value #FALL_PERCENT}% for the rest of the year, a sustained fall that the SPC charts show,
 * while the share of care plans co-produced with the patient rises. So that the reports show every
 * Making Data Count variation icon a measure with a direction can have, two wards go wrong in the
 * last {@value #LATE_MONTHS} months: in the {@value #RISING_DETENTIONS_AT}th of every {@value
 * #WARDS}, detentions rise (a concern, high); in the {@value #FALLING_CARE_PLANS_AT}rd, fewer care
 * plans are co-produced (a concern, low). Bed occupancy, a balancing measure with no better
 * direction, shifts in two others over the same months (Making Data Count's "neither" icons): the
 * {@value #FULLER_AT}nd of every {@value #WARDS} runs nearly full (neither, high) and the {@value
 * #EMPTIER_AT}th runs emptier than usual (neither, low).
 */
public final class DemoReturns {

  /** Of the services in loading order, the first, the fourth, ... improve. */
  static final int IMPROVING_EVERY = 3;

  /** Months of baseline before the change idea takes effect. */
  public static final int BASELINE_MONTHS = 4;

  /** How much restrictive interventions fall once the change is in place. */
  static final int FALL_PERCENT = 60;

  static final long SEED = 20240401L;

  /** Care plans draw from their own seed, so adding them left the other measures' numbers alone. */
  static final long CARE_PLAN_SEED = 20250401L;

  /** The wards' pattern of concerns repeats every this many services in loading order. */
  static final int WARDS = 6;

  /** The position (0-based, modulo {@link #WARDS}) of the ward whose detentions rise late. */
  static final int RISING_DETENTIONS_AT = 4;

  /** The position of the ward whose co-produced care plans fall late. */
  static final int FALLING_CARE_PLANS_AT = 2;

  /** The position of the ward that runs nearly full late in the year. */
  static final int FULLER_AT = 1;

  /** The position of the ward that runs emptier than usual late in the year. */
  static final int EMPTIER_AT = 5;

  /** Bed occupancy draws from its own seed, so adding it left the other measures' numbers alone. */
  static final long OCCUPANCY_SEED = 20260401L;

  /** How many of the year's last months the concerns last: enough for a run of 7. */
  static final int LATE_MONTHS = 7;

  /** Share of care plans reviewed that were co-produced: before, after the change, after a fall. */
  static final double CO_PRODUCED = 0.45;

  static final double CO_PRODUCED_IMPROVED = 0.75;
  static final double CO_PRODUCED_FALLEN = 0.25;

  /**
   * Share of occupied bed days (and admissions) by ethnic category, in per mille, and the rate of
   * restrictive interventions per 1,000 occupied bed days and the share of admissions detained.
   */
  private record Stratum(String code, int perMille, double restraintRate, double detained) {}

  private static final List<Stratum> STRATA =
      List.of(
          new Stratum("A", 600, 36, 0.45),
          new Stratum("C", 60, 36, 0.45),
          new Stratum("M", 90, 78, 0.70),
          new Stratum("N", 70, 72, 0.68),
          new Stratum("H", 50, 40, 0.50),
          new Stratum("J", 40, 42, 0.50),
          new Stratum("D", 30, 56, 0.55),
          new Stratum("Z", 60, 38, 0.45));

  /** Assaults on staff per 1,000 occupied bed days: the balancing measure, steady. */
  private static final double ASSAULT_RATE = 9;

  /** One row of the CSV upload: the layout evaluation-service reads. */
  public record Row(
      String measureCode, YearMonth month, String stratumCode, long numerator, long denominator) {}

  private DemoReturns() {}

  /** Whether the service at this position in loading order has the improvement. */
  public static boolean improves(int serviceIndex) {
    return serviceIndex % IMPROVING_EVERY == 0;
  }

  /**
   * The service's returns for the 12 months from {@code firstMonth}, by month then measure.
   *
   * @param serviceIndex the service's position in loading order: seeds its numbers and decides
   *     whether it improves
   */
  public static List<Row> year(int serviceIndex, YearMonth firstMonth) {
    Random random = new Random(SEED + serviceIndex);
    Random carePlans = new Random(CARE_PLAN_SEED + serviceIndex);
    Random occupancy = new Random(OCCUPANCY_SEED + serviceIndex);
    int beds = 16 + random.nextInt(9);
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      YearMonth month = firstMonth.plusMonths(m);
      boolean changed = improves(serviceIndex) && m >= BASELINE_MONTHS;
      boolean late = m >= 12 - LATE_MONTHS;
      double factor = changed ? (100 - FALL_PERCENT) / 100.0 : 1.0;
      long bedDays = Math.round(beds * month.lengthOfMonth() * (0.85 + 0.1 * random.nextDouble()));
      long admissions = 14 + random.nextInt(10);
      long allBedDays = 0;
      for (Stratum s : STRATA) {
        long days = bedDays * s.perMille() / 1000;
        allBedDays += days;
        rows.add(
            new Row(
                "RESTRICTIVE_INTERVENTIONS",
                month,
                s.code(),
                poisson(random, s.restraintRate() * factor * days / 1000.0),
                days));
      }
      for (Stratum s : STRATA) {
        long admitted = Math.round(admissions * s.perMille() / 1000.0 * 1.5);
        long detained = 0;
        // The same draws whatever the share, so a ward's rise leaves its other numbers alone.
        double share =
            late && serviceIndex % WARDS == RISING_DETENTIONS_AT
                ? Math.min(0.98, s.detained() * 1.5)
                : s.detained();
        for (int i = 0; i < admitted; i++) {
          detained += random.nextDouble() < share ? 1 : 0;
        }
        rows.add(new Row("DETENTIONS", month, s.code(), detained, admitted));
      }
      rows.add(
          new Row(
              "ASSAULTS_ON_STAFF",
              month,
              "ALL",
              poisson(random, ASSAULT_RATE * allBedDays / 1000.0),
              allBedDays));
      double coProduced =
          changed
              ? CO_PRODUCED_IMPROVED
              : late && serviceIndex % WARDS == FALLING_CARE_PLANS_AT
                  ? CO_PRODUCED_FALLEN
                  : CO_PRODUCED;
      long reviewed = 110 + carePlans.nextInt(30);
      for (Stratum s : STRATA) {
        long plans = Math.max(1, Math.round(reviewed * s.perMille() / 1000.0));
        long coProducedPlans = 0;
        for (int i = 0; i < plans; i++) {
          coProducedPlans += carePlans.nextDouble() < coProduced ? 1 : 0;
        }
        rows.add(new Row("CARE_PLANS_CO_PRODUCED", month, s.code(), coProducedPlans, plans));
      }
      // The occupied bed days are the other measures' own; the beds open vary around them.
      double occupied =
          late && serviceIndex % WARDS == FULLER_AT
              ? 0.97 + 0.02 * occupancy.nextDouble()
              : late && serviceIndex % WARDS == EMPTIER_AT
                  ? 0.72 + 0.06 * occupancy.nextDouble()
                  : 0.88 + 0.06 * occupancy.nextDouble();
      rows.add(
          new Row("BED_OCCUPANCY", month, "ALL", allBedDays, Math.round(allBedDays / occupied)));
    }
    return rows;
  }

  /** The rows as the CSV evaluation-service accepts ({@code text/csv}). */
  public static String csv(List<Row> rows) {
    StringBuilder csv =
        new StringBuilder("measure_code,month,stratum_code,numerator,denominator\n");
    for (Row r : rows) {
      csv.append(r.measureCode())
          .append(',')
          .append(r.month())
          .append(',')
          .append(r.stratumCode())
          .append(',')
          .append(r.numerator())
          .append(',')
          .append(r.denominator())
          .append('\n');
    }
    return csv.toString();
  }

  /** Restrictive interventions per 1,000 occupied bed days, all strata, per month. */
  public static Map<YearMonth, Double> restraintRates(List<Row> rows) {
    Map<YearMonth, long[]> sums = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.measureCode().equals("RESTRICTIVE_INTERVENTIONS")) {
        long[] sum = sums.computeIfAbsent(r.month(), m -> new long[2]);
        sum[0] += r.numerator();
        sum[1] += r.denominator();
      }
    }
    Map<YearMonth, Double> rates = new LinkedHashMap<>();
    sums.forEach((month, s) -> rates.put(month, s[0] * 1000.0 / s[1]));
    return rates;
  }

  /** A Poisson draw (Knuth's method; the means here are small). */
  static long poisson(Random random, double mean) {
    double limit = Math.exp(-mean);
    long k = 0;
    double p = random.nextDouble();
    while (p > limit) {
      k++;
      p *= random.nextDouble();
    }
    return k;
  }
}
