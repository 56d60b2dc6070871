package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.KafkaTopicReader;

/**
 * A team update whose members list is null, or whose member lacks an id, can never be applied: it
 * is dead-lettered at once with a reason that names what is missing, and the enrolment's next
 * events are applied.
 */
class TeamUpdatePoisonIT extends IntegrationTest {

  @Test
  void aTeamUpdateWithoutItsMembersListOrAMemberIdIsDeadLetteredWithThePreciseReason() {
    UUID enrollmentId = UUID.randomUUID();
    String key = enrollmentId.toString();
    UUID noList = UUID.randomUUID();
    UUID noMemberId = UUID.randomUUID();
    send(
        key,
        noList,
        "{\"enrollmentId\":\"%s\",\"serviceId\":\"%s\",\"members\":null,\"updatedAt\":\"2026-11-27T10:00:00Z\"}"
            .formatted(enrollmentId, UUID.randomUUID()));
    send(
        key,
        noMemberId,
        ("{\"enrollmentId\":\"%s\",\"serviceId\":\"%s\",\"members\":[{\"role\":\"SERVICE_LEAD\"}],"
                + "\"updatedAt\":\"2026-11-27T10:00:00Z\"}")
            .formatted(enrollmentId, UUID.randomUUID()));
    UUID good = enrollmentService().send(team(enrollmentId, UUID.randomUUID()));

    awaitProcessed(good);
    try (var reader = new KafkaTopicReader(bootstrapServers, EnrollmentEventsIT.DLQ)) {
      var mine = reader.awaitMatching(m -> key.equals(m.key()), 2, WAIT);
      assertThat(mine.get(0).header("ce_id")).isEqualTo(noList.toString());
      assertThat(mine.get(0).header("x-exception-message")).contains("missing or null: members");
      assertThat(mine.get(1).header("ce_id")).isEqualTo(noMemberId.toString());
      assertThat(mine.get(1).header("x-exception-message"))
          .contains("lacks the id or role of members[0]");
    }
  }

  private void send(String key, UUID id, String json) {
    enrollmentService()
        .send(
            enrollmentService()
                .record(
                    Topics.ENROLLMENT_EVENTS,
                    key,
                    id,
                    "ProjectTeamUpdated",
                    "1",
                    json.getBytes(StandardCharsets.UTF_8)));
  }
}
