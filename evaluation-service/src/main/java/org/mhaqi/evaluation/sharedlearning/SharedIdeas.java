package org.mhaqi.evaluation.sharedlearning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Act;
import org.mhaqi.evaluation.changeidea.ChangeIdeas;
import org.mhaqi.evaluation.redaction.FreeText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code change_idea_sharing_decision}, {@code shared_change_idea} and {@code
 * change_idea_adoption} tables.
 */
@Repository
class SharedIdeas implements FreeText {

  /**
   * What the shared library can be searched by; null fields do not filter.
   *
   * @param text words to find in title and description (web search syntax)
   * @param outcome the decision of the idea's latest studied PDSA cycle
   */
  record Search(String text, String measureCode, Act outcome, Boolean coProduced, UUID phaseId) {}

  /** A shared idea found, with the number of other teams that adopted it (directly or onward). */
  record Found(UUID changeIdeaId, int adoptingTeams) {}

  /** Where a shared idea was recorded: its enrolment's dimensions (no organisation named). */
  record Origin(String region, String serviceType, UUID phaseId, String phaseKind) {}

  /**
   * One idea adopted, directly or onward, from another.
   *
   * @param generation 1 for ideas adopted from the idea itself, 2 for those adopted from them, ...
   * @param shared whether the adopting team shared it too (only then is its id answered)
   */
  record Adoption(
      UUID changeIdeaId,
      UUID serviceId,
      int generation,
      UUID adoptedFromId,
      Origin origin,
      boolean shared) {}

  private static final String SPREAD =
      """
      WITH RECURSIVE spread (root, idea, generation) AS (
        SELECT adopted_from_id, change_idea_id, 1 FROM change_idea_adoption
        UNION
        SELECT s.root, a.change_idea_id, s.generation + 1
        FROM spread s JOIN change_idea_adoption a ON a.adopted_from_id = s.idea
        WHERE s.generation < 100
      )
      """;

  private final JdbcClient jdbc;

  SharedIdeas(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Serialises every change of "adopted from" links, so that two cannot close a cycle at once. */
  void lockAdoptions() {
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('change_idea_adoption'))")
        .query(Object.class)
        .single();
  }

  Optional<Instant> sharedAt(UUID ideaId) {
    return jdbc.sql("SELECT shared_at FROM shared_change_idea WHERE change_idea_id = ?")
        .param(ideaId)
        .query(Timestamp.class)
        .optional()
        .map(Timestamp::toInstant);
  }

  /** Records the decision and, with it, whether the idea is in the library now. */
  void decide(UUID ideaId, boolean shared, String actor, Instant at) {
    jdbc.sql(
            """
            INSERT INTO change_idea_sharing_decision (id, change_idea_id, shared, decided_by,
                                                      decided_at)
            VALUES (?, ?, ?, ?, ?)
            """)
        .params(UUID.randomUUID(), ideaId, shared, actor, Timestamp.from(at))
        .update();
    if (shared) {
      jdbc.sql("INSERT INTO shared_change_idea (change_idea_id, shared_at) VALUES (?, ?)")
          .params(ideaId, Timestamp.from(at))
          .update();
    } else {
      jdbc.sql("DELETE FROM shared_change_idea WHERE change_idea_id = ?").param(ideaId).update();
    }
  }

  Optional<UUID> sourceOf(UUID ideaId) {
    return jdbc.sql("SELECT adopted_from_id FROM change_idea_adoption WHERE change_idea_id = ?")
        .param(ideaId)
        .query(UUID.class)
        .optional();
  }

  void adopt(UUID ideaId, UUID sourceId, String actor, Instant at) {
    jdbc.sql(
            """
            INSERT INTO change_idea_adoption (change_idea_id, adopted_from_id, recorded_by,
                                              recorded_at)
            VALUES (?, ?, ?, ?)
            """)
        .params(ideaId, sourceId, actor, Timestamp.from(at))
        .update();
  }

  Origin origin(UUID enrollmentId) {
    return jdbc.sql(
            """
            SELECT region, service_type, phase_id, phase_kind FROM enrolled_service
            WHERE enrollment_id = ?
            """)
        .param(enrollmentId)
        .query(
            (rs, n) ->
                new Origin(
                    rs.getString("region"),
                    rs.getString("service_type"),
                    rs.getObject("phase_id", UUID.class),
                    rs.getString("phase_kind")))
        .optional()
        .orElse(new Origin(null, null, null, null));
  }

  /**
   * The shared ideas that match, the most widely adopted first (other teams adopting it directly or
   * onward), then the best text match, then the latest shared; at most 200.
   */
  List<Found> search(Search s) {
    String text = s.text() == null || s.text().isBlank() ? null : s.text();
    return jdbc.sql(
            SPREAD
                + """
                SELECT c.id,
                       (SELECT count(DISTINCT a.service_id) FROM spread sp
                        JOIN change_idea a ON a.id = sp.idea
                        WHERE sp.root = c.id AND a.service_id <> c.service_id) AS adopting_teams
                FROM change_idea c
                JOIN shared_change_idea sh ON sh.change_idea_id = c.id
                LEFT JOIN enrolled_service e ON e.enrollment_id = c.enrollment_id
                WHERE
                """
                + ChangeIdeas.IDEA_FILTERS
                + """
                  AND (cast(:phaseId AS uuid) IS NULL OR e.phase_id = :phaseId)
                  AND (cast(:outcome AS text) IS NULL OR (
                       SELECT p.act FROM pdsa_cycle p
                       WHERE p.change_idea_id = c.id AND p.act IS NOT NULL
                       ORDER BY p.cycle_number DESC LIMIT 1) = :outcome)
                ORDER BY adopting_teams DESC,
                """
                + ChangeIdeas.TEXT_RANK
                + """
                         DESC, sh.shared_at DESC, c.id
                LIMIT 200
                """)
        .param("text", text)
        .param("measure", s.measureCode())
        .param("coProduced", s.coProduced())
        .param("phaseId", s.phaseId())
        .param("outcome", s.outcome() == null ? null : s.outcome().name())
        .query((rs, n) -> new Found(rs.getObject("id", UUID.class), rs.getInt("adopting_teams")))
        .list();
  }

  /** Every idea adopted from this one, directly or onward, nearest first. */
  List<Adoption> spread(UUID ideaId) {
    return jdbc.sql(
            SPREAD
                + """
                SELECT c.id, c.service_id, min(sp.generation) AS generation,
                       a.adopted_from_id, e.region, e.service_type, e.phase_id, e.phase_kind,
                       sh.change_idea_id IS NOT NULL AS shared
                FROM spread sp
                JOIN change_idea c ON c.id = sp.idea
                JOIN change_idea_adoption a ON a.change_idea_id = c.id
                LEFT JOIN enrolled_service e ON e.enrollment_id = c.enrollment_id
                LEFT JOIN shared_change_idea sh ON sh.change_idea_id = c.id
                WHERE sp.root = ?
                GROUP BY c.id, c.service_id, a.adopted_from_id, e.region, e.service_type,
                         e.phase_id, e.phase_kind, sh.change_idea_id, c.recorded_at
                ORDER BY generation, c.recorded_at, c.id
                """)
        .param(ideaId)
        .query(
            (rs, n) ->
                new Adoption(
                    rs.getObject("id", UUID.class),
                    rs.getObject("service_id", UUID.class),
                    rs.getInt("generation"),
                    rs.getObject("adopted_from_id", UUID.class),
                    new Origin(
                        rs.getString("region"),
                        rs.getString("service_type"),
                        rs.getObject("phase_id", UUID.class),
                        rs.getString("phase_kind")),
                    rs.getBoolean("shared")))
        .list();
  }

  @Override
  public List<Column> freeTextColumns() {
    return List.of(
        new Column(
            "changeIdeaSharing.decidedBy", "change_idea_sharing_decision", "decided_by", 200),
        new Column("changeIdeaAdoption.recordedBy", "change_idea_adoption", "recorded_by", 200));
  }
}
