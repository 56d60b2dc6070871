package org.mhaqi.notification.programme;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.notification.message.Messages;
import org.mhaqi.notification.message.Notice;
import org.mhaqi.support.workingdays.WorkingDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells each enrolled service that a month's data returns are due, five working days (England and
 * Wales) before the due date: the month's last day plus the grace period, as evaluation-service
 * counts it. Once per service and month, whatever rounds or restarts happen; not to a service that
 * has begun the month's returns, has withdrawn, or had ended before the month began.
 */
@Component
public class DataReturnReminders {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  private record Owing(UUID serviceId, LocalDate enrolledOn, LocalDate endedOn) {}

  private final JdbcClient jdbc;
  private final Messages messages;
  private final WorkingDays workingDays;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Period gracePeriod;
  private final int workingDaysBefore;

  DataReturnReminders(
      JdbcClient jdbc,
      Messages messages,
      WorkingDays workingDays,
      TransactionTemplate transactions,
      Clock clock,
      DataReturnProperties properties) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.workingDays = workingDays;
    this.transactions = transactions;
    this.clock = clock;
    this.gracePeriod = properties.gracePeriod();
    this.workingDaysBefore = properties.remindWorkingDaysBefore();
  }

  /** The day a month's returns are due on. */
  LocalDate dueOn(YearMonth month) {
    return month.atEndOfMonth().plus(gracePeriod);
  }

  /** The day a service is told of a due date: that many working days before it. */
  LocalDate remindOn(LocalDate dueOn) {
    return workingDays.minus(dueOn, workingDaysBefore);
  }

  /**
   * The month whose returns a service should be told of today, if any: the one whose reminder day
   * has come and whose due date has not passed.
   */
  YearMonth monthToRemind(LocalDate today) {
    for (YearMonth month = YearMonth.from(today).minusMonths(3);
        !month.isAfter(YearMonth.from(today));
        month = month.plusMonths(1)) {
      LocalDate due = dueOn(month);
      if (!today.isBefore(remindOn(due)) && !today.isAfter(due)) {
        return month;
      }
    }
    return null;
  }

  @Scheduled(fixedDelayString = "${mhaqi.notification.reminders.interval}")
  void writeDue() {
    transactions.executeWithoutResult(status -> writeDueNow());
  }

  /** Writes today's reminders (or those missed while the service was down, until the due date). */
  void writeDueNow() {
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    YearMonth month = monthToRemind(today);
    if (month == null) {
      return;
    }
    LocalDate due = dueOn(month);
    Date first = Date.valueOf(month.atDay(1));
    List<Owing> owing =
        jdbc.sql(
                """
                select distinct on (e.service_id) e.service_id, e.enrolled_on, e.ended_on
                  from enrolled_service e
                 where not e.withdrawn
                   and e.enrolled_on <= :last
                   and (e.ended_on is null or e.ended_on >= :first)
                   and not exists (select 1 from data_return_reminder r
                                    where r.service_id = e.service_id and r.month = :first)
                   and not exists (select 1 from data_return_seen s
                                    where s.service_id = e.service_id and s.month = :first)
                 order by e.service_id, e.enrolled_on
                 limit 500
                """)
            .param("first", first)
            .param("last", Date.valueOf(month.atEndOfMonth()))
            .query(
                (rs, i) ->
                    new Owing(
                        rs.getObject("service_id", UUID.class),
                        rs.getDate("enrolled_on").toLocalDate(),
                        rs.getDate("ended_on") == null
                            ? null
                            : rs.getDate("ended_on").toLocalDate()))
            .list();
    for (Owing service : owing) {
      UUID reminderId =
          UUID.nameUUIDFromBytes(
              ("return-due:" + service.serviceId() + "@" + month).getBytes(StandardCharsets.UTF_8));
      messages.notify(
          reminderId,
          Notice.DATA_RETURN_DUE,
          service.serviceId(),
          null,
          Map.of("month", MONTH.format(month), "dueOn", DAY.format(due)));
      jdbc.sql(
              """
              insert into data_return_reminder (service_id, month, due_on, reminded_at)
              values (?, ?, ?, ?) on conflict do nothing
              """)
          .params(service.serviceId(), first, Date.valueOf(due), Timestamp.from(clock.instant()))
          .update();
    }
  }
}
