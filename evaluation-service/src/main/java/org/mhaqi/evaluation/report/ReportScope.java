package org.mhaqi.evaluation.report;

import java.util.UUID;
import org.mhaqi.events.enrollment.Region;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * Which enrolments a report covers: those of a phase, optionally narrowed to a region or a service;
 * a null field does not narrow.
 */
public record ReportScope(UUID phaseId, Region region, UUID serviceId) {

  /** The condition on {@code enrolled_service e} that selects the scope's enrolments. */
  static final String CONDITION =
      "(CAST(:phaseId AS uuid) IS NULL OR e.phase_id = :phaseId)"
          + " AND (CAST(:region AS text) IS NULL OR e.region = :region)"
          + " AND (CAST(:serviceId AS uuid) IS NULL OR e.service_id = :serviceId)";

  MapSqlParameterSource params() {
    return new MapSqlParameterSource()
        .addValue("phaseId", phaseId)
        .addValue("region", region == null ? null : region.name())
        .addValue("serviceId", serviceId);
  }
}
