package org.mhaqi.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CI's end-to-end check of the run command ({@code ./platform check}): every service the platform
 * runs is ready; the authorization server gives the platform client the token every API call below
 * carries; the demo's enrolments are on {@code enrollment.events} ({@code ServiceEnrolled} records,
 * counted by their CloudEvents type header); coaching-service has a plan with sessions for each of
 * them; evaluation-service counts their planned sessions and charts the demo's year of returns.
 * {@code ./platform check --stopped}: after {@code ./platform stop}, no recorded process runs and
 * no port the platform used is still open. Exit code 0 only if everything holds.
 */
final class PlatformCheck {

  private static final String ENROLLMENT_TOPIC = "enrollment.events";
  private static final Duration PLANS_TIMEOUT = Duration.ofSeconds(120);

  private final PlatformSettings settings;
  private final Properties recorded;
  private final List<String> failures = new ArrayList<>();
  private final JsonMapper json = JsonMapper.builder().build();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The platform client's token (ADMIN) for the services' APIs; null while there is none. */
  private Supplier<String> platformToken = () -> null;

  private PlatformCheck(PlatformSettings settings) {
    this.settings = settings;
    this.recorded = new PlatformState(settings).read();
  }

  static int run(PlatformSettings settings, List<String> args) {
    PlatformCheck check = new PlatformCheck(settings);
    if (args.contains("--stopped")) {
      check.nothingLeft();
    } else {
      check.running();
    }
    if (check.failures.isEmpty()) {
      System.out.println("CHECK passed");
      return 0;
    }
    check.failures.forEach(f -> System.out.println("CHECK FAILED: " + f));
    return 1;
  }

  private void running() {
    if (new PlatformState(settings).supervisor().isEmpty()) {
      failures.add("no platform supervisor is running (./platform up -d first)");
      return;
    }
    if (!"ready".equals(recorded.getProperty("status"))) {
      failures.add("the platform's status is " + recorded.getProperty("status"));
    }
    for (PlatformSettings.Service s : settings.services()) {
      String port = recorded.getProperty("service." + s.name() + ".port");
      if (port == null) {
        failures.add(s.name() + " is not running (not built?)");
        continue;
      }
      String readiness = StatusReport.readiness(http, "http://127.0.0.1:" + port);
      System.out.println("check: " + s.name() + " readiness " + readiness);
      if (!readiness.equals("UP")) {
        failures.add(s.name() + " is not ready: " + readiness);
      }
    }
    authorizationServerIssuesTokens();
    if (!failures.isEmpty()) {
      return;
    }
    Map<String, Integer> types = new TreeMap<>();
    Set<String> enrolled = new LinkedHashSet<>();
    readEnrollmentEvents(types, enrolled);
    System.out.println("check: " + ENROLLMENT_TOPIC + " holds " + types);
    if (enrolled.isEmpty()) {
      failures.add("no ServiceEnrolled event on " + ENROLLMENT_TOPIC + " (demo data loaded?)");
      return;
    }
    plansFor(enrolled);
    if (failures.isEmpty()) {
      evaluationHasTheDemo();
    }
    if (failures.isEmpty()) {
      theDemosMessagesAreInTheMailServer();
    }
    operatorsSeeEveryService();
    peopleSignInToTheConsole();
  }

  /**
   * The programme console is up and each demo user signs in to it as a browser does (the
   * authorization server's login form, authorization code with PKCE) and sees their home page; the
   * trust member also sees their organisation, which the console fetched with their token.
   */
  private void peopleSignInToTheConsole() {
    String port = recorded.getProperty("programme-console.port");
    if (port == null) {
      if (Preflight.isRunnableJar(settings.programmeConsoleJar())) {
        failures.add("the programme console is not running");
      }
      return;
    }
    String console = "http://127.0.0.1:" + port;
    for (String user : ConsoleSignIn.DEMO_USERS) {
      try {
        ConsoleSignIn browser = new ConsoleSignIn(console);
        String home = browser.signIn(user, ConsoleSignIn.demoPassword(user));
        if (!home.contains("Signed in as " + user)) {
          failures.add(user + " signed in to the programme console but did not see their home");
          continue;
        }
        if (user.equals("trust") && !browser.page("/organisation").contains("RX4")) {
          failures.add("trust does not see their organisation (RX4) in the programme console");
          continue;
        }
        System.out.println("check: " + user + " signed in to the programme console at " + console);
      } catch (IllegalStateException e) {
        failures.add(user + " cannot sign in to the programme console: " + e.getMessage());
      }
    }
  }

  /**
   * The authorization server is ready and gives the platform client a token, which every API call
   * below then carries (the services refuse calls without one).
   */
  private void authorizationServerIssuesTokens() {
    String port = recorded.getProperty("auth.port");
    if (port == null) {
      failures.add("the authorization server is not running (not built?)");
      return;
    }
    String auth = "http://127.0.0.1:" + port;
    String readiness = StatusReport.readiness(http, auth);
    System.out.println("check: authorization-server readiness " + readiness);
    if (!readiness.equals("UP")) {
      failures.add("the authorization server is not ready: " + readiness);
      return;
    }
    ClientCredentials platform =
        new ClientCredentials(
            auth, ClientCredentials.PLATFORM_CLIENT, ClientCredentials.platformSecret());
    try {
      platform.get();
      platformToken = platform;
      System.out.println("check: the platform client got a token from " + auth);
    } catch (IllegalStateException e) {
      failures.add(e.getMessage());
    }
  }

  /**
   * Where the platform runs them: Prometheus scrapes every service and finds each target up; the
   * operations console lists the three services UP.
   */
  private void operatorsSeeEveryService() {
    Set<String> expected = new TreeSet<>();
    settings.services().forEach(s -> expected.add(s.name()));
    String prometheus = recorded.getProperty("prometheus.port");
    if (prometheus != null) {
      Map<String, String> health =
          awaitEveryUp(
              () -> {
                Map<String, String> h = new TreeMap<>();
                JsonNode targets =
                    body("http://127.0.0.1:" + prometheus + "/api/v1/targets")
                        .path("data")
                        .path("activeTargets");
                for (JsonNode t : targets) {
                  h.put(t.path("labels").path("job").asString(""), t.path("health").asString(""));
                }
                return h;
              },
              expected,
              "up");
      System.out.println("check: Prometheus targets " + health);
      if (!health.keySet().equals(expected) || !health.values().stream().allMatch("up"::equals)) {
        failures.add("Prometheus does not scrape every service up: " + health);
      }
    }
    String console = recorded.getProperty("console.port");
    if (console != null) {
      Map<String, String> status =
          awaitEveryUp(
              () -> {
                Map<String, String> s = new TreeMap<>();
                for (JsonNode a : body("http://127.0.0.1:" + console + "/applications")) {
                  s.put(a.path("name").asString(""), a.path("status").asString(""));
                }
                return s;
              },
              expected,
              "UP");
      System.out.println("check: operations console lists " + status);
      if (!status.keySet().equals(expected) || !status.values().stream().allMatch("UP"::equals)) {
        failures.add("the operations console does not list every service UP: " + status);
      }
    }
  }

  /** Polls until every expected name has the value (or 60 s pass); the last answer. */
  private static Map<String, String> awaitEveryUp(
      Supplier<Map<String, String>> read, Set<String> expected, String up) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    Map<String, String> last = read.get();
    while (System.nanoTime() < deadline
        && !(last.keySet().equals(expected) && last.values().stream().allMatch(up::equals))) {
      Platform.sleep(Duration.ofSeconds(2));
      last = read.get();
    }
    return last;
  }

  /** Reads the topic from the start to its end offsets, without a consumer group. */
  private void readEnrollmentEvents(Map<String, Integer> types, Set<String> enrolled) {
    // As analytics: the check reads what an analytics consumer may, no more.
    Map<String, Object> config =
        new java.util.HashMap<>(KafkaSecurity.clientConfig(KafkaSecurity.ANALYTICS));
    config.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + recorded.getProperty("kafka.port"));
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "platform-check");
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(ENROLLMENT_TOPIC, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!reached(consumer, end) && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
          Header type = record.headers().lastHeader("ce_type");
          String name =
              type == null ? "(no ce_type)" : new String(type.value(), StandardCharsets.UTF_8);
          types.merge(name, 1, Integer::sum);
          if (name.equals("ServiceEnrolled") && record.key() != null) {
            enrolled.add(new String(record.key(), StandardCharsets.UTF_8));
          }
        }
      }
      if (!reached(consumer, end)) {
        failures.add("could not read " + ENROLLMENT_TOPIC + " to its end in 60 s");
      }
    } catch (RuntimeException e) {
      failures.add("cannot read " + ENROLLMENT_TOPIC + ": " + e);
    }
  }

  private static boolean reached(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  /** Waits until coaching-service answers a plan for every enrolment (consumers are async). */
  private void plansFor(Set<String> enrollmentIds) {
    String coaching = recorded.getProperty("service.coaching-service.url");
    if (coaching == null) {
      failures.add("coaching-service is not running");
      return;
    }
    Set<String> missing = new LinkedHashSet<>(enrollmentIds);
    long deadline = System.nanoTime() + PLANS_TIMEOUT.toNanos();
    while (!missing.isEmpty() && System.nanoTime() < deadline) {
      // A plan counts once it has sessions: an empty plan is a demo coached outside its window.
      missing.removeIf(
          id ->
              body(coaching + "/api/enrollments/" + id + "/plan").path("scheduledSessions").asInt(0)
                  > 0);
      if (!missing.isEmpty()) {
        Platform.sleep(Duration.ofSeconds(2));
      }
    }
    System.out.printf(
        "check: coaching-service has plans with sessions for %d of %d enrolments%n",
        enrollmentIds.size() - missing.size(), enrollmentIds.size());
    if (!missing.isEmpty()) {
      failures.add(
          "coaching-service has no plan with sessions for "
              + missing.size()
              + " enrolment(s) after "
              + PLANS_TIMEOUT.toSeconds()
              + " s, e.g. "
              + missing.iterator().next());
    }
  }

  /**
   * evaluation-service learnt the demo from Kafka (engagement with planned sessions) and took its
   * returns: the phase report of the first phase with sessions charts a year of restrictive
   * interventions.
   */
  private void evaluationHasTheDemo() {
    String evaluation = recorded.getProperty("service.evaluation-service.url");
    if (evaluation == null) {
      failures.add("evaluation-service is not running");
      return;
    }
    long deadline = System.nanoTime() + PLANS_TIMEOUT.toNanos();
    long planned = 0;
    int months = 0;
    while (System.nanoTime() < deadline) {
      planned = 0;
      months = 0;
      for (JsonNode phase : body(evaluation + "/api/engagement/phases")) {
        long sessions = phase.path("engagement").path("sessionsPlanned").asLong(0);
        planned += sessions;
        if (sessions > 0) {
          JsonNode report =
              body(evaluation + "/api/reports/phases/" + phase.path("phaseId").asString(""));
          for (JsonNode measure : report.path("measures")) {
            if ("RESTRICTIVE_INTERVENTIONS".equals(measure.path("code").asString(""))) {
              months = Math.max(months, measure.path("months").size());
            }
          }
        }
      }
      if (planned > 0 && months >= 12) {
        break;
      }
      Platform.sleep(Duration.ofSeconds(2));
    }
    System.out.printf(
        "check: evaluation-service counts %d planned sessions; a phase report charts %d months of"
            + " restrictive interventions%n",
        planned, months);
    if (planned == 0) {
      failures.add("evaluation-service counts no planned coaching session");
    } else if (months < 12) {
      failures.add("no phase report charts a year of demo returns (" + months + " months)");
    }
  }

  /** The JSON body of a GET, or a missing node when it fails or is not JSON. */
  /**
   * notification-service sent the demo's enrolment decisions and invitations to the demo contacts:
   * the local mail server (GreenMail, a mailbox per address that received mail) holds their mail.
   */
  private void theDemosMessagesAreInTheMailServer() {
    String mailPort = recorded.getProperty("mail.port");
    if (mailPort == null) {
      failures.add("the mail server is not running (local-platform not packaged?)");
      return;
    }
    long deadline = System.nanoTime() + PLANS_TIMEOUT.toNanos();
    int mailboxes = 0;
    while (System.nanoTime() < deadline) {
      mailboxes = 0;
      for (JsonNode user : body("http://127.0.0.1:" + mailPort + "/api/user")) {
        if (user.path("email").asString("").startsWith("qi.lead.")) {
          mailboxes++;
        }
      }
      if (mailboxes > 0) {
        break;
      }
      Platform.sleep(Duration.ofSeconds(2));
    }
    System.out.printf("check: the mail server holds mail for %d demo QI leads%n", mailboxes);
    if (mailboxes == 0) {
      failures.add("no demo QI lead received mail from notification-service");
    }
  }

  private JsonNode body(String url) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url))
              .header("Accept", "application/json")
              .timeout(Duration.ofSeconds(10));
      String token = platformToken.get();
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return answer.statusCode() == 200 ? json.readTree(answer.body()) : json.missingNode();
    } catch (IOException | RuntimeException e) {
      return json.missingNode();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return json.missingNode();
    }
  }

  /** After stop: no recorded process runs, no port the platform used still listens. */
  private void nothingLeft() {
    if (new PlatformState(settings).supervisor().isPresent()) {
      failures.add("the supervisor still runs");
    }
    Map<String, String> ports = new TreeMap<>();
    recorded.stringPropertyNames().stream()
        .filter(k -> k.endsWith(".port") || k.endsWith("controllerPort"))
        .filter(k -> !k.startsWith("postgres.") || "EMBEDDED".equals(recorded.get("postgres.kind")))
        .forEach(k -> ports.put(k, recorded.getProperty(k)));
    if (ports.isEmpty()) {
      failures.add("no recorded ports to check (.run/state/platform.properties is missing)");
    }
    ports.forEach(
        (what, port) -> {
          boolean open = FreePorts.isListening(Integer.parseInt(port));
          System.out.println("check: " + what + " " + port + (open ? " still OPEN" : " closed"));
          if (open) {
            failures.add(what + " " + port + " is still open");
          }
        });
    recorded.stringPropertyNames().stream()
        .filter(k -> k.endsWith(".pid"))
        .forEach(
            k ->
                ProcessHandle.of(Long.parseLong(recorded.getProperty(k)))
                    .filter(ProcessHandle::isAlive)
                    .filter(
                        p ->
                            PlatformState.commandLine(p)
                                .map(c -> c.contains("org.mhaqi.local") || c.contains(".jar"))
                                .orElse(false))
                    .ifPresent(p -> failures.add(k + " " + p.pid() + " still runs")));
  }
}
