package org.mhaqi.evaluation.suppression;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Applies small-number suppression to anything published: counts under the minimum become "*",
 * other counts are rounded to the nearest multiple of 5 (halves up), and a rate is suppressed when
 * its numerator is under 5 or its denominator under 100 (defaults; see {@link
 * SuppressionProperties}). Stored figures stay exact: suppression happens only on the way out.
 */
@Component
@EnableConfigurationProperties(SuppressionProperties.class)
public class Suppression {

  /** What a suppressed count or rate is published as. */
  public static final String SUPPRESSED = "*";

  private final SuppressionProperties properties;

  public Suppression(SuppressionProperties properties) {
    this.properties = properties;
  }

  /** Suppression with the published defaults, for use outside Spring. */
  public static Suppression withDefaults() {
    return new Suppression(SuppressionProperties.DEFAULTS);
  }

  /** Whether a count is too small to publish. */
  public boolean suppressesCount(long count) {
    requireCount(count);
    return count < properties.minimumCount();
  }

  /** A count as it may be published: "*" when small, otherwise rounded. */
  public String count(long count) {
    return suppressesCount(count) ? SUPPRESSED : Long.toString(rounded(count));
  }

  /**
   * A count as a number that may be published, or null when suppressed (for JSON and events, where
   * a number field holds null and the reason is the suppression).
   */
  public Long countOrNull(long count) {
    return suppressesCount(count) ? null : rounded(count);
  }

  /** Whether a rate of {@code numerator} over {@code denominator} is too fragile to publish. */
  public boolean suppressesRate(long numerator, long denominator) {
    requireCount(numerator);
    requireCount(denominator);
    return numerator < properties.rateMinimumNumerator()
        || denominator < properties.rateMinimumDenominator();
  }

  private long rounded(long count) {
    long step = properties.roundTo();
    return (count + step / 2) / step * step;
  }

  private static void requireCount(long count) {
    if (count < 0) {
      throw new IllegalArgumentException("a count cannot be negative: " + count);
    }
  }
}
