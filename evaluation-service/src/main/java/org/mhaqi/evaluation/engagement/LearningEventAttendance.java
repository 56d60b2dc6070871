package org.mhaqi.evaluation.engagement;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.events.coaching.LearningEventAttended;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Learning events attended per enrolment ({@code learning_event_attendance}), counted apart from
 * coaching: one row per event and enrolment, so a redelivered event changes nothing.
 */
@Repository
public class LearningEventAttendance {

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate named;

  LearningEventAttendance(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
    this.jdbc = jdbc;
    this.named = named;
  }

  /** What engagement shows of one enrolment's learning events. */
  public record Figures(long eventsAttended, long minutes, long attendances) {
    public static final Figures NONE = new Figures(0, 0, 0);
  }

  /** Records an attendance once; a later copy of the same event and enrolment is ignored. */
  public void attended(LearningEventAttended e) {
    if (e.plannedMinutes() <= 0 || e.attendees() <= 0) {
      throw new IllegalArgumentException(
          "a learning event attended needs a positive length and attendees");
    }
    jdbc.sql(
            """
            INSERT INTO learning_event_attendance
                (learning_event_id, enrollment_id, service_id, phase_id, format, starts_at,
                 planned_minutes, attendees, lived_experience_partner_took_part, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (learning_event_id, enrollment_id) DO NOTHING
            """)
        .params(
            e.learningEventId(),
            e.enrollmentId(),
            e.serviceId(),
            e.phaseId(),
            e.format().name(),
            Timestamp.valueOf(e.startsAt()),
            e.plannedMinutes(),
            e.attendees(),
            e.livedExperiencePartnerTookPart(),
            Timestamp.from(e.recordedAt()))
        .update();
  }

  /** The figures of each of the enrolments that attended any learning event. */
  public Map<UUID, Figures> of(Collection<UUID> enrollmentIds) {
    Map<UUID, Figures> figures = new HashMap<>();
    if (enrollmentIds.isEmpty()) {
      return figures;
    }
    named.query(
        """
        SELECT enrollment_id, count(*) AS events, sum(planned_minutes) AS minutes,
               sum(attendees) AS attendances
        FROM learning_event_attendance WHERE enrollment_id IN (:ids) GROUP BY enrollment_id
        """,
        new MapSqlParameterSource("ids", enrollmentIds),
        rs -> {
          figures.put(
              rs.getObject("enrollment_id", UUID.class),
              new Figures(rs.getLong("events"), rs.getLong("minutes"), rs.getLong("attendances")));
        });
    return figures;
  }
}
