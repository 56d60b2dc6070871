package org.mhaqi.evaluation.suppression;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of small-number suppression, under {@code mhaqi.evaluation.suppression}.
 *
 * @param minimumCount a count below this is published as "*" (default 5)
 * @param roundTo other counts are rounded to the nearest multiple of this (default 5)
 * @param rateMinimumNumerator a rate whose numerator is below this is suppressed (default 5)
 * @param rateMinimumDenominator a rate whose denominator is below this is suppressed (default 100)
 */
@ConfigurationProperties("mhaqi.evaluation.suppression")
public record SuppressionProperties(
    @DefaultValue("5") int minimumCount,
    @DefaultValue("5") int roundTo,
    @DefaultValue("5") long rateMinimumNumerator,
    @DefaultValue("100") long rateMinimumDenominator) {

  /** The published defaults. */
  public static final SuppressionProperties DEFAULTS = new SuppressionProperties(5, 5, 5, 100);

  public SuppressionProperties {
    if (minimumCount < 0 || roundTo < 1 || rateMinimumNumerator < 0 || rateMinimumDenominator < 0) {
      throw new IllegalArgumentException(
          "suppression thresholds must not be negative and counts must round to at least 1");
    }
  }
}
