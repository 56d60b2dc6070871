package org.mhaqi.coaching.redaction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mhaqi.support.redaction.FreeTextRedaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces every case-insensitive occurrence of a text in coaching's free-text columns with {@link
 * #REDACTED}, all in the caller's transaction. Rows with a version column get it bumped, so a
 * change read before the redaction cannot write the old text back.
 */
@Service
@Transactional
public class Redactions implements FreeTextRedaction {

  /** A free-text column, under the name the answer counts its changes by. */
  private record FreeText(String kind, String table, String column, boolean versioned) {}

  private static final List<FreeText> FREE_TEXT =
      List.of(
          new FreeText("sessionChangeReasons", "session_change", "reason", false),
          new FreeText("sessionChangeActors", "session_change", "actor", false),
          new FreeText("cancellationReasons", "coaching_session", "cancellation_reason", true),
          new FreeText("daysAwayReasons", "coach_day_away", "reason", false),
          new FreeText("withdrawalReasons", "enrollment", "withdrawal_reason", true));

  private final JdbcClient jdbc;

  Redactions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Integer> redact(String text) {
    return replace(text);
  }

  @Override
  public String covers() {
    return "session change reasons and recorded actors, cancellation reasons, reasons of days away"
        + " and of withdrawals";
  }

  /** Redacts a person's name or address, unless it is too short to redact safely. */
  public void redactPerson(String nameOrAddress) {
    String person = nameOrAddress == null ? "" : nameOrAddress.strip();
    if (person.length() >= SHORTEST) {
      replace(person);
    }
  }

  private Map<String, Integer> replace(String target) {
    String pattern = literal(target);
    Map<String, Integer> changed = new LinkedHashMap<>();
    for (FreeText free : FREE_TEXT) {
      // Table and column names come from the constant list above, never from the request.
      String sql =
          "update "
              + free.table()
              + " set "
              + free.column()
              + " = regexp_replace("
              + free.column()
              + ", :pattern, :redacted, 'gi')"
              + (free.versioned() ? ", version = version + 1" : "")
              + " where "
              + free.column()
              + " ~* :pattern";
      changed.put(
          free.kind(),
          jdbc.sql(sql).param("pattern", pattern).param("redacted", REDACTED).update());
    }
    return changed;
  }

  /**
   * A PostgreSQL regular expression matching the text literally: every ASCII character that is not
   * a letter or digit is escaped (a backslash before a non-alphanumeric character is that
   * character).
   */
  static String literal(String text) {
    StringBuilder pattern = new StringBuilder(text.length() * 2);
    text.codePoints()
        .forEach(
            c -> {
              if (c < 128 && !Character.isLetterOrDigit(c)) {
                pattern.append('\\');
              }
              pattern.appendCodePoint(c);
            });
    return pattern.toString();
  }
}
