package org.mhaqi.testing;

import java.util.Locale;

/**
 * One row of the benchmark table that {@code .ci/benchmarks} prints: a path's figure beside the raw
 * limit of the same machine measured in the same run, their ratio and the goal. Benchmarks log it
 * as one line starting {@code BENCHMARK-ROW}, fields separated by {@code |}, so the script can
 * collect rows from every module's output.
 *
 * @param path which path and which figure, e.g. "1 publishing: events/s commit to ack"
 * @param figure the platform's figure
 * @param baseline the raw limit's figure, NaN when the path has no raw baseline
 * @param unit unit of figure and baseline, e.g. "events/s" or "ms"
 * @param goal what the issue asks, in words, e.g. "ratio >= 0.70"
 * @param met whether the goal is met
 */
public record BenchmarkRow(
    String path, double figure, double baseline, String unit, String goal, boolean met) {

  /** The goal "at least this share of the raw rate" (higher is better). */
  public static BenchmarkRow atLeastShareOfRaw(
      String path, double figure, double baseline, String unit, double share) {
    return new BenchmarkRow(
        path,
        figure,
        baseline,
        unit,
        String.format(Locale.ROOT, "ratio >= %.2f", share),
        figure / baseline >= share);
  }

  /** The goal "at most this many" of a cost such as a latency (lower is better). */
  public static BenchmarkRow atMost(
      String path, double figure, double baseline, String unit, double limit) {
    return new BenchmarkRow(
        path,
        figure,
        baseline,
        unit,
        String.format(Locale.ROOT, "<= %s %s", number(limit), unit),
        figure <= limit);
  }

  /** The goal "the figure stays within this factor of the baseline" (flat cost, bounded memory). */
  public static BenchmarkRow atMostTimesBaseline(
      String path, double figure, double baseline, String unit, double factor) {
    return new BenchmarkRow(
        path,
        figure,
        baseline,
        unit,
        String.format(Locale.ROOT, "ratio <= %.1f", factor),
        figure / baseline <= factor);
  }

  public double ratio() {
    return Double.isNaN(baseline) || baseline == 0 ? Double.NaN : figure / baseline;
  }

  /** The line the table script collects. */
  public String line() {
    return String.join(
        " | ",
        "BENCHMARK-ROW",
        path,
        number(figure) + " " + unit,
        Double.isNaN(baseline) ? "-" : number(baseline) + " " + unit,
        Double.isNaN(ratio()) ? "-" : String.format(Locale.ROOT, "%.2f", ratio()),
        goal,
        met ? "met" : "NOT MET");
  }

  @Override
  public String toString() {
    return line();
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    return Math.abs(value) >= 100
        ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
  }
}
