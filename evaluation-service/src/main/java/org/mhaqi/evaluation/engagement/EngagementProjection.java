package org.mhaqi.evaluation.engagement;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.mhaqi.evaluation.engagement.SessionFacts.Cancellation;
import org.mhaqi.evaluation.engagement.SessionFacts.Completion;
import org.mhaqi.evaluation.engagement.SessionFacts.Timing;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.TeamRole;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the engagement projection ({@code engagement_session}, {@code engagement_plan}): one event
 * at a time, merged with what the row already holds, as the consumer applies them; or all at once
 * into staging tables (the live names with a suffix) that a rebuild then swaps in.
 */
@Repository
public class EngagementProjection {

  static final String SESSION = "engagement_session";
  static final String PLAN = "engagement_plan";

  /** Rows staged per batch: large enough to keep round trips few, small enough for memory. */
  private static final int BATCH = 2_000;

  /** Sessions copied per COPY statement, to bound the text held in memory. */
  private static final int COPY_CHUNK = 20_000;

  private static final String SESSION_COLUMNS =
      """
      session_id, plan_id, enrollment_id, service_id, phase_id, level, kind, starts_at,
      planned_minutes, timing_revision, scheduled, status, cancelled_at, cancellation_cause,
      completed_at, delivered_minutes, attendees, lived_experience_partner_took_part, attendance
      """;

  private static final String UPSERT_SESSION =
      """
      INSERT INTO %s ("""
          + SESSION_COLUMNS
          + """
      ) VALUES (:sessionId, :planId, :enrollmentId, :serviceId, :phaseId, :level, :kind,
                :startsAt, :plannedMinutes, :timingRevision, :scheduled, :status, :cancelledAt,
                :cancellationCause, :completedAt, :deliveredMinutes, :attendees,
                :livedExperiencePartnerTookPart, CAST(:attendance AS jsonb))
      ON CONFLICT (session_id) DO UPDATE SET
          plan_id = excluded.plan_id, enrollment_id = excluded.enrollment_id,
          service_id = excluded.service_id, phase_id = excluded.phase_id, level = excluded.level,
          kind = excluded.kind, starts_at = excluded.starts_at,
          planned_minutes = excluded.planned_minutes, timing_revision = excluded.timing_revision,
          scheduled = excluded.scheduled, status = excluded.status,
          cancelled_at = excluded.cancelled_at, cancellation_cause = excluded.cancellation_cause,
          completed_at = excluded.completed_at, delivered_minutes = excluded.delivered_minutes,
          attendees = excluded.attendees,
          lived_experience_partner_took_part = excluded.lived_experience_partner_took_part,
          attendance = excluded.attendance
      """;

  private static final String UPSERT_PLAN =
      """
      INSERT INTO %s (plan_id, enrollment_id, service_id, phase_id, phase_kind, window_starts_on,
                      window_ends_on, sessions, unstaffed_sessions, created_at)
      VALUES (:planId, :enrollmentId, :serviceId, :phaseId, :phaseKind, :windowStartsOn,
              :windowEndsOn, :sessions, :unstaffedSessions, :createdAt)
      ON CONFLICT (plan_id) DO UPDATE SET
          enrollment_id = excluded.enrollment_id, service_id = excluded.service_id,
          phase_id = excluded.phase_id, phase_kind = excluded.phase_kind,
          window_starts_on = excluded.window_starts_on, window_ends_on = excluded.window_ends_on,
          sessions = excluded.sessions, unstaffed_sessions = excluded.unstaffed_sessions,
          created_at = excluded.created_at
      """;

  private static final TypeReference<Map<TeamRole, Integer>> ATTENDANCE = new TypeReference<>() {};

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;
  private final JsonMapper json;

  EngagementProjection(
      JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json, DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.named = named;
    this.json = json;
  }

  /** Merges one event's facts of a session into what the projection holds. */
  public void session(SessionFacts incoming) {
    SessionFacts merged =
        findSession(incoming.sessionId(), true).map(incoming::merge).orElse(incoming);
    named.update(UPSERT_SESSION.formatted(SESSION), sessionParameters(merged));
  }

  /** Merges a plan's announcement into what the projection holds. */
  public void plan(PlanFacts incoming) {
    PlanFacts merged =
        jdbc.sql("SELECT * FROM engagement_plan WHERE plan_id = ? FOR UPDATE")
            .param(incoming.planId())
            .query(EngagementProjection::planRow)
            .optional()
            .map(incoming::merge)
            .orElse(incoming);
    named.update(UPSERT_PLAN.formatted(PLAN), planParameters(merged));
  }

  public Optional<SessionFacts> findSession(UUID sessionId) {
    return findSession(sessionId, false);
  }

  private Optional<SessionFacts> findSession(UUID sessionId, boolean forUpdate) {
    return jdbc.sql(
            "SELECT * FROM engagement_session WHERE session_id = ?"
                + (forUpdate ? " FOR UPDATE" : ""))
        .param(sessionId)
        .query(this::sessionRow)
        .optional();
  }

  /** The live tables, for a rebuild to create staging twins of and swap. */
  public static List<String> tables() {
    return List.of(SESSION, PLAN);
  }

  /** Writes rebuilt facts into the staging tables (live name + suffix), which must be empty. */
  public void stage(String suffix, Collection<SessionFacts> sessions, Collection<PlanFacts> plans) {
    batches(
        UPSERT_SESSION.formatted(SESSION + suffix),
        sessions.stream().map(this::sessionParameters).toList());
    batches(
        UPSERT_PLAN.formatted(PLAN + suffix),
        plans.stream().map(EngagementProjection::planParameters).toList());
  }

  /**
   * Writes rebuilt facts into the empty staging tables, the sessions with PostgreSQL's COPY (one
   * stream instead of a statement per row: the bulk of a rebuild's writing).
   */
  public void stageFresh(
      String suffix, Collection<SessionFacts> sessions, Collection<PlanFacts> plans) {
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      String copy =
          "COPY %s (%s) FROM STDIN (FORMAT csv)"
              .formatted(SESSION + suffix, SESSION_COLUMNS.replace("\n", " "));
      StringBuilder csv = new StringBuilder();
      int rows = 0;
      for (SessionFacts s : sessions) {
        appendCsv(csv, s);
        if (++rows % COPY_CHUNK == 0 || rows == sessions.size()) {
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(copy, new StringReader(csv.toString()));
          csv.setLength(0);
        }
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException(
          "Could not copy rebuilt sessions into " + SESSION + suffix, e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
    batches(
        UPSERT_PLAN.formatted(PLAN + suffix),
        plans.stream().map(EngagementProjection::planParameters).toList());
  }

  /** One CSV line in the order of SESSION_COLUMNS; an empty unquoted field is NULL. */
  private void appendCsv(StringBuilder csv, SessionFacts s) {
    Cancellation cancellation = s.cancellation();
    Completion completion = s.completion();
    csv.append(s.sessionId()).append(',');
    csv.append(s.planId()).append(',');
    csv.append(s.enrollmentId()).append(',');
    csv.append(s.serviceId()).append(',');
    csv.append(s.phaseId()).append(',');
    csv.append(s.level().name()).append(',');
    csv.append(s.kind().name()).append(',');
    csv.append(s.timing().startsAt()).append(',');
    csv.append(s.timing().plannedMinutes()).append(',');
    csv.append(s.timing().revision()).append(',');
    csv.append(s.scheduled()).append(',');
    csv.append(s.status().name()).append(',');
    if (cancellation != null) {
      csv.append(cancellation.cancelledAt());
    }
    csv.append(',');
    if (cancellation != null && cancellation.cause() != null) {
      csv.append(cancellation.cause().name());
    }
    csv.append(',');
    if (completion != null) {
      csv.append(completion.completedAt())
          .append(',')
          .append(completion.deliveredMinutes())
          .append(',')
          .append(completion.attendees())
          .append(',')
          .append(completion.livedExperiencePartnerTookPart())
          .append(",\"")
          .append(json.writeValueAsString(completion.attendance()).replace("\"", "\"\""))
          .append('"');
    } else {
      csv.append(",,,,");
    }
    csv.append('\n');
  }

  /** Replaces the live rows with the staged ones; call inside the rebuild's swap transaction. */
  public void swapIn(String suffix) {
    for (String table : tables()) {
      jdbc.sql("TRUNCATE " + table).update();
      jdbc.sql("INSERT INTO %s SELECT * FROM %s".formatted(table, table + suffix)).update();
    }
  }

  private void batches(String sql, List<MapSqlParameterSource> rows) {
    for (int from = 0; from < rows.size(); from += BATCH) {
      named.batchUpdate(
          sql,
          rows.subList(from, Math.min(rows.size(), from + BATCH))
              .toArray(SqlParameterSource[]::new));
    }
  }

  private MapSqlParameterSource sessionParameters(SessionFacts s) {
    Cancellation cancellation = s.cancellation();
    Completion completion = s.completion();
    return new MapSqlParameterSource()
        .addValue("sessionId", s.sessionId())
        .addValue("planId", s.planId())
        .addValue("enrollmentId", s.enrollmentId())
        .addValue("serviceId", s.serviceId())
        .addValue("phaseId", s.phaseId())
        .addValue("level", s.level().name())
        .addValue("kind", s.kind().name())
        .addValue("startsAt", s.timing().startsAt())
        .addValue("plannedMinutes", s.timing().plannedMinutes())
        .addValue("timingRevision", s.timing().revision())
        .addValue("scheduled", s.scheduled())
        .addValue("status", s.status().name())
        .addValue(
            "cancelledAt", cancellation == null ? null : Timestamp.from(cancellation.cancelledAt()))
        .addValue(
            "cancellationCause",
            cancellation == null || cancellation.cause() == null
                ? null
                : cancellation.cause().name())
        .addValue(
            "completedAt", completion == null ? null : Timestamp.from(completion.completedAt()))
        .addValue("deliveredMinutes", completion == null ? null : completion.deliveredMinutes())
        .addValue("attendees", completion == null ? null : completion.attendees())
        .addValue(
            "livedExperiencePartnerTookPart",
            completion == null ? null : completion.livedExperiencePartnerTookPart())
        .addValue(
            "attendance",
            completion == null ? null : json.writeValueAsString(completion.attendance()));
  }

  private SessionFacts sessionRow(ResultSet rs, int row) throws SQLException {
    Timestamp cancelledAt = rs.getTimestamp("cancelled_at");
    Timestamp completedAt = rs.getTimestamp("completed_at");
    String cause = rs.getString("cancellation_cause");
    return new SessionFacts(
        rs.getObject("session_id", UUID.class),
        rs.getObject("plan_id", UUID.class),
        rs.getObject("enrollment_id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getObject("phase_id", UUID.class),
        CoachingLevel.valueOf(rs.getString("level")),
        SessionKind.valueOf(rs.getString("kind")),
        new Timing(
            rs.getTimestamp("starts_at").toLocalDateTime(),
            rs.getInt("planned_minutes"),
            rs.getInt("timing_revision")),
        rs.getBoolean("scheduled"),
        cancelledAt == null
            ? null
            : new Cancellation(
                cancelledAt.toInstant(), cause == null ? null : CancellationCause.valueOf(cause)),
        completedAt == null
            ? null
            : new Completion(
                completedAt.toInstant(),
                rs.getInt("delivered_minutes"),
                rs.getInt("attendees"),
                rs.getBoolean("lived_experience_partner_took_part"),
                json.readValue(rs.getString("attendance"), ATTENDANCE)));
  }

  private static PlanFacts planRow(ResultSet rs, int row) throws SQLException {
    return new PlanFacts(
        rs.getObject("plan_id", UUID.class),
        rs.getObject("enrollment_id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getObject("phase_id", UUID.class),
        PhaseKind.valueOf(rs.getString("phase_kind")),
        rs.getObject("window_starts_on", LocalDate.class),
        rs.getObject("window_ends_on", LocalDate.class),
        rs.getInt("sessions"),
        rs.getInt("unstaffed_sessions"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static MapSqlParameterSource planParameters(PlanFacts p) {
    return new MapSqlParameterSource()
        .addValue("planId", p.planId())
        .addValue("enrollmentId", p.enrollmentId())
        .addValue("serviceId", p.serviceId())
        .addValue("phaseId", p.phaseId())
        .addValue("phaseKind", p.phaseKind().name())
        .addValue("windowStartsOn", p.windowStartsOn())
        .addValue("windowEndsOn", p.windowEndsOn())
        .addValue("sessions", p.sessions())
        .addValue("unstaffedSessions", p.unstaffedSessions())
        .addValue("createdAt", Timestamp.from(p.createdAt()));
  }
}
