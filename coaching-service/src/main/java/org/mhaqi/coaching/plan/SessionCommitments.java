package org.mhaqi.coaching.plan;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mhaqi.coaching.coach.CoachCommitments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the coaches' question about which days already hold a coach's sessions. */
@Component
class SessionCommitments implements CoachCommitments {

  private final JdbcClient jdbc;

  SessionCommitments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<LocalDate> daysWithSessions(UUID coachId, List<LocalDate> days) {
    if (days.isEmpty()) {
      return List.of();
    }
    return jdbc
        .sql(
            """
            select distinct cast(starts_at as date) as day from coaching_session
            where coach_id = ? and status = 'SCHEDULED' and starts_at >= ? and starts_at < ?
            order by day
            """)
        .params(
            coachId,
            Timestamp.valueOf(days.get(0).atStartOfDay()),
            Timestamp.valueOf(days.get(days.size() - 1).plusDays(1).atStartOfDay()))
        .query((rs, n) -> rs.getDate("day").toLocalDate())
        .list()
        .stream()
        .filter(days::contains)
        .toList();
  }
}
