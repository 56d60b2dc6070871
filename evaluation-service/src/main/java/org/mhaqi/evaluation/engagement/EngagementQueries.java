package org.mhaqi.evaluation.engagement;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhaqi.events.enrollment.TeamRole;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Counts engagement from the projection, grouped by any of its dimensions. A session's region is
 * its enrolment's (from {@code enrolled_service}); sessions of an enrolment not yet known have
 * none.
 */
@Repository
public class EngagementQueries {

  /** What sessions can be grouped by; the SQL is fixed here, never taken from a request. */
  public enum Dimension {
    ENROLLMENT("s.enrollment_id::text"),
    SERVICE("s.service_id::text"),
    PHASE("s.phase_id::text"),
    LEVEL("s.level"),
    REGION("e.region");

    private final String sql;

    Dimension(String sql) {
      this.sql = sql;
    }
  }

  /** Figures of one group; its key holds one value per dimension, null where unknown. */
  public record Group(List<String> key, EngagementFigures figures) {}

  private static final String FROM =
      """
       FROM engagement_session s
       LEFT JOIN enrolled_service e ON e.enrollment_id = s.enrollment_id
      """;

  private final NamedParameterJdbcTemplate jdbc;

  EngagementQueries(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Figures per group of sessions.
   *
   * @param where a condition on {@code s} (sessions) and {@code e} (enrolments), or "true"
   */
  public List<Group> figures(List<Dimension> by, String where, MapSqlParameterSource params) {
    StringBuilder keys = new StringBuilder();
    StringBuilder groupBy = new StringBuilder();
    for (int i = 0; i < by.size(); i++) {
      keys.append(by.get(i).sql).append(" AS k").append(i).append(", ");
      groupBy.append(i == 0 ? "" : ", ").append("k").append(i);
    }
    Map<List<String>, EngagementFigures> groups = new LinkedHashMap<>();
    jdbc.query(
        "SELECT "
            + keys
            + """
            count(*) AS planned,
            count(*) FILTER (WHERE s.status = 'DELIVERED') AS delivered,
            count(*) FILTER (WHERE s.status = 'CANCELLED') AS cancelled,
            coalesce(sum(s.planned_minutes), 0) AS planned_minutes,
            coalesce(sum(s.planned_minutes) FILTER (WHERE s.status = 'CANCELLED'), 0)
                AS cancelled_minutes,
            coalesce(sum(s.delivered_minutes) FILTER (WHERE s.status = 'DELIVERED'), 0)
                AS delivered_minutes,
            count(*) FILTER (WHERE s.status = 'DELIVERED'
                             AND s.lived_experience_partner_took_part) AS with_partner,
            coalesce(sum(s.attendees) FILTER (WHERE s.status = 'DELIVERED'), 0) AS attendances
            """
            + FROM
            + " WHERE "
            + where
            + " GROUP BY "
            + groupBy
            + " ORDER BY "
            + groupBy,
        params,
        rs -> {
          groups.put(
              key(rs, by.size()),
              new EngagementFigures(
                  rs.getLong("planned"),
                  rs.getLong("delivered"),
                  rs.getLong("cancelled"),
                  rs.getLong("planned_minutes"),
                  rs.getLong("cancelled_minutes"),
                  rs.getLong("delivered_minutes"),
                  rs.getLong("with_partner"),
                  rs.getLong("attendances"),
                  Map.of()));
        });
    Map<List<String>, Map<TeamRole, Long>> byRole = new LinkedHashMap<>();
    jdbc.query(
        "SELECT "
            + keys
            + " a.key AS role, sum(a.value::int) AS attendances "
            + FROM
            + " CROSS JOIN LATERAL jsonb_each_text(s.attendance) a"
            + " WHERE s.status = 'DELIVERED' AND ("
            + where
            + ") GROUP BY "
            + groupBy
            + ", role",
        params,
        rs -> {
          byRole
              .computeIfAbsent(key(rs, by.size()), k -> new EnumMap<>(TeamRole.class))
              .put(TeamRole.valueOf(rs.getString("role")), rs.getLong("attendances"));
        });
    List<Group> result = new ArrayList<>();
    groups.forEach(
        (key, figures) ->
            result.add(
                new Group(key, figures.withAttendancesByRole(byRole.getOrDefault(key, Map.of())))));
    return result;
  }

  private static List<String> key(java.sql.ResultSet rs, int size) throws java.sql.SQLException {
    List<String> key = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      key.add(rs.getString("k" + i));
    }
    return key;
  }
}
