package org.mhaqi.evaluation.measuretarget;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a measure's target for a scope: the measure everywhere (no phase, no service), one
 * phase, or one service.
 *
 * @param id this version
 * @param targetId the scope's target, shared by its versions
 * @param value in the measure's unit
 * @param setBy who set this version (the token's subject)
 */
public record MeasureTarget(
    UUID id,
    UUID targetId,
    String measureCode,
    UUID phaseId,
    UUID serviceId,
    int version,
    double value,
    String setBy,
    Instant setAt) {

  /** How specific the scope is: a service's target over a phase's over the measure's. */
  int specificity() {
    return serviceId != null ? 2 : phaseId != null ? 1 : 0;
  }

  /** Whether the target applies to a chart of this phase and service (either may be null). */
  boolean appliesTo(UUID phase, UUID service) {
    if (serviceId != null) {
      return serviceId.equals(service);
    }
    return phaseId == null || phaseId.equals(phase);
  }
}
