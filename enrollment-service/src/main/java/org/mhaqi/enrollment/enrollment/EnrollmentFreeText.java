package org.mhaqi.enrollment.enrollment;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mhaqi.support.redaction.FreeTextRedaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The free text enrolments hold about people: the reasons and recorded actors of their history and
 * who confirmed an executive commitment. A person named there (by a decline reason, or as the actor
 * who made a change) can be redacted from all of it at once.
 */
@Component
public class EnrollmentFreeText implements FreeTextRedaction {

  /** Each kind of free text: its table and column. */
  private static final Map<String, String[]> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("transitionReason", new String[] {"enrollment_transition", "reason"});
    COLUMNS.put("transitionActor", new String[] {"enrollment_transition", "actor"});
    COLUMNS.put("commitmentConfirmedBy", new String[] {"enrollment", "commitment_confirmed_by"});
    // The central team's actors on the learning network (declined enrolments' providers).
    COLUMNS.put("networkInvitedBy", new String[] {"learning_network_member", "invited_by"});
    COLUMNS.put("interestRecordedBy", new String[] {"future_involvement_interest", "recorded_by"});
  }

  private final JdbcClient jdbc;

  EnrollmentFreeText(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** In the caller's transaction if there is one: an erasure and its redaction commit together. */
  @Override
  @Transactional
  public Map<String, Integer> redact(String text) {
    Map<String, Integer> changed = new LinkedHashMap<>();
    COLUMNS.forEach(
        (kind, column) ->
            changed.put(
                kind,
                jdbc.sql(
                        // ***= makes the rest of the pattern a literal: the text is not a regex.
                        "update %1$s set %2$s = regexp_replace(%2$s, :pattern, :replacement, 'gi')"
                                .formatted(column[0], column[1])
                            + " where strpos(lower(%s), lower(:text)) > 0".formatted(column[1]))
                    .param("pattern", "***=" + text)
                    .param("replacement", REDACTED)
                    .param("text", text)
                    .update()));
    return changed;
  }

  @Override
  public String covers() {
    return "the enrolments' history reasons and recorded actors and who confirmed an executive"
        + " commitment, and who invited a learning-network provider or recorded its interest"
        + " (a project team member is erased with POST"
        + " /api/team-members/{memberId}/erasure instead)";
  }
}
