package org.mhaqi.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mhaqi.events.CloudEventHeaders;
import org.mhaqi.events.Topics;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.local.ClientCredentials;
import org.mhaqi.local.FreePorts;
import org.mhaqi.local.JavaProcess;
import org.mhaqi.local.PrometheusServer;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.CloudEventProducer;
import org.mhaqi.testing.KafkaTopicReader;
import org.mhaqi.testing.KafkaTopicReader.Message;
import org.mhaqi.testing.PrometheusText;
import org.mhaqi.testing.ServiceProcess;
import org.mhaqi.testing.ServiceProcesses;
import org.mhaqi.testing.TestKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The operations side against a real Prometheus: the authorization server, the three services and
 * the operations console run from their jars (the services take the authorization server's tokens,
 * Prometheus and the console fetch OPERATOR tokens of their own clients), a real Prometheus server
 * (Debian's package) scrapes the services every second with the repository's alert rules loaded,
 * traffic goes through, and then every query of every dashboard panel returns data, every series an
 * alert rule reads exists, a poison event raises the dead-letter alert, the console lists the three
 * services UP, and a consumer killed makes ServiceDown pending.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusIT {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(5);

  /** What Grafana's {@code $__rate_interval} stands for here: the whole run fits in it. */
  private static final String RATE_INTERVAL = "5m";

  private static JavaProcess authServer;
  private static String authUrl;

  /** The tokens of the real authorization server: the services accept no other. */
  private static ClientCredentials adminToken;

  private static ClientCredentials operatorToken;

  private static ServiceProcesses services;
  private static ServiceProcess enrollment;
  private static ServiceProcess coaching;
  private static ServiceProcess evaluation;
  private static ServiceProcess console;
  private static PrometheusServer prometheus;
  private static Path logs;

  /** The enrolment admitted through enrollment-service's API; its trace crosses Kafka. */
  private static String admitted;

  @BeforeAll
  static void startPlatformAndPrometheus() {
    Path binary =
        PrometheusServer.findBinary()
            .orElseThrow(() -> new IllegalStateException(PrometheusServer.installHint()));
    String kafka = TestKafka.bootstrapServers();
    logs = Path.of("target", "ops-logs-" + UUID.randomUUID()).toAbsolutePath();
    startAuthorizationServer();
    services =
        ServiceProcesses.start(
            kafka,
            PrometheusIT::jsonLog,
            "enrollment-service",
            "coaching-service",
            "evaluation-service",
            "notification-service");
    enrollment = services.get("enrollment-service");
    coaching = services.get("coaching-service");
    evaluation = services.get("evaluation-service");
    // The console has no database; it is handed evaluation's only because launch wants one.
    console =
        ServiceProcess.launch(
            "ops-console",
            "ops-console",
            kafka,
            evaluation.database(),
            Map.of(
                "ENROLLMENT_SERVICE_URL", "http://127.0.0.1:" + enrollment.port(),
                "COACHING_SERVICE_URL", "http://127.0.0.1:" + coaching.port(),
                "EVALUATION_SERVICE_URL", "http://127.0.0.1:" + evaluation.port(),
                "NOTIFICATION_SERVICE_URL",
                    "http://127.0.0.1:" + services.get("notification-service").port(),
                "AUTH_SERVER_URL", authUrl));
    List<PrometheusServer.Target> targets =
        Stream.of(enrollment, coaching, evaluation, services.get("notification-service"))
            .map(s -> new PrometheusServer.Target(s.name(), "127.0.0.1:" + s.port()))
            .toList();
    prometheus =
        PrometheusServer.start(
                binary,
                Path.of("target", "prometheus-" + UUID.randomUUID()),
                FreePorts.next(),
                targets,
                PrometheusServer.ruleFiles(ROOT.resolve("ops/prometheus/rules")),
                // A scrape of a cold service on a busy machine can take seconds.
                SCRAPE_INTERVAL,
                Duration.ofSeconds(1),
                new PrometheusServer.OAuth2(
                    "prometheus", "prometheus-secret", authUrl + "/oauth2/token"))
            .awaitReady(Duration.ofSeconds(60));
    console.awaitReady();
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(query("up{job=~\".+-service\"} == 1"))
                    .as("every service a scrape target that is up: %s", targetErrors())
                    .hasSize(4)); // enrollment, coaching, evaluation and notification
    driveTraffic();
  }

  /**
   * The platform's authorization server from its jar, on a free port that is also its issuer;
   * ServiceProcess' default issuer (the tests' own, TestTokens) is replaced by it for every
   * process.
   */
  private static void startAuthorizationServer() {
    int port = FreePorts.next();
    authUrl = "http://127.0.0.1:" + port;
    authServer =
        JavaProcess.serviceJar(
                "authorization-server",
                ROOT.resolve("authorization-server/target/authorization-server.jar"),
                port,
                List.of("-Xmx128m", "-XX:TieredStopAtLevel=1"),
                Map.of("AUTH_ISSUER", authUrl),
                logs.resolve("authorization-server.log"))
            .start()
            .awaitReady();
    adminToken = new ClientCredentials(authUrl, "demo-admin", "demo-admin-secret");
    operatorToken = new ClientCredentials(authUrl, "ops-console", "ops-console-secret");
  }

  /** A service's API called with an ADMIN token of the authorization server. */
  private static Api api(ServiceProcess service) {
    return new Api(service.port()).as(adminToken.get());
  }

  /**
   * A JSON log file beside the console's output; debug for the consumers' "Applied" lines; the
   * authorization server's tokens.
   */
  private static Map<String, String> jsonLog(String service) {
    return Map.of(
        "AUTH_SERVER_URL",
        authUrl,
        "LOGGING_FILE_NAME",
        logs.resolve(service + ".json").toString(),
        "LOGGING_LEVEL_ORG_MHAQI_SUPPORT_MESSAGING",
        "debug",
        // The PostgreSQL server is shared with other test runs.
        "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE",
        "4",
        // No mail server runs here: notification-service's SMTP check would report it DOWN.
        "MANAGEMENT_HEALTH_MAIL_ENABLED",
        "false");
  }

  @AfterAll
  static void stopEverything() {
    for (AutoCloseable c : new AutoCloseable[] {prometheus, console, services, authServer}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          // best effort
        }
      }
    }
  }

  /**
   * What the dashboards show: enrolments through enrollment-service's API (one enrolled, one
   * waitlisted), an enrolment four months old announced on the topic so coaching plans it and
   * evaluation takes a return for a past month, poison for both consumers, and a 404 per service.
   */
  private static void driveTraffic() {
    Api enrollments = api(enrollment);
    LocalDate today = LocalDate.now(LONDON);
    String programme =
        enrollments.post("/api/programmes", "{\"name\":\"Operations programme\"}").expect(201).id();
    String phase =
        enrollments
            .post(
                "/api/programmes/" + programme + "/phases",
                """
                {"kind":"WIDER_IMPLEMENTATION","name":"Wider implementation","startsOn":"%s",
                 "endsOn":"%s","capacity":1,"coachingStartsOn":"%s","coachingEndsOn":"%s"}
                """
                    .formatted(
                        today.minusWeeks(6),
                        today.plusMonths(4),
                        today.minusWeeks(6),
                        today.plusMonths(4)))
            .expect(201)
            .id();
    String organisation =
        enrollments
            .post(
                "/api/organisations",
                """
                {"odsCode":"RX3","name":"Tees, Esk and Wear Valleys NHS Foundation Trust",
                 "providerType":"NHS_FOUNDATION_TRUST","region":"NORTH_EAST_AND_YORKSHIRE"}
                """)
            .expect(201)
            .id();
    for (String ward : List.of("Ward one", "Ward two")) {
      String service =
          enrollments
              .post(
                  "/api/organisations/" + organisation + "/services",
                  "{\"name\":\"%s\",\"serviceType\":\"PICU\"}".formatted(ward))
              .expect(201)
              .id();
      String enrolment =
          enrollments
              .post(
                  "/api/enrollments",
                  "{\"serviceId\":\"%s\",\"phaseId\":\"%s\"}".formatted(service, phase))
              .expect(201)
              .id();
      String sponsor =
          enrollments
              .post(
                  "/api/enrollments/" + enrolment + "/team-members",
                  "{\"role\":\"EXECUTIVE_SPONSOR\",\"name\":\"Sam Exec\",\"email\":\"sam@example.nhs.uk\"}")
              .expect(201)
              .id();
      enrollments
          .put(
              "/api/enrollments/" + enrolment + "/executive-commitment",
              """
              {"sponsorMemberId":"%s","organisationInvolvement":true,"teamChangeIdeas":true,
               "proportionateDataCollection":true}
              """
                  .formatted(sponsor))
          .expect(200);
      String status =
          enrollments
              .post("/api/enrollments/" + enrolment + "/admission")
              .expect(200)
              .text("status");
      if ("ENROLLED".equals(status)) {
        admitted = enrolment;
      }
    }
    assertThat(admitted).as("one of the two wards takes the phase's only place").isNotNull();

    // An enrolment of four months ago, as enrollment-service announces it.
    UUID enrollmentId = UUID.randomUUID();
    UUID serviceId = UUID.randomUUID();
    LocalDate first = today.minusMonths(4);
    try (CloudEventProducer producer =
        new CloudEventProducer(TestKafka.bootstrapServers(), JSON, "enrollment-service")) {
      producer.send(
          new ServiceEnrolled(
              enrollmentId,
              serviceId,
              UUID.randomUUID(),
              "RX3",
              ProviderType.NHS_TRUST,
              Region.NORTH_EAST_AND_YORKSHIRE,
              ServiceType.ADULT_ACUTE,
              UUID.randomUUID(),
              PhaseKind.WIDER_IMPLEMENTATION,
              first,
              today.plusMonths(4),
              false,
              first.minusWeeks(2).atStartOfDay(LONDON).toInstant()));
      Api plans = api(coaching);
      Awaitility.await()
          .atMost(WAIT)
          .until(() -> plans.get("/api/enrollments/" + enrollmentId + "/plan").status() == 200);
      Api returns = api(evaluation);
      String body =
          """
          {"measureCode":"RESTRICTIVE_INTERVENTIONS","month":"%s","strata":[
            {"code":"A","numerator":14,"denominator":1240},
            {"code":"M","numerator":9,"denominator":310}]}
          """
              .formatted(YearMonth.from(first).plusMonths(1));
      Awaitility.await()
          .atMost(WAIT)
          .until(
              () ->
                  returns.post("/api/services/" + serviceId + "/data-returns", body).status()
                      == 201);

      // Poison: no envelope at all. Both consumers of enrollment.events give up on it.
      producer.send(
          new ProducerRecord<>(
              Topics.ENROLLMENT_EVENTS,
              UUID.randomUUID().toString(),
              "{}".getBytes(StandardCharsets.UTF_8)));
    }
    for (ServiceProcess s : List.of(enrollment, coaching, evaluation)) {
      api(s).get("/api/no-such-thing");
    }
  }

  @Test
  @Order(1)
  void theServicesExposeDeadLettersByReasonAndConsumerLagPerTopicAndGroup() {
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              for (ServiceProcess consumer : List.of(coaching, evaluation)) {
                PrometheusText page = PrometheusText.scrape(consumer.port(), operatorToken.get());
                assertThat(
                        page.value(
                            "events_dead_lettered_total",
                            "group",
                            consumer.name(),
                            "topic",
                            Topics.ENROLLMENT_EVENTS,
                            "reason",
                            "poison"))
                    .as("%s counted the poison event", consumer.name())
                    .isEqualTo(1);
                assertThat(
                        page.find(
                            "spring_cloud_stream_binder_kafka_offset",
                            "group",
                            consumer.name(),
                            "topic",
                            Topics.ENROLLMENT_EVENTS,
                            "application",
                            consumer.name()))
                    .as("%s's lag on enrollment.events", consumer.name())
                    .hasSize(1);
              }
            });
  }

  @Test
  @Order(2)
  void theEnrolmentRequestItsCoachingPlanAndEvaluationsUpdateShareOneTraceId() {
    Message enrolled;
    Message planned;
    try (KafkaTopicReader reader =
        new KafkaTopicReader(
            TestKafka.bootstrapServers(), Topics.ENROLLMENT_EVENTS, Topics.COACHING_EVENTS)) {
      enrolled = reader.awaitFirst(m -> is(m, "ServiceEnrolled"), WAIT);
      planned = reader.awaitFirst(m -> is(m, "CoachingPlanCreated"), WAIT);
    }
    String traceId = traceId(enrolled);
    assertThat(traceId).as("the request's trace, captured with the outbox row").isNotBlank();
    assertThat(traceId(planned))
        .as("coaching-service continued the trace of the ServiceEnrolled record")
        .isEqualTo(traceId);

    // evaluation-service applied the coaching event within the same trace: its JSON log says so.
    String eventId = planned.header(CloudEventHeaders.ID);
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(jsonLines("evaluation-service"))
                    .as(
                        "a JSON line of evaluation-service with event %s in trace %s",
                        eventId, traceId)
                    .anyMatch(
                        line ->
                            line.contains(eventId)
                                && line.contains(traceId)
                                && line.contains("\"evaluation-service\"")));
  }

  private static boolean is(Message message, String type) {
    return admitted.equals(message.key()) && type.equals(message.type());
  }

  private static String traceId(Message message) {
    String traceparent = message.header(CloudEventHeaders.TRACEPARENT);
    assertThat(traceparent)
        .as("traceparent of %s", message.type())
        .matches("00-\\w{32}-\\w{16}-\\w{2}");
    return traceparent.split("-")[1];
  }

  /** The service's log file lines that are JSON objects (all of them: the file is ECS JSON). */
  private static List<String> jsonLines(String service) throws IOException {
    Path file = logs.resolve(service + ".json");
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      // A last line still being written is not a line yet.
      if (line.startsWith("{") && line.endsWith("}")) {
        JSON.readTree(line);
        lines.add(line);
      }
    }
    return lines;
  }

  @Test
  @Order(3)
  void everyDashboardPanelQueryReturnsData() throws IOException {
    Map<String, String> expressions = dashboardExpressions();
    assertThat(expressions).as("panels found in ops/grafana/dashboards").hasSizeGreaterThan(40);

    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(withoutData(expressions)).isEmpty());
  }

  @Test
  @Order(4)
  void everySeriesAnAlertRuleReadsExists() throws IOException {
    Map<String, String> rules = alertExpressions();
    assertThat(rules.keySet())
        .containsExactlyInAnyOrder(
            "ServiceDown",
            "ConsumerLagGrowing",
            "OutboxBacklogStale",
            "EventsDeadLettered",
            "HighServerErrorRate",
            "DataReturnsOverdue",
            "UnstaffedCoachingSessions",
            "NotificationQueueStale");
    Map<String, String> selectors = new LinkedHashMap<>();
    rules.forEach(
        (alert, expr) -> {
          // The whole expression is valid PromQL: Prometheus answers it (empty while all is well).
          query(expr);
          for (String selector : PromQlSelectors.of(expr)) {
            selectors.put(alert + ": " + selector, selector);
          }
        });
    assertThat(selectors).hasSizeGreaterThanOrEqualTo(rules.size());

    // A series of a value that shows only when things go wrong (outcome="SERVER_ERROR") may be
    // absent here; its metric must exist with that label. Every other selector must answer as is.
    Map<String, String> relaxed = new LinkedHashMap<>();
    selectors.forEach(
        (name, selector) ->
            relaxed.put(
                name,
                selector.contains("SERVER_ERROR")
                    ? PromQlSelectors.withLabelsPresent(selector)
                    : selector));
    Awaitility.await()
        .atMost(WAIT)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(withoutData(relaxed)).isEmpty());
  }

  @Test
  @Order(5)
  void aPoisonEventRaisesTheDeadLetterAlertForBothConsumers() {
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        alerts("EventsDeadLettered").stream()
                            .map(a -> a.path("labels").path("group").asString())
                            .toList())
                    .contains("coaching-service", "evaluation-service"));
  }

  @Test
  @Order(6)
  void theConsoleListsTheFourServicesUp() {
    Awaitility.await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              JsonNode applications = getJson(console.port(), "/applications");
              Map<String, String> status = new LinkedHashMap<>();
              for (JsonNode application : applications) {
                status.put(
                    application.path("name").asString(), application.path("status").asString());
              }
              assertThat(status)
                  .containsExactlyInAnyOrderEntriesOf(
                      Map.of(
                          "enrollment-service", "UP",
                          "coaching-service", "UP",
                          "evaluation-service", "UP",
                          "notification-service", "UP"));
            });
  }

  @Test
  @Order(7)
  void aKilledConsumerMakesServiceDownPending() {
    assertThat(alerts("ServiceDown")).as("nothing down before").isEmpty();

    coaching.kill();

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(alerts("ServiceDown"))
                    .singleElement()
                    .satisfies(
                        alert -> {
                          assertThat(alert.path("labels").path("job").asString())
                              .isEqualTo("coaching-service");
                          assertThat(alert.path("state").asString()).isEqualTo("pending");
                        }));
  }

  /** Each panel's queries, named by dashboard, panel and refId. */
  private static Map<String, String> dashboardExpressions() throws IOException {
    Map<String, String> expressions = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(ROOT.resolve("ops/grafana/dashboards"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        JsonNode dashboard = JSON.readTree(file.toFile());
        for (JsonNode panel : dashboard.path("panels")) {
          for (JsonNode target : panel.path("targets")) {
            String expr = target.path("expr").asString();
            assertThat(expr).as("%s / %s", file.getFileName(), panel.path("title")).isNotBlank();
            expressions.put(
                file.getFileName()
                    + " / "
                    + panel.path("title").asString()
                    + " / "
                    + target.path("refId").asString(),
                expr.replace("$__rate_interval", RATE_INTERVAL));
          }
        }
      }
    }
    return expressions;
  }

  private static Map<String, String> alertExpressions() throws IOException {
    Map<String, String> expressions = new LinkedHashMap<>();
    YAMLMapper yaml = YAMLMapper.builder().build();
    for (Path file : PrometheusServer.ruleFiles(ROOT.resolve("ops/prometheus/rules"))) {
      for (JsonNode group : yaml.readTree(file.toFile()).path("groups")) {
        for (JsonNode rule : group.path("rules")) {
          if (rule.has("alert")) {
            expressions.put(rule.path("alert").asString(), rule.path("expr").asString());
          }
        }
      }
    }
    return expressions;
  }

  /** The names of the expressions Prometheus answers with no series. */
  private static List<String> withoutData(Map<String, String> expressions) {
    List<String> empty = new ArrayList<>();
    expressions.forEach(
        (name, expr) -> {
          if (query(expr).isEmpty()) {
            empty.add(name + ": " + expr);
          }
        });
    return empty;
  }

  /** The result of an instant query; fails on an error (bad PromQL). */
  private static List<JsonNode> query(String expr) {
    JsonNode answer =
        getJson(
            prometheus.port(),
            "/api/v1/query?query="
                + URLEncoder.encode(expr, StandardCharsets.UTF_8)
                + "&time="
                + Instant.now().getEpochSecond());
    assertThat(answer.path("status").asString()).as("%s: %s", expr, answer).isEqualTo("success");
    List<JsonNode> result = new ArrayList<>();
    answer.path("data").path("result").forEach(result::add);
    return result;
  }

  /** Each scrape target's health and last error, to say why one is not up. */
  private static List<String> targetErrors() {
    List<String> targets = new ArrayList<>();
    for (JsonNode target :
        getJson(prometheus.port(), "/api/v1/targets").path("data").path("activeTargets")) {
      targets.add(
          target.path("labels").path("job").asString()
              + " "
              + target.path("health").asString()
              + " "
              + target.path("lastError").asString());
    }
    return targets;
  }

  /** The alerts of that name Prometheus holds now, pending or firing. */
  private static List<JsonNode> alerts(String name) {
    List<JsonNode> alerts = new ArrayList<>();
    for (JsonNode alert :
        getJson(prometheus.port(), "/api/v1/alerts").path("data").path("alerts")) {
      if (name.equals(alert.path("labels").path("alertname").asString())) {
        alerts.add(alert);
      }
    }
    return alerts;
  }

  private static JsonNode getJson(int port, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(path + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
