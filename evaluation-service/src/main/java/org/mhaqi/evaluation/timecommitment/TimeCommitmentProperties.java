package org.mhaqi.evaluation.timecommitment;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The programme's expectation of a project team member's time and when a team is flagged ({@code
 * mhaqi.evaluation.time-commitment.*}). The FAQ: "about 2 hours per week (on average) over the
 * 6-month period, including the delivery coaching ... could be more than 2 hours in some cases".
 *
 * @param expectedHoursPerWeek hours per member per week the programme expects (default 2)
 * @param wellBelowHoursPerWeek a team averaging less is flagged WELL_BELOW (default 1: half)
 * @param wellAboveHoursPerWeek a team averaging more is flagged WELL_ABOVE (default 4: double)
 */
@ConfigurationProperties("mhaqi.evaluation.time-commitment")
public record TimeCommitmentProperties(
    BigDecimal expectedHoursPerWeek,
    BigDecimal wellBelowHoursPerWeek,
    BigDecimal wellAboveHoursPerWeek) {

  public TimeCommitmentProperties {
    expectedHoursPerWeek =
        expectedHoursPerWeek == null ? new BigDecimal("2") : expectedHoursPerWeek;
    wellBelowHoursPerWeek =
        wellBelowHoursPerWeek == null ? new BigDecimal("1") : wellBelowHoursPerWeek;
    wellAboveHoursPerWeek =
        wellAboveHoursPerWeek == null ? new BigDecimal("4") : wellAboveHoursPerWeek;
    if (wellBelowHoursPerWeek.compareTo(wellAboveHoursPerWeek) > 0) {
      throw new IllegalArgumentException(
          "well-below-hours-per-week is above well-above-hours-per-week");
    }
  }
}
