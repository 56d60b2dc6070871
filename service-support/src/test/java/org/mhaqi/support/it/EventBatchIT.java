package org.mhaqi.support.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records of a poll are applied in one transaction, and failures stay per event: the events are
 * published while the binding is stopped, so that its first poll takes them all at once. Events
 * applied in one transaction share the transaction's {@code now()} in {@code
 * applied_event.applied_at}.
 */
@SpringBootTest(
    classes = ConsumerTestApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    // A consumer group and database of its own: the other tests' consumers (cached contexts of
    // group support-test) would otherwise take the partitions while this binding is stopped.
    properties = {
      "spring.cloud.stream.bindings.enrollmentEvents-in-0.group=" + EventBatchIT.GROUP,
      "mhaqi.test.database=" + EventBatchIT.GROUP
    })
@ContextConfiguration(initializers = RealInfrastructure.class)
@DirtiesContext
class EventBatchIT {

  static final String GROUP = "support-batch-test";
  private static final String BINDING = "enrollmentEvents-in-0";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired BindingsLifecycleController bindings;

  @Value("${spring.kafka.bootstrap-servers}")
  String bootstrapServers;

  @Test
  void aPollIsAppliedInOneTransactionInKeyOrderAndADuplicateInsideItOnce() {
    String key = UUID.randomUUID().toString();
    List<UUID> ids = new ArrayList<>();
    List<UUID> expected = new ArrayList<>();
    publishWhileStopped(
        producer -> {
          for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            ProducerRecord<String, byte[]> record =
                producer.record(
                    TestEnrolments.enrolled(UUID.fromString(key), UUID.randomUUID(), "RX4"), id);
            producer.send(record);
            ids.add(id);
            expected.add(id);
            if (i == 10) {
              producer.send(record);
              ids.add(id);
            }
          }
        });

    awaitApplied(expected);
    assertThat(appliedInOrder(key)).as("applied once each, in the key's order").isEqualTo(expected);
    assertThat(
            jdbc.sql("select count(distinct applied_at) from applied_event where subject = ?")
                .param(key)
                .query(Long.class)
                .single())
        .as("transactions the poll took")
        .isEqualTo(1);
  }

  @Test
  void aPoisonEventInTheMiddleIsDeadLetteredWithItsReasonAndTheOthersAppliedOnce() {
    String key = UUID.randomUUID().toString();
    List<UUID> good = new ArrayList<>();
    UUID poison = UUID.randomUUID();
    publishWhileStopped(
        producer -> {
          for (int i = 0; i < 5; i++) {
            good.add(
                producer.send(
                    TestEnrolments.enrolled(UUID.fromString(key), UUID.randomUUID(), "RX4")));
          }
          producer.send(
              producer.record(TestEnrolments.enrolled(UUID.fromString(key), null, "RX4"), poison));
          producer.send(
              new ProducerRecord<>(
                  Topics.ENROLLMENT_EVENTS, key, "not an event".getBytes(StandardCharsets.UTF_8)));
          for (int i = 0; i < 5; i++) {
            good.add(
                producer.send(
                    TestEnrolments.enrolled(UUID.fromString(key), UUID.randomUUID(), "RX4")));
          }
        });

    try (var deadLetters = new KafkaTopicReader(bootstrapServers, ConsumerTestApplication.DLQ)) {
      var letters = deadLetters.awaitMatching(m -> ours(m, key), 2, WAIT);
      assertThat(letters.get(0).header("ce_id")).isEqualTo(poison.toString());
      assertThat(letters.get(0).header("x-exception-message")).contains("has no service id");
      assertThat(letters.get(1).header("x-exception-message")).contains("ce_id");
    }
    awaitApplied(good);
    assertThat(appliedInOrder(key)).as("nothing blocked, each applied once").isEqualTo(good);
  }

  @Test
  void aHandlerFailureMidBatchLeavesNothingOfItAndTheEventsBeforeItAppliedOnce() {
    String key = UUID.randomUUID().toString();
    List<UUID> good = new ArrayList<>();
    UUID failing = UUID.randomUUID();
    publishWhileStopped(
        producer -> {
          for (int i = 0; i < 4; i++) {
            good.add(
                producer.send(
                    TestEnrolments.enrolled(UUID.fromString(key), UUID.randomUUID(), "RX4")));
          }
          producer.send(
              producer.record(
                  TestEnrolments.enrolled(
                      UUID.fromString(key),
                      UUID.randomUUID(),
                      ConsumerTestApplication.FAIL_AFTER_WRITING),
                  failing));
          for (int i = 0; i < 4; i++) {
            good.add(
                producer.send(
                    TestEnrolments.enrolled(UUID.fromString(key), UUID.randomUUID(), "RX4")));
          }
        });

    try (var deadLetters = new KafkaTopicReader(bootstrapServers, ConsumerTestApplication.DLQ)) {
      var letter = deadLetters.awaitFirst(m -> ours(m, key), WAIT);
      assertThat(letter.header("ce_id")).isEqualTo(failing.toString());
      assertThat(letter.header("x-exception-message")).contains("refused after writing");
      assertThat(letter.header("x-exception-fqcn"))
          .isEqualTo(IllegalStateException.class.getName());
    }
    awaitApplied(good);
    assertThat(appliedInOrder(key))
        .as("the events around the failure once each; nothing left of the failing one")
        .isEqualTo(good);
  }

  /** A dead letter of this test's group for the key (the other groups dead-letter theirs). */
  private static boolean ours(KafkaTopicReader.Message letter, String key) {
    return key.equals(letter.key()) && GROUP.equals(letter.header("x-consumer-group"));
  }

  private void publishWhileStopped(java.util.function.Consumer<CloudEventProducer> publish) {
    bindings.changeState(BINDING, State.STOPPED);
    try (var producer = new CloudEventProducer(bootstrapServers, json, "enrollment-service")) {
      publish.accept(producer);
    } finally {
      bindings.changeState(BINDING, State.STARTED);
    }
  }

  private void awaitApplied(List<UUID> events) {
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                jdbc.sql(
                            "select count(distinct event_id) from applied_event where event_id in (:ids)")
                        .param("ids", events)
                        .query(Long.class)
                        .single()
                    == events.stream().distinct().count());
  }

  private List<UUID> appliedInOrder(String key) {
    return jdbc.sql("select event_id from applied_event where subject = ? order by applied_order")
        .param(key)
        .query(UUID.class)
        .list();
  }
}
