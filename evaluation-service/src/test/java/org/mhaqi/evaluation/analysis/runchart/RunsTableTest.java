package org.mhaqi.evaluation.analysis.runchart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RunsTableTest {

  @Test
  void coversTenToSixtyUsefulObservations() {
    assertThat(RunsTable.limitsFor(9)).isEmpty();
    assertThat(RunsTable.limitsFor(10)).contains(new RunsLimits(3, 9));
    assertThat(RunsTable.limitsFor(20)).contains(new RunsLimits(7, 15));
    assertThat(RunsTable.limitsFor(60)).contains(new RunsLimits(24, 38));
    assertThat(RunsTable.limitsFor(61)).isEmpty();
  }

  @Test
  void everyRowIsTheSwedEisenhartCriticalValueAtTwoAndAHalfPercentInEachTail() {
    for (int n = RunsTable.FIRST_ROW; n <= RunsTable.LAST_ROW; n++) {
      int below = n / 2;
      int above = n - below;
      double[] p = runsDistribution(below, above);
      int lower = 2;
      while (cumulativeBelow(p, lower + 1) <= 0.025) {
        lower++;
      }
      int upper = n;
      while (cumulativeAbove(p, upper - 1) <= 0.025) {
        upper--;
      }
      assertThat(RunsTable.limitsFor(n))
          .as("%d useful observations", n)
          .contains(new RunsLimits(lower, upper));
    }
  }

  @Test
  void signalsOnlyBeyondTheLimits() {
    RunsLimits limits = new RunsLimits(3, 9);
    assertThat(limits.signal(2)).isEqualTo(RunsSignal.TOO_FEW);
    assertThat(limits.signal(3)).isNull();
    assertThat(limits.signal(9)).isNull();
    assertThat(limits.signal(10)).isEqualTo(RunsSignal.TOO_MANY);
  }

  /** P(R = r) for r runs of m and n items in random order (Swed and Eisenhart 1943). */
  static double[] runsDistribution(int m, int n) {
    double total = binomial(m + n, m);
    double[] p = new double[m + n + 2];
    for (int r = 2; r <= m + n; r++) {
      BigInteger ways;
      if (r % 2 == 0) {
        int k = r / 2;
        ways = BigInteger.TWO.multiply(big(m - 1, k - 1)).multiply(big(n - 1, k - 1));
      } else {
        int k = (r - 1) / 2;
        ways =
            big(m - 1, k - 1)
                .multiply(big(n - 1, k))
                .add(big(m - 1, k).multiply(big(n - 1, k - 1)));
      }
      p[r] = ways.doubleValue() / total;
    }
    return p;
  }

  /** P(R < r). */
  static double cumulativeBelow(double[] p, int r) {
    double sum = 0;
    for (int i = 0; i < r && i < p.length; i++) {
      sum += p[i];
    }
    return sum;
  }

  /** P(R > r). */
  static double cumulativeAbove(double[] p, int r) {
    double sum = 0;
    for (int i = r + 1; i < p.length; i++) {
      sum += p[i];
    }
    return sum;
  }

  static double binomial(int n, int k) {
    return big(n, k).doubleValue();
  }

  static BigInteger big(int n, int k) {
    if (k < 0 || k > n) {
      return BigInteger.ZERO;
    }
    BigInteger result = BigInteger.ONE;
    for (int i = 1; i <= k; i++) {
      result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
    }
    return result;
  }
}
