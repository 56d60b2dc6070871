package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.local.ProcessSupervisor;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.ServiceProcess;
import org.mhaqi.testing.TestKafka;
import tools.jackson.databind.json.JsonMapper;

/**
 * coaching-service looked after by the launcher's supervisor ({@link ProcessSupervisor}, as {@code
 * ./platform} runs it) and killed with SIGKILL from outside, as a crash or the out-of-memory killer
 * does: nobody types a command, yet it is started again, is ready again, and makes the plan of an
 * enrolment published while it was down.
 */
class CrashedServiceRestartsIT {

  @Test
  void aServiceKilledWithSigkillComesBackByItselfAndCatchesUp() throws Exception {
    String kafka = TestKafka.bootstrapServers();
    List<String> restarts = new CopyOnWriteArrayList<>();
    ProcessSupervisor supervisor =
        ProcessSupervisor.standard(
            Duration.ofSeconds(20),
            (process, count, reason) -> restarts.add(process.name() + " " + count + " " + reason));
    ServiceProcess coaching = ServiceProcess.launch("coaching-service", kafka, Map.of());
    try (CloudEventProducer producer =
        new CloudEventProducer(kafka, JsonMapper.builder().build(), "enrollment-service")) {
      coaching.awaitReady();
      supervisor.supervise(coaching.process());
      supervisor.watchInBackground();
      Api plans = new Api(coaching.port());
      UUID before = enrol(producer);
      awaitPlan(plans, before);

      ProcessHandle crashed = ProcessHandle.of(coaching.process().pid().orElseThrow()).get();
      crashed.destroyForcibly();
      crashed.onExit().get(30, TimeUnit.SECONDS);
      UUID whileDown = enrol(producer);

      awaitPlan(plans, whileDown);
      assertThat(coaching.process().pid()).isNotEqualTo(java.util.Optional.of(crashed.pid()));
      assertThat(restarts)
          .containsExactly("coaching-service 1 stopped without being asked (exit code 137)");
    } finally {
      supervisor.stop();
      coaching.close();
    }
  }

  private static UUID enrol(CloudEventProducer producer) {
    UUID enrollmentId = UUID.randomUUID();
    LocalDate windowStarts = LocalDate.now().plusWeeks(2);
    producer.send(
        new ServiceEnrolled(
            enrollmentId,
            UUID.randomUUID(),
            UUID.randomUUID(),
            "RX4",
            ProviderType.NHS_TRUST,
            Region.NORTH_EAST_AND_YORKSHIRE,
            ServiceType.ADULT_ACUTE,
            UUID.randomUUID(),
            PhaseKind.WIDER_IMPLEMENTATION,
            windowStarts,
            windowStarts.plusMonths(6),
            false,
            Instant.now()));
    return enrollmentId;
  }

  /** Up to three minutes: the service starts again on a machine other builds share. */
  private static void awaitPlan(Api plans, UUID enrollmentId) {
    Awaitility.await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> plans.get("/api/enrollments/" + enrollmentId + "/plan").status() == 200);
  }
}
