package org.mhaqi.evaluation.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what reports are made of: the latest returns and the returns owed, per scope. */
@Repository
class ReportRows {

  private final JdbcClient jdbc;

  ReportRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The kind of a phase evaluation knows of, empty when no enrolment of it has arrived. */
  Optional<PhaseKind> phaseKind(UUID phaseId) {
    return jdbc.sql("SELECT phase_kind FROM enrolled_service WHERE phase_id = ? LIMIT 1")
        .param(phaseId)
        .query(String.class)
        .optional()
        .map(PhaseKind::valueOf);
  }

  /** Every phase of the kind, in the order their first enrolment arrived. */
  List<UUID> phasesOf(PhaseKind kind) {
    return jdbc.sql(
            "SELECT phase_id FROM enrolled_service WHERE phase_kind = ?"
                + " GROUP BY phase_id ORDER BY min(enrolled_on), phase_id")
        .param(kind.name())
        .query(UUID.class)
        .list();
  }

  /**
   * Every stratum of the latest version of each return of the scope's enrolments, by measure,
   * service and month.
   */
  List<StratumRow> latestStrata(ReportScope scope) {
    return jdbc.sql(
            """
            SELECT r.service_id, e.ods_code, e.region, r.measure_code, r.month, s.stratum_code,
                   s.numerator, s.denominator
            FROM data_return r
            JOIN enrolled_service e ON e.enrollment_id = r.enrollment_id
            JOIN data_return_stratum s ON s.return_id = r.id
            WHERE %s
              AND r.version = (SELECT max(v.version) FROM data_return v
                               WHERE v.service_id = r.service_id
                                 AND v.measure_code = r.measure_code AND v.month = r.month)
            ORDER BY r.measure_code, e.ods_code, r.service_id, r.month, s.stratum_code
            """
                .formatted(ReportScope.CONDITION))
        .paramSource(scope.params())
        .query(
            (rs, n) ->
                new StratumRow(
                    rs.getObject("service_id", UUID.class),
                    rs.getString("ods_code"),
                    Region.valueOf(rs.getString("region")),
                    rs.getString("measure_code"),
                    YearMonth.from(rs.getObject("month", LocalDate.class)),
                    rs.getString("stratum_code"),
                    rs.getLong("numerator"),
                    rs.getLong("denominator")))
        .list();
  }

  /**
   * Returns owed by the scope's enrolments that are not withdrawn: every measure for every month
   * from the month of enrolment to the month it ended, up to the last month that has ended; how
   * many of them no return exists for yet; and how many the overdue check found overdue and are
   * still missing.
   */
  ProgrammeReport.Returns owed(ReportScope scope, LocalDate today) {
    var params = scope.params().addValue("today", today);
    var owed =
        jdbc.sql(
                """
                SELECT count(*) AS owed,
                       count(*) FILTER (WHERE NOT EXISTS (
                           SELECT 1 FROM data_return r
                           WHERE r.service_id = o.service_id AND r.measure_code = o.code
                             AND r.month = o.month)) AS outstanding
                FROM (SELECT e.service_id, m.code, gs::date AS month
                      FROM enrolled_service e
                      CROSS JOIN measure m
                      CROSS JOIN LATERAL generate_series(
                          date_trunc('month', e.enrolled_on),
                          date_trunc('month', coalesce(e.ended_on, :today)),
                          interval '1 month') gs
                      WHERE %s AND e.status <> 'WITHDRAWN'
                        AND gs < date_trunc('month', CAST(:today AS date))) o
                """
                    .formatted(ReportScope.CONDITION))
            .paramSource(params)
            .query((rs, n) -> new long[] {rs.getLong("owed"), rs.getLong("outstanding")})
            .single();
    long overdue =
        jdbc.sql(
                """
                SELECT count(*) FROM overdue_return o
                JOIN enrolled_service e ON e.enrollment_id = o.enrollment_id
                WHERE %s AND NOT EXISTS (
                    SELECT 1 FROM data_return r
                    WHERE r.service_id = o.service_id AND r.measure_code = o.measure_code
                      AND r.month = o.month)
                """
                    .formatted(ReportScope.CONDITION))
            .paramSource(params)
            .query(Long.class)
            .single();
    return new ProgrammeReport.Returns(owed[0], owed[1], overdue);
  }

  /** A service enrolled in a phase, for the index of reports. */
  record IndexedService(
      UUID phaseId, PhaseKind phaseKind, UUID serviceId, String odsCode, Region region) {}

  /**
   * Every enrolment's service by phase (phases in the order their first enrolment arrived), then by
   * ODS code.
   */
  List<IndexedService> index() {
    return jdbc.sql(
            """
            SELECT DISTINCT e.phase_id, e.phase_kind, e.service_id, e.ods_code, e.region,
                   first.enrolled_on
            FROM enrolled_service e
            JOIN (SELECT phase_id, min(enrolled_on) AS enrolled_on FROM enrolled_service
                  GROUP BY phase_id) first ON first.phase_id = e.phase_id
            ORDER BY first.enrolled_on, e.phase_id, e.ods_code, e.service_id
            """)
        .query(
            (rs, n) ->
                new IndexedService(
                    rs.getObject("phase_id", UUID.class),
                    PhaseKind.valueOf(rs.getString("phase_kind")),
                    rs.getObject("service_id", UUID.class),
                    rs.getString("ods_code"),
                    Region.valueOf(rs.getString("region"))))
        .list();
  }
}
