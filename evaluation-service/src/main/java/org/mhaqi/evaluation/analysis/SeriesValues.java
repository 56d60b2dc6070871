package org.mhaqi.evaluation.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A series as the analyses compute with it: exact decimals, refused when a value is missing. */
public final class SeriesValues {

  private SeriesValues() {}

  /**
   * The values as decimals, in order.
   *
   * @throws IllegalArgumentException when there are none, or one is null, NaN or infinite
   */
  public static List<BigDecimal> decimals(List<Double> values) {
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException("the series is empty");
    }
    List<BigDecimal> decimals = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      Double value = values.get(i);
      if (value == null || !Double.isFinite(value)) {
        throw new IllegalArgumentException("value " + i + " is not a number: " + value);
      }
      decimals.add(BigDecimal.valueOf(value));
    }
    return decimals;
  }
}
