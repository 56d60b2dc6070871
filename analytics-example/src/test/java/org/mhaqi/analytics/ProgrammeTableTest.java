package org.mhaqi.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgrammeTableTest {

  private static final String PHASE = "11111111-1111-1111-1111-111111111111";
  private static final String OTHER_PHASE = "22222222-2222-2222-2222-222222222222";

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> enrollment;
  private TestInputTopic<String, byte[]> coaching;
  private TestInputTopic<String, byte[]> evaluation;

  @BeforeEach
  void start() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "analytics-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(ProgrammeTable.topology(), config);
    enrollment = topic(ProgrammeTable.ENROLLMENT_EVENTS);
    coaching = topic(ProgrammeTable.COACHING_EVENTS);
    evaluation = topic(ProgrammeTable.EVALUATION_EVENTS);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void countsEachPhasesEnrollmentsWaitingListSessionsReturnsAndSpecialCauses() {
    String a = enrollmentId();
    String b = enrollmentId();
    String c = enrollmentId();
    send(enrollment, a, "ServiceEnrolled", "{\"phaseId\":\"" + PHASE + "\"}");
    send(enrollment, b, "ServiceWaitlisted", "{\"phaseId\":\"" + PHASE + "\"}");
    send(enrollment, c, "ServiceEnrolled", "{\"phaseId\":\"" + OTHER_PHASE + "\"}");
    send(coaching, a, "CoachingPlanCreated", "{\"phaseId\":\"" + PHASE + "\",\"sessions\":6}");
    send(coaching, a, "SessionCompleted", "{\"phaseId\":\"" + PHASE + "\"}");
    send(coaching, a, "SessionScheduled", "{\"phaseId\":\"" + PHASE + "\"}");
    send(evaluation, a, "DataReturnSubmitted", "{\"correction\":false}");
    send(evaluation, a, "DataReturnSubmitted", "{\"correction\":true}");
    send(evaluation, a, "SpecialCauseDetected", "{\"measureCode\":\"M1\"}");
    send(
        enrollment,
        b,
        "ServiceEnrolled",
        "{\"phaseId\":\"" + PHASE + "\",\"promotedFromWaitlist\":true}");
    send(
        enrollment,
        c,
        "EnrollmentWithdrawn",
        "{\"phaseId\":\"" + OTHER_PHASE + "\",\"previousStatus\":\"ENROLLED\"}");

    assertThat(figures(PHASE)).isEqualTo(new PhaseFigures(2, 0, 0, 6, 1, 1, 1));
    assertThat(figures(OTHER_PHASE)).isEqualTo(new PhaseFigures(0, 0, 1, 0, 0, 0, 0));
  }

  @Test
  void anEventDeliveredTwiceCountsOnce() {
    String a = enrollmentId();
    String id = UUID.randomUUID().toString();
    send(enrollment, a, "ServiceEnrolled", "{\"phaseId\":\"" + PHASE + "\"}", id);
    send(enrollment, a, "ServiceEnrolled", "{\"phaseId\":\"" + PHASE + "\"}", id);

    assertThat(figures(PHASE).enrolled()).isEqualTo(1);
  }

  @Test
  void anEventBeforeItsEnrollmentsPhaseIsKnownCountsOnceItIs() {
    String a = enrollmentId();
    send(evaluation, a, "DataReturnSubmitted", "{\"correction\":false}");
    assertThat(figures(PHASE)).isNull();

    send(enrollment, a, "ServiceEnrolled", "{\"phaseId\":\"" + PHASE + "\"}");

    assertThat(figures(PHASE)).isEqualTo(new PhaseFigures(1, 0, 0, 0, 0, 1, 0));
  }

  @Test
  void recordsWithoutCloudEventHeadersOrWithUnreadableJsonAreSkipped() {
    String a = enrollmentId();
    enrollment.pipeInput(
        new TestRecord<>(a, "{}".getBytes(StandardCharsets.UTF_8), new RecordHeaders()));
    send(enrollment, a, "ServiceEnrolled", "not json");
    send(enrollment, a, "ServiceEnrolled", "{\"phaseId\":\"" + PHASE + "\"}");

    assertThat(figures(PHASE).enrolled()).isEqualTo(1);
  }

  @Test
  void servesTheTableAsPrometheusGauges() {
    var table = new java.util.TreeMap<String, PhaseFigures>();
    table.put(PHASE, new PhaseFigures(3, 1, 0, 12, 4, 2, 1));

    assertThat(AnalyticsExample.prometheus(table))
        .contains("# TYPE mhaqi_analytics_phase_enrolled gauge\n")
        .contains("mhaqi_analytics_phase_enrolled{phase=\"" + PHASE + "\"} 3\n")
        .contains("mhaqi_analytics_phase_sessions_planned{phase=\"" + PHASE + "\"} 12\n")
        .contains("mhaqi_analytics_phase_special_causes{phase=\"" + PHASE + "\"} 1\n");
  }

  @Test
  void authenticatesAsAnalyticsWithScram() throws Exception {
    Properties config = AnalyticsExample.config(java.util.Map.of());

    assertThat(config.getProperty("security.protocol")).isEqualTo("SASL_PLAINTEXT");
    assertThat(config.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
    assertThat(config.getProperty("sasl.jaas.config"))
        .contains("username=\"analytics\"")
        .contains("password=\"analytics-demo-secret\"");
    assertThat(config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG)).startsWith("analytics");
  }

  private PhaseFigures figures(String phase) {
    KeyValueStore<String, PhaseFigures> store = driver.getKeyValueStore(ProgrammeTable.TABLE);
    return store.get(phase);
  }

  private TestInputTopic<String, byte[]> topic(String name) {
    return driver.createInputTopic(name, new StringSerializer(), new ByteArraySerializer());
  }

  private static String enrollmentId() {
    return UUID.randomUUID().toString();
  }

  private static void send(
      TestInputTopic<String, byte[]> topic, String key, String type, String json) {
    send(topic, key, type, json, UUID.randomUUID().toString());
  }

  private static void send(
      TestInputTopic<String, byte[]> topic, String key, String type, String json, String id) {
    RecordHeaders headers = new RecordHeaders();
    headers.add("ce_id", id.getBytes(StandardCharsets.UTF_8));
    headers.add("ce_type", type.getBytes(StandardCharsets.UTF_8));
    topic.pipeInput(new TestRecord<>(key, json.getBytes(StandardCharsets.UTF_8), headers));
  }
}
