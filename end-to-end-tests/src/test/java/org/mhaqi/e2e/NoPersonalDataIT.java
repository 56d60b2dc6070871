package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mhaqi.events.Topics;
import org.mhaqi.local.DemoPeople;
import org.mhaqi.local.KafkaSecurity;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.PersonalDataScan;
import org.mhaqi.testing.PersonalDataScan.Finding;
import org.mhaqi.testing.ServiceProcess;
import org.mhaqi.testing.ServiceProcesses;
import org.mhaqi.testing.TestKafka;
import org.mhaqi.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * No personal data in any event, log line or metric. The four services run as processes against the
 * broker every end-to-end test shares; people with distinctive names and e-mail addresses join a
 * project team and coach, the enrolment becomes a plan, a return is submitted, a member is erased
 * and the enrolment withdrawn. Then every record of every topic on the broker (what all the
 * end-to-end tests published, dead letters included: this class runs last), every service log of
 * the run and every service's metrics are searched for any e-mail address and for the names of
 * these people, the demo's people and coaching-service's default coach pool.
 */
// Last of the end-to-end tests (junit-platform.properties orders classes by @Order), so that the
// broker and the logs hold everything they did.
@Order(Integer.MAX_VALUE)
class NoPersonalDataIT {

  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** People of this test: names unlike anything else in the code, logs or metrics. */
  private static final Map<String, String> PEOPLE =
      Map.of(
          "Ottoline Brightwater", "ottoline.brightwater@example.nhs.uk",
          "Barnaby Quillfeather", "barnaby.quillfeather@example.nhs.uk",
          "Philippa Marchbanks", "p.marchbanks@example.nhs.uk",
          "Perpetua Ashdown-Vane", "perpetua.ashdown-vane@example.nhs.uk",
          "Cressida Thornbury", "cressida.thornbury@example.nhs.uk");

  @RegisterExtension
  static final ServiceProcesses services =
      ServiceProcesses.aroundTests(
          "enrollment-service", "coaching-service", "evaluation-service", "notification-service");

  @Test
  void noEventLogLineOrMetricHoldsANameOrAnEmailAddress() {
    Api enrollments = services.api("enrollment-service");
    Api coachingApi = services.api("coaching-service");
    Api evaluations = services.api("evaluation-service");

    coachingApi
        .post(
            "/api/coaches",
            """
            {"name":"Perpetua Ashdown-Vane","email":"perpetua.ashdown-vane@example.nhs.uk",
             "levels":["EXECUTIVE","SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY"],
             "workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
             "weeklyCapacityHours":30}
            """)
        .expect(201);
    // Refused input that names a person must not be logged either.
    coachingApi
        .post(
            "/api/coaches",
            """
            {"name":"Cressida Thornbury","email":"cressida.thornbury@",
             "levels":["EXECUTIVE"],"workingDays":["MONDAY"],"weeklyCapacityHours":70}
            """)
        .expect(400);

    // A coach signed in with her e-mail address as user name, allowed or not: neither the
    // authentication, the refusal nor the audit may log it.
    String email = PEOPLE.get("Perpetua Ashdown-Vane");
    Api perpetua = coachingApi.as(TestTokens.token(email, Set.of("COACH"), null, email));
    assertThat(perpetua.get("/api/coaches").status()).isLessThan(500);
    assertThat(perpetua.post("/api/sessions/unstaffed/staffing").status()).isLessThan(500);
    assertThat(coachingApi.as(TestTokens.expired()).get("/api/coaches").status()).isEqualTo(401);

    // notification-service's own directory holds names and addresses; they stay there. With no mail
    // server in this run its messages are retried, and the retries must not log an address either.
    services
        .api("notification-service")
        .post(
            "/api/contacts",
            """
            {"name":"Ottoline Brightwater","email":"ottoline.brightwater@example.nhs.uk",
             "scope":"ORGANISATION","odsCode":"RXT","kinds":["ENROLLMENT_DECISIONS","SESSION_INVITATIONS"]}
            """)
        .expect(201);

    LocalDate today = LocalDate.now(LONDON);
    String phase =
        EnrollmentSteps.widerPhase(
            enrollments,
            "Privacy programme",
            today,
            today.plusMonths(7),
            5,
            today.plusWeeks(2),
            today.plusMonths(6));
    String organisation =
        EnrollmentSteps.foundationTrust(
            enrollments,
            "RXT",
            "Birmingham and Solihull Mental Health NHS Foundation Trust",
            "MIDLANDS");
    String service =
        enrollments
            .post(
                "/api/organisations/" + organisation + "/services",
                "{\"name\":\"Acute admissions ward\",\"serviceType\":\"ADULT_ACUTE\"}")
            .expect(201)
            .id();
    String enrolment =
        enrollments
            .post(
                "/api/enrollments",
                "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(service, phase))
            .expect(201)
            .id();
    String sponsor = addMember(enrollments, enrolment, "EXECUTIVE_SPONSOR", "Ottoline Brightwater");
    addMember(enrollments, enrolment, "SERVICE_LEAD", "Barnaby Quillfeather");
    String erased = addMember(enrollments, enrolment, "QI_LEAD", "Philippa Marchbanks");
    enrollments
        .post(
            "/api/enrollments/" + enrolment + "/team-members",
            "{\"role\":\"QI_LEAD\",\"name\":\"Cressida Thornbury\",\"email\":\"not an address\"}")
        .expect(400);
    enrollments
        .put(
            "/api/enrollments/" + enrolment + "/executive-commitment",
            """
            {"sponsorMemberId":"%s","organisationInvolvement":true,"teamChangeIdeas":true,
             "proportionateDataCollection":true}
            """
                .formatted(sponsor))
        .expect(200);
    assertThat(EnrollmentSteps.admit(enrollments, enrolment)).isEqualTo("ENROLLED");
    enrollments.post("/api/team-members/" + erased + "/erasure").expect(200);

    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              Api.Response plan = coachingApi.get("/api/enrollments/" + enrolment + "/plan");
              return plan.status() == 200 && plan.body().path("scheduledSessions").asInt() > 0;
            });
    // Last month's return, once evaluation-service knows the enrolment.
    String month = YearMonth.now(LONDON).minusMonths(1).toString();
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                evaluations
                        .post(
                            "/api/services/" + service + "/data-returns",
                            "measure_code,month,stratum_code,numerator,denominator\n"
                                + "ASSAULTS_ON_STAFF,"
                                + month
                                + ",ALL,3,1550\n",
                            "text/csv")
                        .status()
                    == 201);
    enrollments
        .post("/api/enrollments/" + enrolment + "/withdrawal", "{\"reason\":\"Ward closing\"}")
        .expect(200);
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                !coachingApi
                    .get("/api/enrollments/" + enrolment + "/plan")
                    .body()
                    .path("withdrawnAt")
                    .isNull());
    awaitEveryConsumerCaughtUp(TestKafka.bootstrapServers());

    PersonalDataScan scan = new PersonalDataScan(personalNames());
    List<ConsumerRecord<byte[], byte[]>> records =
        PersonalDataScan.everyRecord(TestKafka.bootstrapServers());
    assertThat(records.stream().map(ConsumerRecord::topic).distinct())
        .as("topics with records")
        .contains(
            Topics.ENROLLMENT_EVENTS,
            Topics.PROGRAMME_EVENTS,
            Topics.ORGANISATION_EVENTS,
            Topics.COACHING_EVENTS,
            Topics.EVALUATION_EVENTS);
    List<Finding> findings = new ArrayList<>();
    records.forEach(record -> findings.addAll(scan.scan(record)));
    for (ServiceProcess running : services.all()) {
      String metrics =
          new Api(running.port()).get("/actuator/prometheus").expect(200).body().asString();
      assertThat(metrics).as("metrics of " + running.name()).contains("http_server_requests");
      findings.addAll(scan.scan(running.name() + " /actuator/prometheus", metrics));
    }
    List<Path> logs = logs();
    assertThat(logs).as("service logs of this run").hasSizeGreaterThanOrEqualTo(4);
    logs.forEach(log -> findings.addAll(scan.scan(log)));

    assertThat(findings).as("personal data in events, logs or metrics").isEmpty();
  }

  private static String addMember(Api enrollments, String enrolment, String role, String name) {
    return enrollments
        .post(
            "/api/enrollments/" + enrolment + "/team-members",
            "{\"role\":\"%s\",\"name\":\"%s\",\"email\":\"%s\"}"
                .formatted(role, name, PEOPLE.get(name)))
        .expect(201)
        .id();
  }

  /**
   * This test's people, the demo's and coaching-service's default coach pool (from its
   * application.yml, as the jar has it).
   */
  private static List<String> personalNames() {
    List<String> names = new ArrayList<>(PEOPLE.keySet());
    names.addAll(PEOPLE.values());
    names.addAll(DemoPeople.fullNames());
    Path yml =
        Path.of(System.getProperty("platform.root", ".."))
            .resolve("coaching-service/src/main/resources/application.yml");
    JsonNode pool =
        new YAMLMapper().readTree(yml.toFile()).at("/mhaqi/coaching/default-coach-pool/coaches");
    assertThat(pool.size()).as("default coach pool in " + yml).isPositive();
    pool.forEach(coach -> names.add(coach.path("name").asString()));
    return names;
  }

  /** Every service log the end-to-end tests of this run wrote (the build empties the folder). */
  private static List<Path> logs() {
    Path folder = services.get("enrollment-service").log().getParent();
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until every consumer group has committed up to the end of what it reads. */
  private static void awaitEveryConsumerCaughtUp(String bootstrapServers) {
    try (Admin admin = Admin.create(KafkaSecurity.adminConfig(bootstrapServers))) {
      Awaitility.await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> lag(admin) == 0);
    }
  }

  private static long lag(Admin admin) throws Exception {
    long lag = 0;
    for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
      committed.values().removeIf(java.util.Objects::isNull);
      if (committed.isEmpty()) {
        continue;
      }
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get();
      for (var entry : committed.entrySet()) {
        lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
      }
    }
    return lag;
  }
}
