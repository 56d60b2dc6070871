package org.mhaqi.evaluation.measuretarget;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.enrollment.EnrolledServices;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.measure.Measures;
import org.mhaqi.evaluation.redaction.FreeText;
import org.mhaqi.events.evaluation.MeasureTargetSet;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sets targets ({@code measure_target}) as new versions, announces each as {@code
 * MeasureTargetSet}, and reads the current ones and their history.
 */
@Service
public class MeasureTargets implements FreeText {

  private final JdbcClient jdbc;
  private final Measures measures;
  private final EnrolledServices enrollments;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  MeasureTargets(
      JdbcClient jdbc,
      Measures measures,
      EnrolledServices enrollments,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.measures = measures;
    this.enrollments = enrollments;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Sets the target of the measure for its scope (the measure, a phase or a service): the next
   * version of that scope's target.
   */
  @Transactional
  MeasureTarget set(String measureCode, UUID phaseId, UUID serviceId, double value, String actor) {
    Measure measure =
        measures.find(measureCode).orElseThrow(() -> new NotFoundException("measure", measureCode));
    if (phaseId != null && serviceId != null) {
      throw RuleViolationException.unprocessable(
          "one-scope",
          "serviceId",
          "A target is set for the measure, one phase or one service: not a phase and a service");
    }
    if (phaseId != null && !phaseKnown(phaseId)) {
      throw RuleViolationException.unprocessable(
          "unknown-phase", "phaseId", "No enrolment of phase " + phaseId + " is known");
    }
    if (serviceId != null && enrollments.ofService(serviceId).isEmpty()) {
      throw RuleViolationException.unprocessable(
          "unknown-service", "serviceId", "No enrolment of service " + serviceId + " is known");
    }
    if (measure.unit() == Measure.Unit.PERCENTAGE && value > 100) {
      throw RuleViolationException.unprocessable(
          "target-out-of-range", "value", "A percentage target lies from 0 to 100, not " + value);
    }
    // One change of a measure's targets at a time, so versions follow one another; NO KEY, so
    // that returns and decisions referencing the measure are not held up (nor deadlocked).
    jdbc.sql("SELECT code FROM measure WHERE code = ? FOR NO KEY UPDATE")
        .param(measureCode)
        .query(String.class)
        .single();
    List<MeasureTarget> previous = versions(measureCode, phaseId, serviceId);
    MeasureTarget latest = previous.isEmpty() ? null : previous.get(previous.size() - 1);
    MeasureTarget target =
        new MeasureTarget(
            UUID.randomUUID(),
            latest == null ? UUID.randomUUID() : latest.targetId(),
            measureCode,
            phaseId,
            serviceId,
            latest == null ? 1 : latest.version() + 1,
            value,
            actor,
            clock.instant());
    jdbc.sql(
            """
            INSERT INTO measure_target (id, target_id, measure_code, phase_id, service_id,
                                        version, value, set_by, set_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            target.id(),
            target.targetId(),
            measureCode,
            phaseId,
            serviceId,
            target.version(),
            value,
            actor,
            Timestamp.from(target.setAt()))
        .update();
    events.publishEvent(
        new MeasureTargetSet(
            target.targetId(),
            measureCode,
            phaseId,
            serviceId,
            target.version(),
            value,
            target.setAt()));
    return target;
  }

  /** The latest version of each of the measure's targets: measure-wide, then phases, services. */
  @Transactional(readOnly = true)
  List<MeasureTarget> current(String measureCode) {
    requireMeasure(measureCode);
    return Targets.latestOf(history(measureCode)).current();
  }

  /** Every version of every target of the measure, oldest first. */
  @Transactional(readOnly = true)
  List<MeasureTarget> history(String measureCode) {
    requireMeasure(measureCode);
    return jdbc.sql("SELECT * FROM measure_target WHERE measure_code = ? ORDER BY set_at, version")
        .param(measureCode)
        .query(MeasureTargets::map)
        .list();
  }

  /** The current targets of every measure, for reports to pick the one applying to a chart. */
  @Transactional(readOnly = true)
  public Targets all() {
    return Targets.latestOf(
        jdbc.sql("SELECT * FROM measure_target ORDER BY set_at, version")
            .query(MeasureTargets::map)
            .list());
  }

  private List<MeasureTarget> versions(String measureCode, UUID phaseId, UUID serviceId) {
    return jdbc.sql(
            """
            SELECT * FROM measure_target
            WHERE measure_code = ?
              AND phase_id IS NOT DISTINCT FROM CAST(? AS uuid)
              AND service_id IS NOT DISTINCT FROM CAST(? AS uuid)
            ORDER BY version
            """)
        .params(measureCode, phaseId, serviceId)
        .query(MeasureTargets::map)
        .list();
  }

  private boolean phaseKnown(UUID phaseId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM enrolled_service WHERE phase_id = ?)")
        .param(phaseId)
        .query(Boolean.class)
        .single();
  }

  private void requireMeasure(String measureCode) {
    if (measures.find(measureCode).isEmpty()) {
      throw new NotFoundException("measure", measureCode);
    }
  }

  private static MeasureTarget map(ResultSet rs, int row) throws SQLException {
    return new MeasureTarget(
        rs.getObject("id", UUID.class),
        rs.getObject("target_id", UUID.class),
        rs.getString("measure_code"),
        rs.getObject("phase_id", UUID.class),
        rs.getObject("service_id", UUID.class),
        rs.getInt("version"),
        rs.getDouble("value"),
        rs.getString("set_by"),
        rs.getTimestamp("set_at").toInstant());
  }

  @Override
  public List<Column> freeTextColumns() {
    return List.of(new Column("measureTarget.setBy", "measure_target", "set_by", 200));
  }
}
