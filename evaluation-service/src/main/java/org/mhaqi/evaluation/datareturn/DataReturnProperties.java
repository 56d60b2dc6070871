package org.mhaqi.evaluation.datareturn;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a monthly return is chased ({@code mhaqi.evaluation.data-returns.*}).
 *
 * @param gracePeriod how long after the end of its month a return is due; missing after that it is
 *     overdue (default 20 days)
 * @param overdueCheck whether this instance runs the scheduled overdue check, and how often
 * @param baselineMonths how many months before the month of its enrolment a service may return: the
 *     baseline its SPC charts judge change against (default 24; such returns are welcome but never
 *     chased as overdue)
 */
@ConfigurationProperties("mhaqi.evaluation.data-returns")
public record DataReturnProperties(
    Period gracePeriod, OverdueCheck overdueCheck, Integer baselineMonths) {

  /** Two years: enough for the 20 or more points a stable SPC baseline wants. */
  public static final int DEFAULT_BASELINE_MONTHS = 24;

  public DataReturnProperties {
    baselineMonths = baselineMonths == null ? DEFAULT_BASELINE_MONTHS : baselineMonths;
    if (baselineMonths < 0) {
      throw new IllegalArgumentException("baseline-months must not be negative");
    }
    gracePeriod = gracePeriod == null ? Period.ofDays(20) : gracePeriod;
    overdueCheck = overdueCheck == null ? new OverdueCheck(true, null) : overdueCheck;
  }

  /**
   * @param enabled false to leave the check to other instances or to a test
   * @param interval the pause between two checks (default an hour)
   */
  public record OverdueCheck(boolean enabled, Duration interval) {
    public OverdueCheck {
      interval = interval == null ? Duration.ofHours(1) : interval;
    }
  }
}
