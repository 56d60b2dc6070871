package org.mhaqi.evaluation.redaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a text (typically a person's name) from every free-text column evaluation keeps and every
 * recorded actor, for a person named where the service could not know it was about them: a change
 * idea's description, a PDSA cycle's notes, a decision's reason, a correction's reason.
 */
@Service
class Redactions {

  static final String REDACTED = "[redacted]";

  /**
   * One column that may hold free text or a person's identifier.
   *
   * @param kind how the answer names it, e.g. {@code changeIdea.description}
   * @param maxLength the column's length limit (a replacement can be longer than the text it
   *     replaces); null for unbounded text
   */
  record Column(String kind, String table, String column, Integer maxLength) {}

  static final List<Column> COLUMNS =
      List.of(
          new Column("changeIdea.title", "change_idea", "title", 200),
          new Column("changeIdea.description", "change_idea", "description", null),
          new Column("changeIdea.recordedBy", "change_idea", "recorded_by", 200),
          new Column("pdsaCycle.plan", "pdsa_cycle", "plan", null),
          new Column("pdsaCycle.done", "pdsa_cycle", "done", null),
          new Column("pdsaCycle.study", "pdsa_cycle", "study", null),
          new Column("dataReturn.correctionReason", "data_return", "correction_reason", null),
          new Column("dataReturn.submittedBy", "data_return", "submitted_by", 200),
          new Column("timeCommitment.submittedBy", "time_commitment_return", "submitted_by", 200),
          new Column("spcDecision.reason", "spc_decision", "reason", 2000),
          new Column("spcDecision.recordedBy", "spc_decision", "recorded_by", 200),
          new Column("spcDecision.withdrawnBy", "spc_decision", "withdrawn_by", 200));

  private final JdbcClient jdbc;

  Redactions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Replaces every occurrence of the text, whatever its case, with {@value #REDACTED} in one
   * transaction.
   *
   * @return per kind of field, how many fields changed (every kind, zeros included)
   */
  @Transactional
  Map<String, Integer> redact(String text) {
    String pattern = literalPattern(text);
    Map<String, Integer> changed = new LinkedHashMap<>();
    for (Column c : COLUMNS) {
      String replaced = "regexp_replace(" + c.column() + ", :pattern, :replacement, 'gi')";
      if (c.maxLength() != null) {
        replaced = "left(" + replaced + ", " + c.maxLength() + ")";
      }
      // Table and column names come from the constant list above, never from the request.
      int rows =
          jdbc.sql(
                  "UPDATE "
                      + c.table()
                      + " SET "
                      + c.column()
                      + " = "
                      + replaced
                      + " WHERE "
                      + c.column()
                      + " ~* :pattern")
              .param("pattern", pattern)
              .param("replacement", REDACTED)
              .update();
      changed.put(c.kind(), rows);
    }
    return changed;
  }

  /**
   * The text as a PostgreSQL regular expression matching it literally: every character that is not
   * a letter or digit escaped (a backslash before a non-alphanumeric character means that character
   * itself; before a letter it could mean a class such as \d, hence letters stay as they are).
   */
  static String literalPattern(String text) {
    StringBuilder pattern = new StringBuilder(text.length() * 2);
    text.codePoints()
        .forEach(
            c -> {
              if (!Character.isLetterOrDigit(c)) {
                pattern.append('\\');
              }
              pattern.appendCodePoint(c);
            });
    return pattern.toString();
  }
}
