package org.mhaqi.coaching.plan;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.mhaqi.coaching.coach.Coaches;
import org.mhaqi.coaching.coach.RosterLock;
import org.mhaqi.coaching.scheduling.Booking;
import org.mhaqi.coaching.scheduling.Roster;
import org.mhaqi.events.coaching.SessionKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds the roster for a planning or rescheduling decision: every coach, with the sessions they
 * already hold (scheduled or delivered) in the weeks concerned. Decisions that book coaches hold
 * the roster lock until their transaction ends, so two of them never book the same free time.
 */
@Component
class RosterLoader {

  private final Coaches coaches;
  private final RosterLock rosterLock;
  private final JdbcClient jdbc;

  RosterLoader(Coaches coaches, RosterLock rosterLock, JdbcClient jdbc) {
    this.coaches = coaches;
    this.rosterLock = rosterLock;
    this.jdbc = jdbc;
  }

  /** Takes the roster lock for the rest of the transaction. */
  void lock() {
    rosterLock.lock();
  }

  /**
   * The roster over the whole weeks from {@code first} to {@code last}.
   *
   * @param excludedSession a session to leave out (the one being moved), or null
   */
  Roster load(LocalDate first, LocalDate last, UUID excludedSession) {
    Roster roster = new Roster(coaches.profiles());
    LocalDate from = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate until = last.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    jdbc.sql(
            """
            select id, coach_id, starts_at, duration_minutes, kind from coaching_session
            where coach_id is not null and status <> 'CANCELLED'
              and starts_at >= ? and starts_at < ?
            """)
        .params(Timestamp.valueOf(from.atStartOfDay()), Timestamp.valueOf(until.atStartOfDay()))
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              if (!id.equals(excludedSession)) {
                roster.book(
                    rs.getObject("coach_id", UUID.class),
                    new Booking(
                        rs.getTimestamp("starts_at").toLocalDateTime(),
                        rs.getInt("duration_minutes"),
                        SessionKind.valueOf(rs.getString("kind")) == SessionKind.IMPROVEMENT_DAY));
              }
              return id;
            })
        .list();
    return roster;
  }
}
