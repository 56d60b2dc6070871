package org.mhaqi.evaluation.changeidea;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Act;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Cycle;
import org.mhaqi.evaluation.redaction.FreeText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code change_idea}, {@code change_idea_measure} and {@code pdsa_cycle} tables. */
@Repository
public class ChangeIdeas implements FreeText {

  /**
   * What the library can be searched by; null fields do not filter.
   *
   * @param text words to find in title and description (web search syntax: "quoted phrase", or,
   *     -excluded)
   */
  record Search(
      String text,
      String measureCode,
      Boolean coProduced,
      UUID serviceId,
      String region,
      String serviceType) {}

  /**
   * The conditions of a search of {@code change_idea c} by the parameters {@code :text} (web search
   * syntax), {@code :measure} and {@code :coProduced}; a null parameter does not filter.
   */
  public static final String IDEA_FILTERS =
      """
      (cast(:text AS text) IS NULL OR c.search @@ websearch_to_tsquery('english', :text))
      AND (cast(:measure AS text) IS NULL OR EXISTS (
           SELECT 1 FROM change_idea_measure m
           WHERE m.change_idea_id = c.id AND m.measure_code = :measure))
      AND (cast(:coProduced AS boolean) IS NULL OR c.co_produced = :coProduced)
      """;

  /** How well {@code change_idea c} matches {@code :text}; 0 without text. */
  public static final String TEXT_RANK =
      """
      CASE WHEN cast(:text AS text) IS NULL THEN 0
           ELSE ts_rank(c.search, websearch_to_tsquery('english', :text)) END
      """;

  private final JdbcClient jdbc;

  ChangeIdeas(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(ChangeIdea idea, String recordedBy) {
    jdbc.sql(
            """
            INSERT INTO change_idea (id, enrollment_id, service_id, title, description,
                                     co_produced, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            idea.id(),
            idea.enrollmentId(),
            idea.serviceId(),
            idea.title(),
            idea.description(),
            idea.coProduced(),
            recordedBy,
            Timestamp.from(idea.recordedAt()))
        .update();
    for (String code : idea.measureCodes()) {
      jdbc.sql("INSERT INTO change_idea_measure (change_idea_id, measure_code) VALUES (?, ?)")
          .params(idea.id(), code)
          .update();
    }
  }

  void insertCycle(UUID ideaId, Cycle cycle) {
    jdbc.sql(
            """
            INSERT INTO pdsa_cycle (change_idea_id, cycle_number, plan, started_on)
            VALUES (?, ?, ?, ?)
            """)
        .params(ideaId, cycle.number(), cycle.plan(), cycle.startedOn())
        .update();
  }

  void completeCycle(UUID ideaId, Cycle cycle) {
    jdbc.sql(
            """
            UPDATE pdsa_cycle SET done = ?, study = ?, act = ?, completed_on = ?
            WHERE change_idea_id = ? AND cycle_number = ?
            """)
        .params(
            cycle.done(),
            cycle.study(),
            cycle.act().name(),
            cycle.completedOn(),
            ideaId,
            cycle.number())
        .update();
  }

  public Optional<ChangeIdea> find(UUID id) {
    return load(id, "");
  }

  /** The idea, its row locked until the transaction ends, so its cycles change one at a time. */
  public Optional<ChangeIdea> findForUpdate(UUID id) {
    return load(id, " FOR UPDATE");
  }

  /**
   * The ideas that match, best text match first, then the latest first; at most 200.
   *
   * @param odsCode only ideas of this organisation's services; every organisation's when null
   */
  List<ChangeIdea> search(Search s, String odsCode) {
    String text = s.text() == null || s.text().isBlank() ? null : s.text();
    List<UUID> ids =
        jdbc.sql(
                """
                SELECT c.id FROM change_idea c
                LEFT JOIN enrolled_service e ON e.enrollment_id = c.enrollment_id
                WHERE
                """
                    + IDEA_FILTERS
                    + """
                  AND (cast(:serviceId AS uuid) IS NULL OR c.service_id = :serviceId)
                  AND (cast(:region AS text) IS NULL OR e.region = :region)
                  AND (cast(:serviceType AS text) IS NULL OR e.service_type = :serviceType)
                  AND (cast(:odsCode AS text) IS NULL OR upper(e.ods_code) = :odsCode)
                ORDER BY
                """
                    + TEXT_RANK
                    + """
                         DESC, c.recorded_at DESC, c.id
                LIMIT 200
                """)
            .param("text", text)
            .param("measure", s.measureCode())
            .param("coProduced", s.coProduced())
            .param("serviceId", s.serviceId())
            .param("region", s.region())
            .param("serviceType", s.serviceType())
            .param("odsCode", odsCode)
            .query(UUID.class)
            .list();
    return ids.stream().map(id -> find(id).orElseThrow()).toList();
  }

  private Optional<ChangeIdea> load(UUID id, String lock) {
    Optional<ChangeIdea> header =
        jdbc.sql(
                """
                SELECT id, enrollment_id, service_id, title, description, co_produced, recorded_at
                FROM change_idea WHERE id = ?
                """
                    + lock)
            .param(id)
            .query(
                (rs, n) ->
                    new ChangeIdea(
                        rs.getObject("id", UUID.class),
                        rs.getObject("enrollment_id", UUID.class),
                        rs.getObject("service_id", UUID.class),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getBoolean("co_produced"),
                        List.of(),
                        rs.getTimestamp("recorded_at").toInstant(),
                        List.of()))
            .optional();
    return header.map(
        h ->
            new ChangeIdea(
                h.id(),
                h.enrollmentId(),
                h.serviceId(),
                h.title(),
                h.description(),
                h.coProduced(),
                jdbc.sql(
                        "SELECT measure_code FROM change_idea_measure WHERE change_idea_id = ?"
                            + " ORDER BY measure_code")
                    .param(id)
                    .query(String.class)
                    .list(),
                h.recordedAt(),
                cycles(id)));
  }

  private List<Cycle> cycles(UUID id) {
    return jdbc.sql(
            """
            SELECT cycle_number, plan, started_on, done, study, act, completed_on
            FROM pdsa_cycle WHERE change_idea_id = ? ORDER BY cycle_number
            """)
        .param(id)
        .query(
            (rs, n) ->
                new Cycle(
                    rs.getInt("cycle_number"),
                    rs.getString("plan"),
                    rs.getObject("started_on", LocalDate.class),
                    rs.getString("done"),
                    rs.getString("study"),
                    rs.getString("act") == null ? null : Act.valueOf(rs.getString("act")),
                    rs.getObject("completed_on", LocalDate.class)))
        .list();
  }

  @Override
  public List<Column> freeTextColumns() {
    return List.of(
        new Column("changeIdea.title", "change_idea", "title", 200),
        new Column("changeIdea.description", "change_idea", "description", null),
        new Column("changeIdea.recordedBy", "change_idea", "recorded_by", 200),
        new Column("pdsaCycle.plan", "pdsa_cycle", "plan", null),
        new Column("pdsaCycle.done", "pdsa_cycle", "done", null),
        new Column("pdsaCycle.study", "pdsa_cycle", "study", null));
  }
}
