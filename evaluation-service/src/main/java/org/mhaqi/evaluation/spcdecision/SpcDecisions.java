package org.mhaqi.evaluation.spcdecision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.evaluation.enrollment.EnrolledServices;
import org.mhaqi.evaluation.enrollment.OrganisationScope;
import org.mhaqi.evaluation.measure.Measures;
import org.mhaqi.evaluation.redaction.FreeText;
import org.mhaqi.evaluation.spcdecision.SpcDecision.Kind;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records, lists and withdraws SPC decisions ({@code spc_decision}), and reads what stands. */
@Service
public class SpcDecisions implements FreeText {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** The earliest month a decision can name: the first of the supported dates. */
  static final YearMonth EARLIEST = YearMonth.of(1900, 1);

  private final JdbcClient jdbc;
  private final EnrolledServices enrollments;
  private final Measures measures;
  private final Clock clock;
  private final OrganisationScope scope;

  SpcDecisions(
      JdbcClient jdbc,
      EnrolledServices enrollments,
      Measures measures,
      Clock clock,
      OrganisationScope scope) {
    this.scope = scope;
    this.jdbc = jdbc;
    this.enrollments = enrollments;
    this.measures = measures;
    this.clock = clock;
  }

  /** Records a decision on the service's chart of the measure. */
  @Transactional
  SpcDecision record(
      UUID serviceId, String measureCode, Kind kind, YearMonth month, String reason, String actor) {
    requireChart(serviceId, measureCode);
    YearMonth now = YearMonth.now(clock.withZone(LONDON));
    if (month.isAfter(now) || month.isBefore(EARLIEST)) {
      throw RuleViolationException.unprocessable(
          "month-out-of-range",
          "month",
          "A decision names a month from "
              + EARLIEST
              + " to this month, "
              + now
              + ", not "
              + month);
    }
    if (standing(serviceId, measureCode).stream()
        .anyMatch(d -> d.kind() == kind && d.month().equals(month))) {
      throw RuleViolationException.conflict(
          "duplicate-decision",
          "month",
          "A " + kind + " decision for " + month + " already stands on this chart");
    }
    SpcDecision decision =
        new SpcDecision(
            UUID.randomUUID(),
            serviceId,
            measureCode,
            kind,
            month,
            reason.strip(),
            actor,
            clock.instant(),
            null,
            null);
    jdbc.sql(
            """
            INSERT INTO spc_decision (id, service_id, measure_code, kind, month, reason,
                                      recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            decision.id(),
            serviceId,
            measureCode,
            kind.name(),
            month.atDay(1),
            decision.reason(),
            actor,
            Timestamp.from(decision.recordedAt()))
        .update();
    return decision;
  }

  /** Withdraws a standing decision; it stays in the history. */
  @Transactional
  SpcDecision withdraw(UUID id, String actor) {
    SpcDecision decision =
        jdbc.sql("SELECT * FROM spc_decision WHERE id = ? FOR UPDATE")
            .param(id)
            .query(SpcDecisions::map)
            .optional()
            .filter(found -> scope.includes(found.serviceId()))
            .orElseThrow(() -> new NotFoundException("SPC decision", id));
    if (!decision.standing()) {
      throw RuleViolationException.conflict(
          "already-withdrawn", "id", "The decision was withdrawn at " + decision.withdrawnAt());
    }
    Instant now = clock.instant();
    jdbc.sql("UPDATE spc_decision SET withdrawn_by = ?, withdrawn_at = ? WHERE id = ?")
        .params(actor, Timestamp.from(now), id)
        .update();
    return new SpcDecision(
        decision.id(),
        decision.serviceId(),
        decision.measureCode(),
        decision.kind(),
        decision.month(),
        decision.reason(),
        decision.recordedBy(),
        decision.recordedAt(),
        actor,
        now);
  }

  /** Every decision on the chart, withdrawn ones included, oldest first. */
  @Transactional(readOnly = true)
  List<SpcDecision> history(UUID serviceId, String measureCode) {
    requireChart(serviceId, measureCode);
    return jdbc.sql(
            """
            SELECT * FROM spc_decision WHERE service_id = ? AND measure_code = ?
            ORDER BY recorded_at, id
            """)
        .params(serviceId, measureCode)
        .query(SpcDecisions::map)
        .list();
  }

  /** What stands on the service's chart of the measure; none for an unknown chart. */
  public ChartDecisions applying(UUID serviceId, String measureCode) {
    return ChartDecisions.of(standing(serviceId, measureCode));
  }

  private List<SpcDecision> standing(UUID serviceId, String measureCode) {
    return jdbc.sql(
            """
            SELECT * FROM spc_decision
            WHERE service_id = ? AND measure_code = ? AND withdrawn_at IS NULL
            """)
        .params(serviceId, measureCode)
        .query(SpcDecisions::map)
        .list();
  }

  private void requireChart(UUID serviceId, String measureCode) {
    scope.requireVisible(serviceId);
    if (enrollments.ofService(serviceId).isEmpty()) {
      throw new NotFoundException("enrolled service", serviceId);
    }
    if (measures.find(measureCode).isEmpty()) {
      throw new NotFoundException("measure", measureCode);
    }
  }

  private static SpcDecision map(ResultSet rs, int row) throws SQLException {
    Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
    return new SpcDecision(
        rs.getObject("id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getString("measure_code"),
        Kind.valueOf(rs.getString("kind")),
        YearMonth.from(rs.getDate("month").toLocalDate()),
        rs.getString("reason"),
        rs.getString("recorded_by"),
        rs.getTimestamp("recorded_at").toInstant(),
        rs.getString("withdrawn_by"),
        Optional.ofNullable(withdrawn).map(Timestamp::toInstant).orElse(null));
  }

  @Override
  public List<Column> freeTextColumns() {
    return List.of(
        new Column("spcDecision.reason", "spc_decision", "reason", 2000),
        new Column("spcDecision.recordedBy", "spc_decision", "recorded_by", 200),
        new Column("spcDecision.withdrawnBy", "spc_decision", "withdrawn_by", 200));
  }
}
