package org.mhaqi.evaluation.datareturn;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.evaluation.datareturn.OverdueRule.Key;
import org.mhaqi.evaluation.datareturn.OverdueRule.Missing;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrolledServices;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.measure.Measures;
import org.mhaqi.events.evaluation.DataReturnOverdue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the returns missing after their grace period, records each once and announces it as {@code
 * DataReturnOverdue}. One instance at a time: the check holds a PostgreSQL advisory lock for its
 * transaction, and the table's key makes a second report of the same return impossible.
 */
@Service
@EnableConfigurationProperties(DataReturnProperties.class)
public class OverdueReturns {

  private static final Logger log = LoggerFactory.getLogger(OverdueReturns.class);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** Advisory lock key of the check ("overdue" in ASCII), unique among this database's locks. */
  private static final long LOCK = 0x6f76657264756531L;

  private final JdbcClient jdbc;
  private final Measures measures;
  private final ApplicationEventPublisher events;
  private final DataReturnProperties properties;
  private final Clock clock;

  OverdueReturns(
      JdbcClient jdbc,
      Measures measures,
      ApplicationEventPublisher events,
      DataReturnProperties properties,
      Clock clock) {
    this.jdbc = jdbc;
    this.measures = measures;
    this.events = events;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Runs the check as of now.
   *
   * @return how many returns were newly found overdue; 0 when another instance holds the check
   */
  @Transactional
  public int check() {
    boolean mine =
        jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
    if (!mine) {
      log.info("Another instance is checking for overdue returns");
      return 0;
    }
    LocalDate today = LocalDate.now(clock.withZone(LONDON));
    Instant now = clock.instant();
    List<Missing> missing =
        OverdueRule.missing(
            enrollments(),
            measures.all().stream().map(Measure::code).toList(),
            keys("SELECT service_id, measure_code, month FROM data_return"),
            keys("SELECT service_id, measure_code, month FROM overdue_return"),
            today,
            properties.gracePeriod());
    for (Missing m : missing) {
      jdbc.sql(
              """
              INSERT INTO overdue_return
                (enrollment_id, service_id, measure_code, month, due_on, detected_at)
              VALUES (?, ?, ?, ?, ?, ?)
              """)
          .params(
              m.enrollmentId(),
              m.serviceId(),
              m.measureCode(),
              m.month().atDay(1),
              m.dueOn(),
              Timestamp.from(now))
          .update();
      events.publishEvent(
          new DataReturnOverdue(
              m.enrollmentId(), m.serviceId(), m.measureCode(), m.month(), m.dueOn(), now));
    }
    if (!missing.isEmpty()) {
      log.info("{} monthly returns newly overdue", missing.size());
    }
    return missing.size();
  }

  private List<EnrolledService> enrollments() {
    return jdbc.sql(
            "SELECT "
                + EnrolledServices.columns()
                + " FROM enrolled_service ORDER BY enrolled_on, enrollment_id")
        .query(EnrolledServices::read)
        .list();
  }

  private Set<Key> keys(String sql) {
    return new HashSet<>(
        jdbc.sql(sql)
            .query(
                (rs, n) ->
                    new Key(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        YearMonth.from(rs.getObject(3, LocalDate.class))))
            .list());
  }
}
