package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import tools.jackson.databind.JsonNode;

/**
 * Operators list what coaching-service dead-lettered, with the reason, and replay a message to its
 * original topic once the cause is fixed; the replayed event is applied like any other.
 */
class DeadLetterToolIT extends IntegrationTest {

  private static final String DLQ = EnrollmentEventsIT.DLQ;

  @Test
  void listsThisServicesDeadLetterTopics() {
    JsonNode topics = read("/api/admin/dead-letters");

    assertThat(topics).extracting(JsonNode::asString).containsExactly(DLQ);
  }

  @Test
  void aPoisonMessageIsListedWithItsReasonAndWhereItCameFrom() {
    String key = UUID.randomUUID().toString();
    enrollmentService()
        .send(
            new ProducerRecord<>(
                Topics.ENROLLMENT_EVENTS, key, "no envelope".getBytes(StandardCharsets.UTF_8)));

    JsonNode letter = awaitDeadLetter(key);

    assertThat(letter.get("reason").asString()).isNotBlank();
    assertThat(letter.get("originalTopic").asString()).isEqualTo(Topics.ENROLLMENT_EVENTS);
    assertThat(letter.get("consumerGroup").asString()).isEqualTo("coaching-service");
    assertThat(letter.get("payloadBytes").asInt()).isEqualTo("no envelope".length());
    assertThat(letter.get("ceId").isNull()).isTrue();
  }

  @Test
  void aReplayedDeadLetterReachesItsTopicAgainAndIsApplied() throws Exception {
    // An enrolment dead-lettered by an earlier, faulty release: the message itself is sound.
    UUID enrollmentId = UUID.randomUUID();
    UUID eventId = UUID.randomUUID();
    var deadLettered =
        enrollmentService()
            .record(enrolled(enrollmentId, today().plusWeeks(2), today().plusWeeks(10)), eventId);
    var record =
        new ProducerRecord<>(
            DLQ, null, deadLettered.key(), deadLettered.value(), deadLettered.headers());
    record.headers().add(header("x-original-topic", Topics.ENROLLMENT_EVENTS));
    record.headers().add(header("x-exception-message", "a bug since fixed"));
    enrollmentService().send(record);
    JsonNode letter = awaitDeadLetter(enrollmentId.toString());
    assertThat(letter.get("ceId").asString()).isEqualTo(eventId.toString());
    assertThat(letter.get("reason").asString()).isEqualTo("a bug since fixed");

    JsonNode replayed =
        post(
                "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay",
                DLQ,
                letter.get("partition").asInt(),
                letter.get("offset").asLong())
            .expect(200)
            .body();

    assertThat(replayed.get("topic").asString()).isEqualTo(Topics.ENROLLMENT_EVENTS);
    assertThat(awaitPlan(enrollmentId).get("sessions")).isNotEmpty();
    awaitProcessed(eventId);
  }

  @Test
  void onlyThisServicesDeadLettersAndConsumedTopicsCanBeUsed() throws Exception {
    assertThat(get("/api/admin/dead-letters/{topic}", Topics.COACHING_EVENTS).status())
        .isEqualTo(404);

    String key = UUID.randomUUID().toString();
    var record = new ProducerRecord<>(DLQ, key, "{}".getBytes(StandardCharsets.UTF_8));
    record.headers().add(header("x-original-topic", Topics.COACHING_EVENTS));
    enrollmentService().send(record);
    JsonNode letter = awaitDeadLetter(key);

    var response =
        post(
            "/api/admin/dead-letters/{topic}/{partition}/{offset}/replay",
            DLQ,
            letter.get("partition").asInt(),
            letter.get("offset").asLong());
    assertThat(response.status()).isEqualTo(409);
    assertThat(response.body().toString()).contains("not-replayable");
  }

  @Test
  void aNegativePartitionOrOffsetIsABadRequestNamingIt() {
    // Found by CoachingFuzzIT: the controller's validated parameters failed with a 500.
    var replay = post("/api/admin/dead-letters/{topic}/{partition}/{offset}/replay", DLQ, 0, -1);
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.contentType()).startsWith("application/problem+json");
    assertThat(replay.body().path("field").asString()).isEqualTo("offset");
    var list = get("/api/admin/dead-letters/{topic}?fromOffset=-1", DLQ);
    assertThat(list.status()).isEqualTo(400);
    assertThat(list.body().path("field").asString()).isEqualTo("fromOffset");
  }

  private JsonNode awaitDeadLetter(String key) {
    JsonNode[] found = new JsonNode[1];
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (JsonNode letter : read("/api/admin/dead-letters/{topic}?limit=1000", DLQ)) {
                if (key.equals(letter.get("key").asString())) {
                  found[0] = letter;
                  return true;
                }
              }
              return false;
            });
    return found[0];
  }

  private static RecordHeader header(String name, String value) {
    return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
