package org.mhaqi.evaluation.spcdecision;

import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A decision on how one service's SPC chart of one measure computes its limits.
 *
 * @param month for {@link Kind#BASELINE} the last month of the baseline, for {@link Kind#REBASE}
 *     the first month of the new limits
 * @param withdrawnAt null while the decision stands
 */
public record SpcDecision(
    UUID id,
    UUID serviceId,
    String measureCode,
    Kind kind,
    YearMonth month,
    String reason,
    String recordedBy,
    Instant recordedAt,
    String withdrawnBy,
    Instant withdrawnAt) {

  /** What the decision does to the limits. */
  public enum Kind {
    /** Limits come from the months up to this one and are extended beyond it. */
    BASELINE,
    /** New limits start at this month (after a sustained change). */
    REBASE
  }

  public boolean standing() {
    return withdrawnAt == null;
  }
}
