package org.mhaqi.coaching.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.testing.PrometheusText;
import tools.jackson.databind.JsonNode;

/**
 * What the dashboards and alerts read from coaching-service's /actuator/prometheus moves with what
 * the service does: plans (sessions and hours by level and status), consumption (events by type,
 * handler latency, consumer lag), the outbox, and dead letters by reason class.
 */
class CoachingMetricsIT extends IntegrationTest {

  @Test
  void anEnrolmentShowsAsPlannedSessionsAndHoursConsumedAndPublishedEvents() {
    PrometheusText before = scrape();
    UUID enrollmentId = UUID.randomUUID();
    ServiceEnrolled event = enrolled(enrollmentId, today().minusWeeks(2), today().plusWeeks(12));
    enrollmentService().send(event);
    JsonNode plan = awaitPlan(enrollmentId);
    int sessions = plan.get("sessions").size();
    double hours = 0;
    for (JsonNode s : plan.get("sessions")) {
      hours += s.get("durationMinutes").asInt() / 60.0;
    }
    double plannedHours = hours;

    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              PrometheusText after = scrape();
              assertThat(
                      delta(before, after, "coaching_sessions", "status", "SCHEDULED")
                          + delta(before, after, "coaching_sessions", "status", "COMPLETED"))
                  .isEqualTo(sessions);
              assertThat(
                      delta(before, after, "coaching_session_hours", "status", "SCHEDULED")
                          + delta(before, after, "coaching_session_hours", "status", "COMPLETED"))
                  .isCloseTo(plannedHours, org.assertj.core.data.Offset.offset(0.01));
              assertThat(
                      delta(
                          before,
                          after,
                          "events_consumed_total",
                          "consumer",
                          "coaching-service",
                          "type",
                          "ServiceEnrolled",
                          "outcome",
                          "applied"))
                  .isEqualTo(1);
              assertThat(
                      delta(
                          before,
                          after,
                          "outbox_events_published_total",
                          "type",
                          "SessionScheduled",
                          "application",
                          "coaching-service"))
                  .isEqualTo(sessions);
              assertThat(after.find("events_consumer_handling_seconds_bucket")).isNotEmpty();
              assertThat(after.find("outbox_publish_lag_seconds_bucket")).isNotEmpty();
              assertThat(after.sum("outbox_oldest_pending_age_seconds")).isPresent();
              assertThat(after.sum("outbox_events_pending")).isPresent();
              assertThat(after.find("coaching_sessions_unstaffed", "level", "EXECUTIVE"))
                  .hasSize(1);
              assertThat(
                      after.find(
                          "spring_cloud_stream_binder_kafka_offset",
                          "group",
                          "coaching-service",
                          "topic",
                          Topics.ENROLLMENT_EVENTS))
                  .as("consumer lag of the group on its topic")
                  .hasSize(1);
            });
  }

  @Test
  void aPoisonMessageIsCountedAsADeadLetterOfReasonPoison() {
    PrometheusText before = scrape();
    String key = UUID.randomUUID().toString();
    enrollmentService()
        .send(
            new ProducerRecord<String, byte[]>(
                Topics.ENROLLMENT_EVENTS, key, "{}".getBytes(StandardCharsets.UTF_8)));

    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        delta(
                            before,
                            scrape(),
                            "events_dead_lettered_total",
                            "group",
                            "coaching-service",
                            "topic",
                            Topics.ENROLLMENT_EVENTS,
                            "reason",
                            "poison"))
                    .isEqualTo(1));
  }

  private PrometheusText scrape() {
    return PrometheusText.parse(api.get("/actuator/prometheus").expect(200).body().asString());
  }

  private static double delta(
      PrometheusText before, PrometheusText after, String name, String... labels) {
    return after.value(name, labels) - before.value(name, labels);
  }
}
