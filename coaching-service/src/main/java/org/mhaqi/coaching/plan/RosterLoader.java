package org.mhaqi.coaching.plan;

import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import org.mhaqi.coaching.coach.Coaches;
import org.mhaqi.coaching.coach.RosterLock;
import org.mhaqi.coaching.scheduling.Booking;
import org.mhaqi.coaching.scheduling.Roster;
import org.springframework.jdbc.core.RowCallbackHandler;
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
  private final EntityManager entityManager;

  RosterLoader(
      Coaches coaches, RosterLock rosterLock, JdbcClient jdbc, EntityManager entityManager) {
    this.coaches = coaches;
    this.rosterLock = rosterLock;
    this.jdbc = jdbc;
    this.entityManager = entityManager;
  }

  /** Takes the roster lock for the rest of the transaction. */
  void lock() {
    rosterLock.lock();
  }

  /**
   * The roster over the whole weeks from {@code first} to {@code last}.
   *
   * <p>This reads every live booked session of those weeks, a few thousand rows once coaches fill
   * up, so the query names only what a booking needs and the rows are read by position into the
   * values the roster keeps (by name, and through {@code Timestamp}, reading cost more than
   * planning). The persistence context is flushed first: plans made earlier in the same transaction
   * are still in Hibernate's queue, and a roster without them would overbook.
   *
   * @param excludedSession a session to leave out (the one being moved), or null
   */
  Roster load(LocalDate first, LocalDate last, UUID excludedSession) {
    entityManager.flush();
    LocalDate from = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate until = last.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    Roster roster = new Roster(coaches.profiles(from, until));
    jdbc.sql(
            """
            select coach_id, starts_at, duration_minutes, kind = 'IMPROVEMENT_DAY'
            from coaching_session
            where coach_id is not null and status <> 'CANCELLED'
              and starts_at >= ? and starts_at < ? and id is distinct from ?
            """)
        .params(from.atStartOfDay(), until.atStartOfDay(), excludedSession)
        .query(
            (RowCallbackHandler)
                rs ->
                    roster.book(
                        rs.getObject(1, UUID.class),
                        new Booking(
                            rs.getObject(2, LocalDateTime.class), rs.getInt(3), rs.getBoolean(4))));
    return roster;
  }
}
