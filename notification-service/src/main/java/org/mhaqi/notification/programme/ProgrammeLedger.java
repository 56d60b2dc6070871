package org.mhaqi.notification.programme;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records what the events say about enrolments, returns and the waiting list, in the transaction
 * that consumes them. Every write is idempotent and tolerates events in any order of arrival, so a
 * redelivered event changes nothing.
 */
@Component
public class ProgrammeLedger {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final JdbcClient jdbc;

  ProgrammeLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A service enrolled (or promoted from the waiting list): it owes monthly returns. */
  public void enrolled(UUID enrollmentId, UUID serviceId, Instant enrolledAt) {
    jdbc.sql(
            """
            insert into enrolled_service (enrollment_id, service_id, enrolled_on, updated_at)
            values (?, ?, ?, ?)
            on conflict (enrollment_id) do nothing
            """)
        .params(enrollmentId, serviceId, Date.valueOf(day(enrolledAt)), Timestamp.from(enrolledAt))
        .update();
    jdbc.sql("delete from waitlisted_service where enrollment_id = ?").param(enrollmentId).update();
  }

  public void waitlisted(
      UUID enrollmentId, UUID serviceId, UUID phaseId, int position, Instant at) {
    jdbc.sql(
            """
            insert into waitlisted_service (enrollment_id, service_id, phase_id, position,
                                            waitlisted_at)
            select ?, ?, ?, ?, ?
             where not exists (select 1 from enrolled_service where enrollment_id = ?)
            on conflict (enrollment_id) do nothing
            """)
        .params(enrollmentId, serviceId, phaseId, position, Timestamp.from(at), enrollmentId)
        .update();
  }

  /** Declined: off the waiting list, if it was on it. */
  public void declined(UUID enrollmentId) {
    jdbc.sql("delete from waitlisted_service where enrollment_id = ?").param(enrollmentId).update();
  }

  /** Withdrawn: off the waiting list, and no longer chased for returns. */
  public void withdrawn(UUID enrollmentId, UUID serviceId, Instant at) {
    declined(enrollmentId);
    ended(enrollmentId, serviceId, at, true);
  }

  /** Completed: owes returns up to the month it completed in. */
  public void completed(UUID enrollmentId, UUID serviceId, Instant at) {
    ended(enrollmentId, serviceId, at, false);
  }

  private void ended(UUID enrollmentId, UUID serviceId, Instant at, boolean withdrawn) {
    // Also when the ending overtakes the enrolment: the enrolment then finds it ended.
    jdbc.sql(
            """
            insert into enrolled_service (enrollment_id, service_id, enrolled_on, ended_on,
                                          withdrawn, updated_at)
            values (:enrollment, :service, :day, :day, :withdrawn, :at)
            on conflict (enrollment_id) do update
               set ended_on = excluded.ended_on, withdrawn = excluded.withdrawn,
                   updated_at = excluded.updated_at
            """)
        .param("enrollment", enrollmentId)
        .param("service", serviceId)
        .param("day", Date.valueOf(day(at)))
        .param("withdrawn", withdrawn)
        .param("at", Timestamp.from(at))
        .update();
  }

  /** A return submitted: the month has begun, and an overdue one is no longer overdue. */
  public void returnSubmitted(UUID serviceId, String measureCode, YearMonth month) {
    jdbc.sql(
            """
            insert into data_return_seen (service_id, measure_code, month) values (?, ?, ?)
            on conflict do nothing
            """)
        .params(serviceId, measureCode, Date.valueOf(month.atDay(1)))
        .update();
    jdbc.sql("delete from overdue_return where service_id = ? and measure_code = ? and month = ?")
        .params(serviceId, measureCode, Date.valueOf(month.atDay(1)))
        .update();
  }

  /** A return found overdue, unless it has been submitted since. */
  public void returnOverdue(
      UUID serviceId, String measureCode, YearMonth month, LocalDate dueOn, Instant at) {
    jdbc.sql(
            """
            insert into overdue_return (service_id, measure_code, month, due_on, overdue_at)
            select :service, :measure, :month, :dueOn, :at
             where not exists (select 1 from data_return_seen
                                where service_id = :service and measure_code = :measure
                                  and month = :month)
            on conflict do nothing
            """)
        .param("service", serviceId)
        .param("measure", measureCode)
        .param("month", Date.valueOf(month.atDay(1)))
        .param("dueOn", dueOn == null ? null : Date.valueOf(dueOn))
        .param("at", Timestamp.from(at))
        .update();
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, LONDON);
  }
}
