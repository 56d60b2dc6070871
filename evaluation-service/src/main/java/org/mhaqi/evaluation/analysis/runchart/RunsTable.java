package org.mhaqi.evaluation.analysis.runchart;

import java.util.Optional;

/**
 * The runs table of Perla, Provost and Murray, "The run chart: a simple analytical tool for
 * learning from variation in healthcare processes", BMJ Quality and Safety 2011;20:46-51, Table 1:
 * for 10 to 60 useful observations (points not on the median), fewer runs than the lower limit or
 * more than the upper limit signal non-random variation at about 5% risk.
 *
 * <p>The figures are the critical values of Swed and Eisenhart, "Tables for testing randomness of
 * grouping in a sequence of alternatives", Annals of Mathematical Statistics 1943;14:66-87, on
 * which that table rests: the exact distribution of the number of runs with the useful observations
 * split as evenly as possible about the median, at most 2.5% in each tail. {@code RunsTableTest}
 * derives every row again from that distribution.
 */
public final class RunsTable {

  /** The smallest number of useful observations the table covers. */
  public static final int FIRST_ROW = 10;

  /** The largest. */
  public static final int LAST_ROW = 60;

  /** {lower limit, upper limit} for 10, 11, ... 60 useful observations. */
  private static final int[][] LIMITS = {
    {3, 9}, {4, 9}, {4, 10}, {4, 11}, {4, 12}, {5, 12}, {5, 13}, {6, 13}, {6, 14}, {6, 15}, {7, 15},
    {7, 16}, {8, 16}, {8, 17}, {8, 18}, {9, 18}, {9, 19}, {10, 19}, {10, 20}, {10, 21}, {11, 21},
    {11, 22}, {12, 22}, {12, 23}, {12, 24}, {13, 24}, {13, 25}, {14, 25}, {14, 26}, {14, 26},
    {15, 27}, {15, 28}, {16, 28}, {16, 29}, {17, 29}, {17, 30}, {17, 31}, {18, 31}, {18, 32},
    {19, 32}, {19, 33}, {20, 33}, {20, 34}, {20, 35}, {21, 35}, {21, 36}, {22, 36}, {22, 37},
    {23, 37}, {23, 38}, {24, 38}
  };

  private RunsTable() {}

  /**
   * The limits for this many useful observations; empty outside the table, where the runs test does
   * not apply.
   */
  public static Optional<RunsLimits> limitsFor(int usefulObservations) {
    if (usefulObservations < FIRST_ROW || usefulObservations > LAST_ROW) {
      return Optional.empty();
    }
    int[] row = LIMITS[usefulObservations - FIRST_ROW];
    return Optional.of(new RunsLimits(row[0], row[1]));
  }
}
