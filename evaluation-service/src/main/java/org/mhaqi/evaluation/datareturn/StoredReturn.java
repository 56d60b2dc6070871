package org.mhaqi.evaluation.datareturn;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * One version of a monthly return as stored.
 *
 * @param correctionReason null for version 1; why the earlier version was corrected otherwise
 * @param source how it arrived: JSON or CSV
 */
public record StoredReturn(
    UUID id,
    UUID enrollmentId,
    UUID serviceId,
    String measureCode,
    YearMonth month,
    int version,
    String correctionReason,
    Source source,
    String submittedBy,
    Instant submittedAt,
    List<Stratum> strata) {

  public StoredReturn {
    strata = List.copyOf(strata);
  }

  /** How a return reached the service. */
  public enum Source {
    JSON,
    CSV
  }

  /** The counts of one stratum. */
  public record Stratum(String code, long numerator, long denominator) {}
}
