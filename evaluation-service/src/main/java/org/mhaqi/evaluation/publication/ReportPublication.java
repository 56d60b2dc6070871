package org.mhaqi.evaluation.publication;

import java.time.Instant;
import java.util.UUID;

/**
 * One decision to publish a phase's report, and its withdrawal if it was withdrawn.
 *
 * @param publishedBy who published it (the token's subject)
 * @param withdrawnBy who withdrew it; null while it stands
 * @param withdrawnAt when; null while it stands
 */
public record ReportPublication(
    UUID id,
    UUID phaseId,
    String publishedBy,
    Instant publishedAt,
    String withdrawnBy,
    Instant withdrawnAt) {

  public boolean standing() {
    return withdrawnAt == null;
  }
}
