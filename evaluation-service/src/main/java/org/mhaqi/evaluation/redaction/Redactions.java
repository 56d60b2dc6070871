package org.mhaqi.evaluation.redaction;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mhaqi.support.redaction.FreeTextRedaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes a text (typically a person's name) from every free-text column evaluation keeps and every
 * recorded actor (as the features declare them: {@link FreeText}), for a person named where the
 * service could not know it was about them: a change idea's description, a PDSA cycle's notes, a
 * decision's reason, a correction's reason.
 */
@Service
class Redactions implements FreeTextRedaction {

  private final JdbcClient jdbc;
  private final List<FreeText> features;

  Redactions(JdbcClient jdbc, List<FreeText> features) {
    this.jdbc = jdbc;
    this.features = features;
  }

  /**
   * Replaces every occurrence of the text, whatever its case, with {@value #REDACTED} in one
   * transaction.
   *
   * @return per kind of field, how many fields changed (every kind, zeros included)
   */
  @Override
  @Transactional
  public Map<String, Integer> redact(String text) {
    String pattern = literalPattern(text);
    Map<String, Integer> changed = new TreeMap<>();
    List<FreeText.Column> columns =
        features.stream().flatMap(f -> f.freeTextColumns().stream()).toList();
    for (FreeText.Column c : columns) {
      String replaced = "regexp_replace(" + c.column() + ", :pattern, :replacement, 'gi')";
      if (c.maxLength() != null) {
        replaced = "left(" + replaced + ", " + c.maxLength() + ")";
      }
      // Table and column names are the features' constants, never from the request.
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

  @Override
  public String covers() {
    return "change ideas' titles and descriptions, PDSA cycles' notes, correction and decision"
        + " reasons and every recorded actor";
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
