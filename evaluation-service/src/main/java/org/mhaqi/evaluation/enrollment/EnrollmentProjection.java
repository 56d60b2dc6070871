package org.mhaqi.evaluation.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.evaluation.enrollment.EnrolledService.Status;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes evaluation's view of enrolments ({@code enrolled_service}, {@code enrollment_end}): one
 * event at a time as the consumer applies them, or all at once into staging tables that a rebuild
 * then swaps in. Staging tables are the live ones' names with a suffix.
 */
@Repository
public class EnrollmentProjection {

  static final String ENROLLED_SERVICE = "enrolled_service";
  static final String ENROLLMENT_END = "enrollment_end";

  /** Package-private for the tests' fixture that writes enrolments without their events. */
  static final String UPSERT_SERVICE =
      """
      INSERT INTO %s (enrollment_id, service_id, organisation_id, ods_code, provider_type, region,
                      service_type, phase_id, phase_kind, coaching_starts_on, coaching_ends_on,
                      enrolled_on, ended_on, status)
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
      """;

  private static final String UPSERT_END =
      """
      INSERT INTO %s (enrollment_id, status, ended_at) VALUES (:enrollmentId, :status, :endedAt)
      ON CONFLICT (enrollment_id) DO UPDATE SET status = excluded.status,
          ended_at = excluded.ended_at
      """;

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;

  EnrollmentProjection(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  /** Applies a ServiceEnrolled, with the end already known of it. */
  public void enrolled(ServiceEnrolled event) {
    EnrollmentEnd end = findEnd(event.enrollmentId()).orElse(null);
    named.update(
        UPSERT_SERVICE.formatted(ENROLLED_SERVICE),
        serviceParameters(EnrollmentFacts.enrolledService(event, end)));
  }

  /** Applies the end of an enrolment: the earlier of this and any end known before. */
  public void ended(UUID enrollmentId, EnrollmentEnd end) {
    EnrollmentEnd merged =
        jdbc.sql("SELECT status, ended_at FROM enrollment_end WHERE enrollment_id = ? FOR UPDATE")
            .param(enrollmentId)
            .query(EnrollmentProjection::end)
            .optional()
            .map(end::merge)
            .orElse(end);
    named.update(UPSERT_END.formatted(ENROLLMENT_END), endParameters(enrollmentId, merged));
    jdbc.sql("UPDATE enrolled_service SET ended_on = ?, status = ? WHERE enrollment_id = ?")
        .params(merged.endedOn(), merged.status().name(), enrollmentId)
        .update();
  }

  Optional<EnrollmentEnd> findEnd(UUID enrollmentId) {
    return jdbc.sql("SELECT status, ended_at FROM enrollment_end WHERE enrollment_id = ?")
        .param(enrollmentId)
        .query(EnrollmentProjection::end)
        .optional();
  }

  /** The live tables and their staging twins, for a rebuild to create and swap. */
  public static Collection<String> tables() {
    return List.of(ENROLLED_SERVICE, ENROLLMENT_END);
  }

  /** Writes a rebuilt view into the staging tables (live name + suffix), which must be empty. */
  public void stage(
      String suffix, Collection<EnrolledService> services, Map<UUID, EnrollmentEnd> ends) {
    named.batchUpdate(
        UPSERT_SERVICE.formatted(ENROLLED_SERVICE + suffix),
        services.stream()
            .map(EnrollmentProjection::serviceParameters)
            .toArray(SqlParameterSource[]::new));
    named.batchUpdate(
        UPSERT_END.formatted(ENROLLMENT_END + suffix),
        ends.entrySet().stream()
            .map(e -> endParameters(e.getKey(), e.getValue()))
            .toArray(SqlParameterSource[]::new));
  }

  /**
   * Replaces the live view with the staged one; call inside the rebuild's swap transaction. The
   * rows of {@code enrolled_service} are updated in place rather than the table replaced, and a row
   * the topics do not hold (one written by other means) is kept: other features (data returns)
   * refer to enrolments by id.
   */
  public void swapIn(String suffix) {
    String staged = ENROLLED_SERVICE + suffix;
    jdbc.sql(
            """
            INSERT INTO enrolled_service SELECT * FROM %s
            ON CONFLICT (enrollment_id) DO UPDATE SET
                service_id = excluded.service_id, organisation_id = excluded.organisation_id,
                ods_code = excluded.ods_code, provider_type = excluded.provider_type,
                region = excluded.region, service_type = excluded.service_type,
                phase_id = excluded.phase_id, phase_kind = excluded.phase_kind,
                coaching_starts_on = excluded.coaching_starts_on,
                coaching_ends_on = excluded.coaching_ends_on, enrolled_on = excluded.enrolled_on,
                ended_on = excluded.ended_on, status = excluded.status
            """
                .formatted(staged))
        .update();
    jdbc.sql("TRUNCATE enrollment_end").update();
    jdbc.sql("INSERT INTO enrollment_end SELECT * FROM %s".formatted(ENROLLMENT_END + suffix))
        .update();
  }

  static MapSqlParameterSource serviceParameters(EnrolledService e) {
    return new MapSqlParameterSource()
        .addValue("enrollmentId", e.enrollmentId())
        .addValue("serviceId", e.serviceId())
        .addValue("organisationId", e.organisationId())
        .addValue("odsCode", e.odsCode())
        .addValue("providerType", e.providerType() == null ? null : e.providerType().name())
        .addValue("region", e.region().name())
        .addValue("serviceType", e.serviceType().name())
        .addValue("phaseId", e.phaseId())
        .addValue("phaseKind", e.phaseKind().name())
        .addValue("coachingStartsOn", e.coachingStartsOn())
        .addValue("coachingEndsOn", e.coachingEndsOn())
        .addValue("enrolledOn", e.enrolledOn())
        .addValue("endedOn", e.endedOn())
        .addValue("status", e.status().name());
  }

  private static MapSqlParameterSource endParameters(UUID enrollmentId, EnrollmentEnd end) {
    return new MapSqlParameterSource()
        .addValue("enrollmentId", enrollmentId)
        .addValue("status", end.status().name())
        .addValue("endedAt", Timestamp.from(end.endedAt()));
  }

  private static EnrollmentEnd end(ResultSet rs, int row) throws SQLException {
    return new EnrollmentEnd(
        Status.valueOf(rs.getString("status")), rs.getTimestamp("ended_at").toInstant());
  }
}
