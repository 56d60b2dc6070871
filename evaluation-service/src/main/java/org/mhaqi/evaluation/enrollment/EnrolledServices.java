package org.mhaqi.evaluation.enrollment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code enrolled_service} table: evaluation's view of enrolments. */
@Repository
public class EnrolledServices {

  private static final String COLUMNS =
      """
      enrollment_id, service_id, organisation_id, ods_code, provider_type, region, service_type,
      phase_id, phase_kind, coaching_starts_on, coaching_ends_on, enrolled_on, ended_on, status
      """;

  private final JdbcClient jdbc;

  EnrolledServices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<EnrolledService> find(UUID enrollmentId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM enrolled_service WHERE enrollment_id = ?")
        .param(enrollmentId)
        .query(EnrolledService.class)
        .optional();
  }

  /** Every enrolment of a service, earliest first (a pilot service may enrol again later). */
  public List<EnrolledService> ofService(UUID serviceId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM enrolled_service WHERE service_id = ? ORDER BY enrolled_on, enrollment_id")
        .param(serviceId)
        .query(EnrolledService.class)
        .list();
  }

  /** Inserts the enrolment or replaces what was known of it. */
  public void save(EnrolledService e) {
    jdbc.sql(
            """
            INSERT INTO enrolled_service (%s)
            VALUES (:enrollmentId, :serviceId, :organisationId, :odsCode, :providerType, :region,
                    :serviceType, :phaseId, :phaseKind, :coachingStartsOn, :coachingEndsOn,
                    :enrolledOn, :endedOn, :status)
            ON CONFLICT (enrollment_id) DO UPDATE SET
                service_id = excluded.service_id, organisation_id = excluded.organisation_id,
                ods_code = excluded.ods_code, provider_type = excluded.provider_type,
                region = excluded.region, service_type = excluded.service_type,
                phase_id = excluded.phase_id, phase_kind = excluded.phase_kind,
                coaching_starts_on = excluded.coaching_starts_on,
                coaching_ends_on = excluded.coaching_ends_on, enrolled_on = excluded.enrolled_on,
                ended_on = excluded.ended_on, status = excluded.status
            """
                .formatted(COLUMNS))
        .param("enrollmentId", e.enrollmentId())
        .param("serviceId", e.serviceId())
        .param("organisationId", e.organisationId())
        .param("odsCode", e.odsCode())
        .param("providerType", e.providerType() == null ? null : e.providerType().name())
        .param("region", e.region().name())
        .param("serviceType", e.serviceType().name())
        .param("phaseId", e.phaseId())
        .param("phaseKind", e.phaseKind().name())
        .param("coachingStartsOn", e.coachingStartsOn())
        .param("coachingEndsOn", e.coachingEndsOn())
        .param("enrolledOn", e.enrolledOn())
        .param("endedOn", e.endedOn())
        .param("status", e.status().name())
        .update();
  }
}
