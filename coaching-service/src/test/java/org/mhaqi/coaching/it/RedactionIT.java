package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mhaqi.coaching.it.EnrollmentEventsIT.list;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.testing.Api;
import tools.jackson.databind.JsonNode;

/** Redacting a person named in free text coaching cannot know is theirs. */
class RedactionIT extends IntegrationTest {

  @Test
  void aRedactionReplacesTheTextWhereverItIsAndNothingElse() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    // The dot is literal: "Drs ..." is another text and stays.
    String person = "Dr. Zed Quinnell-" + run;
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled enrolled = enrolled(enrollmentId, today().plusWeeks(6), today().plusWeeks(18));
    enrollmentService().send(team(enrollmentId, enrolled.serviceId()));
    enrollmentService().send(enrolled);
    List<JsonNode> sessions = list(awaitPlan(enrollmentId).get("sessions"));
    String named = sessions.get(0).get("id").asString();
    String similar = sessions.get(1).get("id").asString();
    postJson(
            "/api/sessions/{id}/cancellation",
            Map.of("reason", "Ask DR. ZED QUINNELL-" + run.toUpperCase() + " about the ward"),
            named)
        .expect(200);
    String otherReason = "Drs Zed Quinnell-" + run + " is another text";
    postJson("/api/sessions/{id}/cancellation", Map.of("reason", otherReason), similar).expect(200);

    Api.Response redacted = postJson("/api/admin/redactions", Map.of("text", person)).expect(200);
    JsonNode changed = redacted.body().get("fieldsChanged");
    assertThat(changed.get("cancellationReasons").asInt()).isEqualTo(1);
    assertThat(changed.get("sessionChangeReasons").asInt()).isEqualTo(1);
    assertThat(changed.get("sessionChangeActors").asInt()).isZero();
    assertThat(changed.get("daysAwayReasons").asInt()).isZero();
    assertThat(changed.get("withdrawalReasons").asInt()).isZero();

    assertThat(read("/api/sessions/{id}", named).get("cancellationReason").asString())
        .isEqualTo("Ask [redacted] about the ward");
    assertThat(read("/api/sessions/{id}/history", named).toString())
        .contains("Ask [redacted] about the ward")
        .doesNotContainIgnoringCase(person);
    assertThat(read("/api/sessions/{id}", similar).get("cancellationReason").asString())
        .isEqualTo(otherReason);
    assertThat(
            jdbc.sql(
                    """
                    select (select count(*) from coaching_session where cancellation_reason ilike ?)
                         + (select count(*) from session_change where reason ilike ?)
                    """)
                .param("%" + person + "%")
                .param("%" + person + "%")
                .query(Long.class)
                .single())
        .isZero();

    // The audit trail records the operation, not the text.
    Map<String, Object> audit =
        jdbc.sql("select * from audit_event where request_id = ?")
            .param(redacted.header("X-Request-Id"))
            .query()
            .singleRow();
    assertThat(audit).containsEntry("operation", "POST /api/admin/redactions");
    assertThat(audit.values()).noneMatch(v -> String.valueOf(v).contains("Quinnell"));

    // Once redacted, nothing is left to change.
    JsonNode again = postJson("/api/admin/redactions", Map.of("text", person)).expect(200).body();
    again.get("fieldsChanged").forEach(count -> assertThat(count.asInt()).isZero());
  }

  @Test
  void aTextShorterThanThreeCharactersIsRefused() {
    Api.Response refused = postJson("/api/admin/redactions", Map.of("text", "ab"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("field")).isEqualTo("text");
    assertThat(postJson("/api/admin/redactions", Map.of("text", "  ab  ")).status()).isEqualTo(400);
  }
}
