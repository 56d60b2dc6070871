package org.mhaqi.faults;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.CloudEventProducer;
import tools.jackson.databind.json.JsonMapper;

/**
 * One message of each kind coaching-service can never apply, published into the topic it consumes,
 * each under a key of its own so the dead-letter topic can be matched against them.
 */
final class Poison {

  private Poison() {}

  /** Publishes one of each kind; returns their keys. */
  static Set<String> publishEachKind(String bootstrapServers, JsonMapper json) {
    Map<String, ProducerRecord<String, byte[]>> records = new LinkedHashMap<>();
    try (CloudEventProducer producer =
        new CloudEventProducer(bootstrapServers, json, "enrollment-service")) {
      String topic = Topics.ENROLLMENT_EVENTS;
      String enrolled = validServiceEnrolled();
      String key = key("no-envelope");
      records.put(key, new ProducerRecord<>(topic, null, key, bytes(enrolled)));
      key = key("id-not-a-uuid");
      var notUuid =
          producer.record(topic, key, UUID.randomUUID(), "ServiceEnrolled", "1", bytes(enrolled));
      notUuid.headers().remove("ce_id");
      notUuid.headers().add("ce_id", bytes("not-a-uuid"));
      records.put(key, notUuid);
      key = key("unknown-schema-version");
      records.put(
          key,
          producer.record(topic, key, UUID.randomUUID(), "ServiceEnrolled", "99", bytes(enrolled)));
      key = key("not-json");
      records.put(
          key,
          producer.record(
              topic, key, UUID.randomUUID(), "ServiceEnrolled", "1", bytes("{not json")));
      key = key("empty-payload");
      records.put(
          key, producer.record(topic, key, UUID.randomUUID(), "ServiceEnrolled", "1", new byte[0]));
      key = key("json-null");
      records.put(
          key,
          producer.record(topic, key, UUID.randomUUID(), "ServiceEnrolled", "1", bytes("null")));
      key = key("enrolment-without-id");
      records.put(
          key,
          producer.record(
              topic,
              key,
              UUID.randomUUID(),
              "ServiceEnrolled",
              "1",
              bytes(enrolled.replaceFirst("\"enrollmentId\":\"[^\"]+\",", ""))));
      key = key("window-ends-before-it-starts");
      records.put(
          key,
          producer.record(
              topic,
              key,
              UUID.randomUUID(),
              "ServiceEnrolled",
              "1",
              bytes(
                  enrolled
                      .replace(LocalDate.now().minusMonths(2).toString(), "2030-12-31")
                      .replace(LocalDate.now().plusMonths(4).toString(), "2030-01-01"))));
      key = key("withdrawal-without-time");
      records.put(
          key,
          producer.record(
              topic,
              key,
              UUID.randomUUID(),
              "EnrollmentWithdrawn",
              "1",
              bytes(
                  "{\"enrollmentId\":\"%s\",\"serviceId\":\"%s\",\"phaseId\":\"%s\",\"reason\":\"x\"}"
                      .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()))));
      key = key("team-without-members");
      records.put(
          key,
          producer.record(
              topic,
              key,
              UUID.randomUUID(),
              "ProjectTeamUpdated",
              "1",
              bytes(
                  "{\"enrollmentId\":\"%s\",\"serviceId\":\"%s\",\"updatedAt\":\"%s\"}"
                      .formatted(UUID.randomUUID(), UUID.randomUUID(), Instant.now()))));
      records.values().forEach(producer::send);
    }
    return records.keySet();
  }

  private static String validServiceEnrolled() {
    return ("{\"enrollmentId\":\"%s\",\"serviceId\":\"%s\",\"organisationId\":\"%s\","
            + "\"odsCode\":\"FSP\",\"providerType\":\"NHS_TRUST\",\"region\":\"LONDON\","
            + "\"serviceType\":\"PICU\",\"phaseId\":\"%s\",\"phaseKind\":\"WIDER_IMPLEMENTATION\","
            + "\"coachingStartsOn\":\"%s\",\"coachingEndsOn\":\"%s\",\"promotedFromWaitlist\":false,"
            + "\"enrolledAt\":\"%s\"}")
        .formatted(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            LocalDate.now().minusMonths(2),
            LocalDate.now().plusMonths(4),
            Instant.now());
  }

  private static String key(String kind) {
    return "poison-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
