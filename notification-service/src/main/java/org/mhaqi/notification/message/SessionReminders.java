package org.mhaqi.notification.message;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.mhaqi.support.workingdays.WorkingDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder the working day before each session. Kept in the database from the session's events
 * (so a restart loses none), moved with the session and removed when it is cancelled; a scheduled
 * round writes the due ones as messages, once per session and time: a moved session is reminded
 * again for its new time.
 *
 * <p>Working days are service-support's calendar: no weekends, no England and Wales bank holidays,
 * so a session on the Tuesday after a bank holiday Monday is reminded on the Friday before.
 */
@Component
public class SessionReminders {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private record Due(
      UUID sessionId,
      UUID serviceId,
      UUID coachId,
      String summary,
      LocalDateTime startsAt,
      String timeZone,
      int minutes) {}

  private final JdbcClient jdbc;
  private final Messages messages;
  private final WorkingDays workingDays;
  private final TransactionTemplate transactions;
  private final Clock clock;

  SessionReminders(
      JdbcClient jdbc,
      Messages messages,
      WorkingDays workingDays,
      TransactionTemplate transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.workingDays = workingDays;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** The day a session on this day is reminded: the working day before. */
  LocalDate remindOn(LocalDate sessionDay) {
    return workingDays.previous(sessionDay);
  }

  /** A session booked or moved: its reminder at its (new) time, to be sent again if it moved. */
  public void plan(UUID serviceId, UUID coachId, Messages.Session session) {
    jdbc.sql(
            """
            insert into session_reminder (session_id, service_id, coach_id, summary, starts_at,
                                          time_zone, minutes, remind_on)
            values (:session, :service, :coach, :summary, :startsAt, :zone, :minutes, :remindOn)
            on conflict (session_id) do update
               set service_id = excluded.service_id, coach_id = excluded.coach_id,
                   summary = excluded.summary, time_zone = excluded.time_zone,
                   minutes = excluded.minutes, remind_on = excluded.remind_on,
                   reminded_at = case when session_reminder.starts_at = excluded.starts_at
                                      then session_reminder.reminded_at end,
                   starts_at = excluded.starts_at
            """)
        .param("session", session.sessionId())
        .param("service", serviceId)
        .param("coach", coachId)
        .param("summary", session.summary())
        .param("startsAt", Timestamp.valueOf(session.startsAt()))
        .param("zone", session.timeZone())
        .param("minutes", session.minutes())
        .param("remindOn", java.sql.Date.valueOf(remindOn(session.startsAt().toLocalDate())))
        .update();
  }

  /** A session cancelled: no reminder. */
  public void cancel(UUID sessionId) {
    jdbc.sql("delete from session_reminder where session_id = ?").param(sessionId).update();
  }

  @Scheduled(fixedDelayString = "${mhaqi.notification.reminders.interval}")
  void writeDue() {
    transactions.executeWithoutResult(status -> writeDueNow());
  }

  /** Writes the reminders due today (or missed while the service was down) of sessions to come. */
  void writeDueNow() {
    LocalDateTime now = LocalDateTime.now(clock.withZone(LONDON));
    List<Due> due =
        jdbc.sql(
                """
                select session_id, service_id, coach_id, summary, starts_at, time_zone, minutes
                  from session_reminder
                 where reminded_at is null and remind_on <= ? and starts_at > ?
                 order by starts_at
                 limit 500
                 for update skip locked
                """)
            .params(java.sql.Date.valueOf(now.toLocalDate()), Timestamp.valueOf(now))
            .query(
                (rs, i) ->
                    new Due(
                        rs.getObject("session_id", UUID.class),
                        rs.getObject("service_id", UUID.class),
                        rs.getObject("coach_id", UUID.class),
                        rs.getString("summary"),
                        rs.getTimestamp("starts_at").toLocalDateTime(),
                        rs.getString("time_zone"),
                        rs.getInt("minutes")))
            .list();
    for (Due reminder : due) {
      // One reminder per session and time, whatever rounds or restarts happen.
      UUID reminderId =
          UUID.nameUUIDFromBytes(
              ("reminder:" + reminder.sessionId() + "@" + reminder.startsAt())
                  .getBytes(StandardCharsets.UTF_8));
      messages.remind(
          reminderId,
          reminder.serviceId(),
          reminder.coachId(),
          new Messages.Session(
              reminder.sessionId(),
              reminder.summary(),
              reminder.startsAt(),
              reminder.timeZone(),
              reminder.minutes(),
              null,
              0));
      jdbc.sql("update session_reminder set reminded_at = ? where session_id = ?")
          .params(Timestamp.from(clock.instant()), reminder.sessionId())
          .update();
    }
  }
}
