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
 */
@ConfigurationProperties("mhaqi.evaluation.data-returns")
public record DataReturnProperties(Period gracePeriod, OverdueCheck overdueCheck) {

  public DataReturnProperties {
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
