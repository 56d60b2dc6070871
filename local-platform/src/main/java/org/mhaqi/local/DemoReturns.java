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
 * by {@value #FALL_PERCENT}% for the rest of the year, a sustained fall that the SPC charts show.
 */
public final class DemoReturns {

  /** Of the services in loading order, the first, the fourth, ... improve. */
  static final int IMPROVING_EVERY = 3;

  /** Months of baseline before the change idea takes effect. */
  public static final int BASELINE_MONTHS = 4;

  /** How much restrictive interventions fall once the change is in place. */
  static final int FALL_PERCENT = 60;

  static final long SEED = 20240401L;

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
    int beds = 16 + random.nextInt(9);
    List<Row> rows = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      YearMonth month = firstMonth.plusMonths(m);
      boolean changed = improves(serviceIndex) && m >= BASELINE_MONTHS;
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
        for (int i = 0; i < admitted; i++) {
          detained += random.nextDouble() < s.detained() ? 1 : 0;
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
