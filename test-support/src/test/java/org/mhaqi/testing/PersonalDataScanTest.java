package org.mhaqi.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mhaqi.local.KafkaSecurity;
import org.mhaqi.testing.PersonalDataScan.Finding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PersonalDataScanTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PersonalDataScan scan = new PersonalDataScan(List.of("Ottoline Brightwater"));

  @Test
  void findsANameOrAnEmailAddressInAKeyAValueAndAHeader() {
    ConsumerRecord<byte[], byte[]> inKey =
        record("ottoline@example.nhs.uk", "{\"serviceId\":\"1\"}", "ce_type", "ServiceEnrolled");
    ConsumerRecord<byte[], byte[]> inValue =
        record("42", "{\"sponsor\":\"Ottoline  brightwater\"}", "ce_type", "ServiceEnrolled");
    ConsumerRecord<byte[], byte[]> inHeader =
        record("42", "{}", "x-exception-message", "Cannot read 'OTTOLINE BRIGHTWATER'");
    ConsumerRecord<byte[], byte[]> inHeaderName =
        record("42", "{}", "ottoline.brightwater@example.nhs.uk", "x");

    assertThat(scan.scan(inKey)).extracting(Finding::where).containsExactly("t-0@7 key");
    assertThat(scan.scan(inValue)).extracting(Finding::where).containsExactly("t-0@7 value");
    assertThat(scan.scan(inHeader))
        .extracting(Finding::where)
        .containsExactly("t-0@7 header x-exception-message");
    assertThat(scan.scan(inHeaderName))
        .extracting(Finding::where)
        .containsExactly("t-0@7 header name");
  }

  @Test
  void findsThemInALogLineAndNamesTheLine(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("service.log");
    Files.writeString(
        log,
        "INFO started\nINFO Registered coach Ottoline Brightwater\n"
            + "WARN mail to ottoline%40example.org bounced\n",
        StandardCharsets.UTF_8);

    List<Finding> findings = scan.scan(log);

    assertThat(findings)
        .extracting(Finding::where, Finding::found)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(log + ":2", "Ottoline Brightwater"),
            org.assertj.core.groups.Tuple.tuple(log + ":3", "ottoline%40example.org"));
  }

  @Test
  void ordinaryOperationalTextIsNotPersonalData() {
    String text =
        "org.mhaqi.Coach@1a2b3c jdbc:postgresql://127.0.0.1:5432/coaching max=5 Ottolines"
            + " Brightwaterside /api/coaches/{coachId} http_server_requests_seconds_max 0.5";

    assertThat(scan.scan("text", text)).isEmpty();
  }

  @Test
  void readsEveryRecordOfEveryTopicOfTheBroker() throws Exception {
    String bootstrap = TestKafka.bootstrapServers();
    String topic = "scan-" + UUID.randomUUID();
    String deadLetters = topic + ".dlq";
    try (Admin admin = Admin.create(KafkaSecurity.adminConfig(bootstrap))) {
      admin
          .createTopics(
              List.of(new NewTopic(topic, 3, (short) 1), new NewTopic(deadLetters, 1, (short) 1)))
          .all()
          .get();
    }
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            KafkaSecurity.adminConfig(bootstrap), new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 20; i++) {
        producer.send(new ProducerRecord<>(topic, "key-" + i, "{\"n\":" + i + "}"));
      }
      ProducerRecord<String, String> dead = new ProducerRecord<>(deadLetters, "k", "{}");
      dead.headers().add("x-exception-message", "no sponsor ottoline@example.nhs.uk".getBytes());
      producer.send(dead).get();
      producer.flush();
    }

    List<Finding> findings = scan.scanBroker(bootstrap);

    assertThat(PersonalDataScan.everyRecord(bootstrap))
        .filteredOn(r -> r.topic().equals(topic))
        .hasSize(20);
    assertThat(findings)
        .extracting(Finding::where)
        .containsExactly(deadLetters + "-0@0 header x-exception-message");
  }

  private static ConsumerRecord<byte[], byte[]> record(
      String key, String value, String header, String headerValue) {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>("t", 0, 7, key.getBytes(), value.getBytes());
    record.headers().add(new RecordHeader(header, headerValue.getBytes(StandardCharsets.UTF_8)));
    return record;
  }

  @Test
  void noEventFieldHoldsFreeTextFromAUser() {
    Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath();

    assertThat(PersonalDataScan.freeTextFields(root))
        .as(
            "string fields of the newest event schemas without a format, enum, const or pattern;"
                + " make them codes (a new schema version) or, if they are not a user's words,"
                + " list them with the reason in docs/schemas/not-free-text.txt")
        .isEmpty();
  }

  @Test
  void aStringFieldNotShapedAsAnIdDateOrCodeIsFreeTextAtAnyDepthInTheNewestVersionOnly() {
    JsonNode version1 =
        JSON.readTree(
            """
            {"type": "object", "properties": {"reason": {"type": "string"}}}
            """);
    JsonNode version2 =
        JSON.readTree(
            """
            {"type": "object", "properties": {
              "id": {"type": "string", "format": "uuid"},
              "reasonCode": {"type": ["string", "null"], "enum": ["OTHER", null]},
              "timeZone": {"type": "string", "pattern": "^[A-Za-z_/]+$"},
              "note": {"type": ["string", "null"]},
              "name": {"type": "string"},
              "members": {"type": "array", "items": {"type": "object", "properties": {
                "role": {"type": "string", "enum": ["LEAD"]},
                "comment": {"type": "string"}}}}}}
            """);

    assertThat(
            PersonalDataScan.freeTextFields(
                Map.of("Withdrawn.v1.schema.json", version1, "Withdrawn.v2.schema.json", version2),
                List.of("Withdrawn.name")))
        .containsExactly("Withdrawn.members[].comment", "Withdrawn.note");
  }
}
