package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.engagement.SessionEvents;
import org.mhaqi.events.DomainEvent;
import tools.jackson.databind.JsonNode;

/**
 * The rebuild command against the real broker and database: it replays both topics from the start
 * into fresh tables and swaps them in, giving the figures the live consumers gave, even after the
 * live tables were damaged; the live consumers carry on after it.
 */
class EngagementRebuildIT extends EvaluationIntegrationTest {

  @Test
  void aRebuildFromTheTopicsGivesTheLiveFiguresBackAndTheLiveConsumersCarryOn() throws Exception {
    ProgrammeEvents programme = new ProgrammeEvents();
    UUID last = null;
    for (DomainEvent event : programme.all()) {
      last = publish(event);
    }
    awaitProcessed(last);
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(() -> regions(programme).size() == 2);
    List<JsonNode> live = reports(programme);

    // Damage the live projections: sessions lost, an enrolment's status wrong.
    jdbc.sql("DELETE FROM engagement_session WHERE phase_id = ?").param(programme.phaseId).update();
    jdbc.sql("UPDATE enrolled_service SET status = 'COMPLETED' WHERE enrollment_id = ?")
        .param(programme.london.enrollmentId())
        .update();
    assertThat(reports(programme)).isNotEqualTo(live);

    JsonNode result = api.post("/api/admin/engagement/rebuild").expect(200).body();

    assertThat(result.get("records").asLong()).isGreaterThanOrEqualTo(programme.all().size());
    assertThat(result.get("applied").asLong()).isGreaterThanOrEqualTo(programme.all().size());
    assertThat(reports(programme)).isEqualTo(live);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE '%\\_rebuild'")
                .query(Long.class)
                .single())
        .isZero();

    // The moved executive hour is delivered after the rebuild: the live consumer applies it.
    SessionEvents another =
        SessionEvents.executiveHour(
            programme.northWest.enrollmentId(), programme.northWest.serviceId(), programme.phaseId);
    publish(another.scheduled());
    awaitProcessed(
        publish(another.completed(SessionEvents.TEN_AM, 60, 1, false, SessionEvents.T0)));
    JsonNode northWest =
        read("/api/engagement/services/{id}", programme.northWest.serviceId())
            .get("enrollments")
            .get(0)
            .get("engagement");
    assertThat(northWest.get("sessionsDelivered").asLong()).isEqualTo(2);
  }

  private List<JsonNode> reports(ProgrammeEvents programme) {
    return List.of(
        read("/api/engagement/services/{id}", programme.london.serviceId()),
        read("/api/engagement/services/{id}", programme.northWest.serviceId()),
        regions(programme),
        read("/api/engagement/levels?phaseId={id}", programme.phaseId));
  }

  private JsonNode regions(ProgrammeEvents programme) {
    return read("/api/engagement/regions?phaseId={id}", programme.phaseId);
  }
}
