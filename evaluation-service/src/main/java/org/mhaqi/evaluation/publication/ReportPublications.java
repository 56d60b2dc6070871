package org.mhaqi.evaluation.publication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.redaction.FreeText;
import org.mhaqi.events.evaluation.ReportPublished;
import org.mhaqi.events.evaluation.ReportWithdrawn;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes and withdraws phase reports ({@code report_publication}), announcing each on
 * evaluation.events in the same transaction, and answers whether a phase's report is published.
 */
@Service
public class ReportPublications implements FreeText {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ReportPublications(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  /** Publishes the phase's report; 409 when a publication already stands. */
  @Transactional
  ReportPublication publish(UUID phaseId, String actor) {
    if (!jdbc.sql("SELECT EXISTS (SELECT 1 FROM enrolled_service WHERE phase_id = ?)")
        .param(phaseId)
        .query(Boolean.class)
        .single()) {
      throw new NotFoundException("phase", phaseId);
    }
    ReportPublication publication =
        new ReportPublication(UUID.randomUUID(), phaseId, actor, clock.instant(), null, null);
    // The partial unique index settles a race between two publishers: one of them gets the 409.
    int inserted =
        jdbc.sql(
                """
                INSERT INTO report_publication (id, phase_id, published_by, published_at)
                VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            .params(publication.id(), phaseId, actor, Timestamp.from(publication.publishedAt()))
            .update();
    if (inserted == 0) {
      throw RuleViolationException.conflict(
          "already-published", "phaseId", "The report of phase " + phaseId + " is published");
    }
    events.publishEvent(new ReportPublished(publication.id(), phaseId, publication.publishedAt()));
    return publication;
  }

  /** Withdraws the phase's standing publication; 409 when none stands. */
  @Transactional
  ReportPublication withdraw(UUID phaseId, String actor) {
    Instant now = clock.instant();
    ReportPublication withdrawn =
        jdbc.sql(
                """
                UPDATE report_publication SET withdrawn_by = ?, withdrawn_at = ?
                WHERE phase_id = ? AND withdrawn_at IS NULL
                RETURNING *
                """)
            .params(actor, Timestamp.from(now), phaseId)
            .query(ReportPublications::map)
            .optional()
            .orElseThrow(
                () ->
                    RuleViolationException.conflict(
                        "not-published",
                        "phaseId",
                        "The report of phase " + phaseId + " is not published"));
    events.publishEvent(new ReportWithdrawn(withdrawn.id(), phaseId, now));
    return withdrawn;
  }

  /** Whether the phase's report is published now. */
  @Transactional(readOnly = true)
  public boolean published(UUID phaseId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM report_publication"
                + " WHERE phase_id = ? AND withdrawn_at IS NULL)")
        .param(phaseId)
        .query(Boolean.class)
        .single();
  }

  /** Every phase whose report is published now, the earliest published first. */
  @Transactional(readOnly = true)
  public List<UUID> publishedPhases() {
    return jdbc.sql(
            "SELECT phase_id FROM report_publication WHERE withdrawn_at IS NULL"
                + " ORDER BY published_at, phase_id")
        .query(UUID.class)
        .list();
  }

  /** Every publication of the phase's report, withdrawn ones included, oldest first. */
  @Transactional(readOnly = true)
  List<ReportPublication> history(UUID phaseId) {
    return jdbc.sql("SELECT * FROM report_publication WHERE phase_id = ? ORDER BY published_at")
        .param(phaseId)
        .query(ReportPublications::map)
        .list();
  }

  private static ReportPublication map(ResultSet rs, int row) throws SQLException {
    Timestamp withdrawnAt = rs.getTimestamp("withdrawn_at");
    return new ReportPublication(
        rs.getObject("id", UUID.class),
        rs.getObject("phase_id", UUID.class),
        rs.getString("published_by"),
        rs.getTimestamp("published_at").toInstant(),
        rs.getString("withdrawn_by"),
        withdrawnAt == null ? null : withdrawnAt.toInstant());
  }

  @Override
  public List<Column> freeTextColumns() {
    return List.of(
        new Column("reportPublication.publishedBy", "report_publication", "published_by", 200),
        new Column("reportPublication.withdrawnBy", "report_publication", "withdrawn_by", 200));
  }
}
