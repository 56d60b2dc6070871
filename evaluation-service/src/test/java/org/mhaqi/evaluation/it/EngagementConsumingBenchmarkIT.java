package org.mhaqi.evaluation.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mhaqi.events.Topics;
import org.mhaqi.testing.BenchmarkRow;
import org.mhaqi.testing.RawConsumingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark 2, consuming (evaluation-service): enrolment and coaching events of the demo's volume
 * applied per second by the live consumers (engagement projections), beside a raw loop in the same
 * run that reads the same records with a plain consumer and commits one PostgreSQL transaction per
 * record. Its own database, so the counts are its own. Like the raw loop, the consumers meet the
 * records already on the topics (published while their bindings are stopped) and run warm (two
 * enrolments' events first), so the figure is the consumers' rate, not the producer's or the JIT's.
 * Not a timed test: it prints figures and checks only that every event was applied. Skipped unless
 * run with {@code -Dbenchmark=true}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(properties = "mhaqi.test.database=evaluation-consuming-benchmark")
class EngagementConsumingBenchmarkIT extends EvaluationIntegrationTest {

  private static final Logger log = LoggerFactory.getLogger(EngagementConsumingBenchmarkIT.class);

  /**
   * Enrolments whose events are published (about 70 each); a little more than the demo's 45, so
   * that the consumers' joining their group weighs little in a run of a few seconds: {@code
   * -Dbenchmark.consuming.enrolments}.
   */
  private static final int ENROLMENTS = Integer.getInteger("benchmark.consuming.enrolments", 50);

  /**
   * Enrolments whose events are applied before the measured ones, to measure the consumers warm.
   */
  private static final int WARM_UP = 2;

  private static final List<String> BINDINGS =
      List.of("enrollmentEvents-in-0", "coachingEvents-in-0");

  @Autowired DataSource dataSource;
  @Autowired BindingsLifecycleController bindings;

  @Test
  void engagementFromCoachingEventsBesideARawLoop() {
    List<String> topics = List.of(Topics.ENROLLMENT_EVENTS, Topics.COACHING_EVENTS);
    long warmUp = processed();
    long warmUpEvents = ProgrammeVolume.publish(bootstrapServers, json, "", WARM_UP);
    awaitProcessed(warmUp, warmUpEvents);

    var from = RawConsumingLoop.endOffsets(bootstrapServers, topics);
    long before = processed();
    BINDINGS.forEach(binding -> bindings.changeState(binding, State.STOPPED));
    long events;
    long started;
    try {
      events = ProgrammeVolume.publish(bootstrapServers, json, "", ENROLMENTS);
    } finally {
      started = System.nanoTime();
      BINDINGS.forEach(binding -> bindings.changeState(binding, State.STARTED));
    }
    awaitProcessed(before, events);
    double seconds = (System.nanoTime() - started) / 1e9;
    double rate = events / seconds;
    assertThat(jdbc.sql("select count(*) from engagement_session").query(Long.class).single())
        .isGreaterThanOrEqualTo(
            (long) (WARM_UP + ENROLMENTS) * EngagementRebuildBenchmarkIT.SESSIONS_PER_ENROLMENT);

    var to = RawConsumingLoop.endOffsets(bootstrapServers, topics);
    double raw = RawConsumingLoop.recordsPerSecond(bootstrapServers, dataSource, from, to);
    log.info(
        "BENCHMARK consuming, evaluation-service: {} enrolment and coaching events in {} s ({}"
            + " events/s); raw loop {} records/s",
        events,
        String.format("%.1f", seconds),
        String.format("%.0f", rate),
        String.format("%.0f", raw));
    log.info(
        "{}",
        BenchmarkRow.atLeastShareOfRaw(
            "2 consuming: evaluation-service engagement from " + events + " events",
            rate,
            raw,
            "events/s",
            0.50));
  }

  private void awaitProcessed(long before, long events) {
    Awaitility.await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> processed() - before == events);
  }

  private long processed() {
    return jdbc.sql("select count(*) from processed_event").query(Long.class).single();
  }
}
