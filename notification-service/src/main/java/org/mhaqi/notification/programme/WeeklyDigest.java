package org.mhaqi.notification.programme;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.notification.message.Messages;
import org.mhaqi.notification.message.Notice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The central team's weekly digest, from what the events told this service: sessions to come
 * without a coach, returns overdue and not submitted since, and the services on a waiting list.
 * Written once a week ({@code mhaqi.notification.digest.cron}, Monday 08:00; a week whose moment
 * passed while the service was down is not written afterwards), to the central team's contacts who
 * chose the digest. Each list shows its first 20 and how many more.
 */
@Component
public class WeeklyDigest {

  static final int LISTED = 20;
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm", Locale.UK);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private final JdbcClient jdbc;
  private final Messages messages;
  private final TransactionTemplate transactions;
  private final Clock clock;

  WeeklyDigest(JdbcClient jdbc, Messages messages, TransactionTemplate transactions, Clock clock) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.transactions = transactions;
    this.clock = clock;
  }

  @Scheduled(cron = "${mhaqi.notification.digest.cron}", zone = "Europe/London")
  void writeWeekly() {
    transactions.executeWithoutResult(status -> writeThisWeek());
  }

  /** This week's digest, unless written already; how many messages were written. */
  public int writeThisWeek() {
    LocalDate monday =
        LocalDate.now(clock.withZone(LONDON))
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    int claimed =
        jdbc.sql(
                """
                insert into weekly_digest (week_of, written_at) values (?, ?)
                on conflict do nothing
                """)
            .params(Date.valueOf(monday), Timestamp.from(clock.instant()))
            .update();
    if (claimed == 0) {
      return 0;
    }
    UUID digestId =
        UUID.nameUUIDFromBytes(("weekly-digest:" + monday).getBytes(StandardCharsets.UTF_8));
    return messages.notifyCentralTeam(digestId, Notice.WEEKLY_DIGEST, facts(monday));
  }

  /** What the digest of the week says. */
  Map<String, Object> facts(LocalDate monday) {
    LocalDateTime now = LocalDateTime.now(clock.withZone(LONDON));
    Map<String, Object> facts = new HashMap<>();
    facts.put("weekOf", DAY.format(monday));
    facts.put(
        "unstaffedCount",
        count(
            "select count(*) from session_reminder where coach_id is null and starts_at > ?",
            Timestamp.valueOf(now)));
    facts.put(
        "unstaffed",
        jdbc.sql(
                """
                select r.starts_at, r.summary, d.service_name
                  from session_reminder r left join service_directory d using (service_id)
                 where r.coach_id is null and r.starts_at > ?
                 order by r.starts_at, r.session_id
                 limit ?
                """)
            .params(Timestamp.valueOf(now), LISTED)
            .query(
                (rs, i) ->
                    Map.of(
                        "when", WHEN.format(rs.getTimestamp("starts_at").toLocalDateTime()),
                        "summary", rs.getString("summary"),
                        "service", service(rs.getString("service_name"))))
            .list());
    facts.put("overdueCount", count("select count(*) from overdue_return"));
    facts.put(
        "overdue",
        jdbc.sql(
                """
                select o.month, o.measure_code, o.due_on, d.service_name
                  from overdue_return o left join service_directory d using (service_id)
                 order by o.month, d.service_name, o.measure_code
                 limit ?
                """)
            .param(LISTED)
            .query(
                (rs, i) ->
                    Map.of(
                        "month",
                        MONTH.format(YearMonth.from(rs.getDate("month").toLocalDate())),
                        "measure",
                        rs.getString("measure_code"),
                        "dueOn",
                        rs.getDate("due_on") == null
                            ? "its due date"
                            : DAY.format(rs.getDate("due_on").toLocalDate()),
                        "service",
                        service(rs.getString("service_name"))))
            .list());
    facts.put("waitlistCount", count("select count(*) from waitlisted_service"));
    facts.put(
        "waitlist",
        jdbc.sql(
                """
                select w.waitlisted_at, d.service_name,
                       row_number() over (partition by w.phase_id
                                          order by w.position, w.waitlisted_at) as place
                  from waitlisted_service w left join service_directory d using (service_id)
                 order by w.waitlisted_at, w.enrollment_id
                 limit ?
                """)
            .param(LISTED)
            .query(
                (rs, i) ->
                    Map.of(
                        "position",
                        rs.getLong("place"),
                        "since",
                        DAY.format(
                            LocalDate.ofInstant(
                                rs.getTimestamp("waitlisted_at").toInstant(), LONDON)),
                        "service",
                        service(rs.getString("service_name"))))
            .list());
    return facts;
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
  }

  private static String service(String name) {
    return name == null ? "a service not yet named" : name;
  }
}
