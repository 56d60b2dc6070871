package org.mhaqi.evaluation.report;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.coaching.CoachingLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads what a service's charts mark: its change ideas' PDSA cycles (from the change idea records)
 * and its delivered coaching sessions (from the engagement projection of coaching.events).
 */
@Repository
class ChartEvents {

  private final JdbcClient jdbc;

  ChartEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The cycles of the service's change ideas that name the measure; each idea numbered among all
   * the service's ideas in the order they were recorded, so that it has the same number on every
   * chart.
   */
  List<ChartAnnotations.Cycle> cycles(UUID serviceId, String measureCode) {
    return jdbc.sql(
            """
            WITH idea AS (
                SELECT id, row_number() OVER (ORDER BY recorded_at, id) AS number
                FROM change_idea WHERE service_id = :service)
            SELECT i.number, p.cycle_number, p.started_on, p.act, p.completed_on
            FROM idea i
            JOIN change_idea_measure m ON m.change_idea_id = i.id AND m.measure_code = :measure
            JOIN pdsa_cycle p ON p.change_idea_id = i.id
            ORDER BY i.number, p.cycle_number
            """)
        .param("service", serviceId)
        .param("measure", measureCode)
        .query(
            (rs, n) ->
                new ChartAnnotations.Cycle(
                    rs.getInt("number"),
                    rs.getInt("cycle_number"),
                    rs.getObject("started_on", LocalDate.class),
                    rs.getString("act"),
                    rs.getObject("completed_on", LocalDate.class)))
        .list();
  }

  /** The coaching sessions delivered to the service in the phase, by when they started. */
  List<ChartAnnotations.DeliveredSession> deliveredSessions(UUID phaseId, UUID serviceId) {
    return jdbc.sql(
            """
            SELECT kind, starts_at FROM engagement_session
            WHERE phase_id = ? AND service_id = ? AND status = 'DELIVERED'
            ORDER BY starts_at
            """)
        .param(phaseId)
        .param(serviceId)
        .query(
            (rs, n) ->
                new ChartAnnotations.DeliveredSession(
                    rs.getObject("starts_at", Timestamp.class).toLocalDateTime().toLocalDate(),
                    "IMPROVEMENT_DAY".equals(rs.getString("kind"))))
        .list();
  }

  /**
   * A phase's coaching hours per service and level: planned and not cancelled, and delivered; in
   * ODS code order, then level.
   */
  List<EngagementHours> hours(UUID phaseId) {
    return jdbc.sql(
            """
            SELECT e.ods_code, s.level,
                   coalesce(sum(s.planned_minutes) FILTER (WHERE s.status <> 'CANCELLED'), 0)
                       AS planned,
                   coalesce(sum(s.delivered_minutes) FILTER (WHERE s.status = 'DELIVERED'), 0)
                       AS delivered
            FROM engagement_session s
            JOIN enrolled_service e ON e.enrollment_id = s.enrollment_id
            WHERE s.phase_id = ?
            GROUP BY e.ods_code, s.level
            ORDER BY e.ods_code, s.level
            """)
        .param(phaseId)
        .query(
            (rs, n) ->
                new EngagementHours(
                    rs.getString("ods_code"),
                    CoachingLevel.valueOf(rs.getString("level")),
                    rs.getLong("planned"),
                    rs.getLong("delivered")))
        .list();
  }

  /** A service's coaching at one level in a phase, in minutes. */
  record EngagementHours(
      String odsCode, CoachingLevel level, long plannedMinutes, long deliveredMinutes) {}
}
