package org.mhaqi.console.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Login;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.signin.ConsoleUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The trust's enrolment pages against stand-ins for enrollment-service and coaching-service on one
 * local port (their paths do not overlap): the team, the commitment and the plan from their
 * answers, and what the trust sends reaching them as the APIs' bodies.
 */
@SpringBootTest(
    properties = {
      "mhaqi.console.services.evaluation=http://127.0.0.1:9",
      "mhaqi.console.auth-server-url=http://auth.test",
      "spring.security.oauth2.client.provider.platform.authorization-uri=http://auth.test/oauth2/authorize",
      "spring.security.oauth2.client.provider.platform.token-uri=http://auth.test/oauth2/token",
      "spring.security.oauth2.client.provider.platform.jwk-set-uri=http://auth.test/oauth2/jwks"
    })
@AutoConfigureMockMvc
class TeamPagesTest {

  static final UUID ENROLLMENT = UUID.randomUUID();
  static final UUID SERVICE = UUID.randomUUID();
  static final UUID PHASE = UUID.randomUUID();
  static final UUID SPONSOR = UUID.randomUUID();
  static final Map<String, String[]> ANSWERS = new ConcurrentHashMap<>();
  static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  static final HttpServer SERVICES = start();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    String url = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
    registry.add("mhaqi.console.services.enrollment", () -> url);
    registry.add("mhaqi.console.services.coaching", () -> url);
  }

  @Autowired MockMvc mvc;
  @Autowired ClientRegistrationRepository registrations;

  @BeforeEach
  void answers() {
    ANSWERS.clear();
    RECEIVED.clear();
    answer(
        "GET /api/enrollments/" + ENROLLMENT,
        200,
        "{\"id\":\""
            + ENROLLMENT
            + "\",\"serviceId\":\""
            + SERVICE
            + "\",\"phaseId\":\""
            + PHASE
            + "\",\"status\":\"ENROLLED\",\"executiveCommitment\":{\"sponsorMemberId\":\""
            + SPONSOR
            + "\",\"organisationInvolvement\":true,\"teamChangeIdeas\":true,"
            + "\"proportionateDataCollection\":true}}");
    answer(
        "GET /api/enrollments/" + ENROLLMENT + "/team-members",
        200,
        "{\"content\":[{\"id\":\""
            + SPONSOR
            + "\",\"role\":\"EXECUTIVE_SPONSOR\","
            + "\"name\":\"Ada Sponsor\",\"email\":\"ada@nhs.net\"},"
            + "{\"id\":\""
            + UUID.randomUUID()
            + "\",\"role\":\"LIVED_EXPERIENCE_PARTNER\","
            + "\"name\":\"Sam Partner\",\"email\":\"sam@nhs.net\"}]}");
    answer(
        "GET /api/services/" + SERVICE, 200, "{\"id\":\"" + SERVICE + "\",\"name\":\"Oak ward\"}");
    answer(
        "GET /api/programmes",
        200,
        "{\"content\":[{\"id\":\""
            + UUID.randomUUID()
            + "\",\"name\":\"MHA QI\",\"phases\":[{\"id\":\""
            + PHASE
            + "\",\"name\":\"Wider implementation\",\"startsOn\":\"2027-04-01\"}]}]}");
    LocalDate soon = LocalDate.now().plusDays(3);
    answer(
        "GET /api/enrollments/" + ENROLLMENT + "/plan",
        200,
        "{\"id\":\""
            + UUID.randomUUID()
            + "\",\"windowStartsOn\":\"2026-10-01\","
            + "\"windowEndsOn\":\"2027-03-31\",\"coachedFrom\":\"2026-10-01\","
            + "\"scheduledSessions\":1,\"completedSessions\":0,\"cancelledSessions\":0,"
            + "\"bookedTeamHoursPerWeek\":1.25,\"expectedTeamHoursPerWeek\":2.0,\"sessions\":[{\"id\":\""
            + UUID.randomUUID()
            + "\",\"level\":\"EXECUTIVE\",\"kind\":\"COACHING_SESSION\","
            + "\"startsAt\":\""
            + soon
            + "T10:00:00\",\"status\":\"SCHEDULED\",\"staffed\":true}]}");
  }

  @AfterAll
  static void stop() {
    SERVICES.stop(0);
  }

  @Test
  void theEnrolmentShowsTheTeamTheCommitmentAndThePlanWithItsWeeklyTime() throws Exception {
    mvc.perform(get("/enrollments/" + ENROLLMENT).with(trust()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Oak ward")))
        .andExpect(content().string(Matchers.containsString("MHA QI: Wider implementation")))
        .andExpect(content().string(Matchers.containsString("Sam Partner")))
        .andExpect(content().string(Matchers.containsString("Lived experience</strong>")))
        .andExpect(
            content().string(Matchers.containsString("id=\"commitment-sponsor\">Ada Sponsor<")))
        .andExpect(
            content()
                .string(Matchers.containsString("1.3 hours a week of coaching booked on average")))
        .andExpect(content().string(Matchers.containsString("Coach assigned")));
  }

  @Test
  void beforeTheCommitmentTheSponsorsAreOfferedWithTheThreeBackings() throws Exception {
    answer(
        "GET /api/enrollments/" + ENROLLMENT,
        200,
        "{\"id\":\""
            + ENROLLMENT
            + "\",\"serviceId\":\""
            + SERVICE
            + "\",\"phaseId\":\""
            + PHASE
            + "\",\"status\":\"INTERESTED\"}");

    mvc.perform(get("/enrollments/" + ENROLLMENT).with(trust()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Interest expressed")))
        .andExpect(content().string(Matchers.containsString("value=\"" + SPONSOR + "\"")))
        .andExpect(
            content()
                .string(
                    Matchers.stringContainsInOrder(
                        "The organisation&#39;s involvement in the programme",
                        "The team&#39;s change ideas",
                        "Proportionate data collection")))
        .andExpect(content().string(Matchers.containsString("made when the service is enrolled")))
        .andExpect(content().string(Matchers.containsString("id=\"role\"")));
    assertThat(RECEIVED).noneMatch(r -> r.contains("/plan"));
  }

  @Test
  void aPlanThatCannotBeReadIsNamedWhileTheTeamStays() throws Exception {
    answer("GET /api/enrollments/" + ENROLLMENT + "/plan", 503, "{}");

    mvc.perform(get("/enrollments/" + ENROLLMENT).with(trust()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "The coaching plan is unavailable just now: the coaching service")))
        .andExpect(content().string(Matchers.containsString("Sam Partner")));
  }

  @Test
  void aNewMemberReachesEnrollmentAndARefusalComesBackAgainstItsField() throws Exception {
    answer(
        "POST /api/enrollments/" + ENROLLMENT + "/team-members",
        400,
        "{\"status\":400,\"errors\":[{\"field\":\"email\",\"message\":\"must be a well-formed email"
            + " address\"}]}");
    MockHttpSession session = new MockHttpSession();

    mvc.perform(
            post("/enrollments/" + ENROLLMENT + "/team-members")
                .session(session)
                .with(trust())
                .with(csrf())
                .param("role", "LIVED_EXPERIENCE_PARTNER")
                .param("name", "Kim Partner")
                .param("email", "kim@nhs.net"))
        .andExpect(redirectedUrl("/enrollments/" + ENROLLMENT + "#team"));

    assertThat(RECEIVED)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith("POST /api/enrollments/" + ENROLLMENT + "/team-members")
                    .contains("\"role\":\"LIVED_EXPERIENCE_PARTNER\"", "\"name\":\"Kim Partner\""));
    mvc.perform(get("/enrollments/" + ENROLLMENT).session(session).with(trust()))
        .andExpect(
            content()
                .string(
                    Matchers.containsString("E-mail address must be a well-formed email address")))
        .andExpect(content().string(Matchers.containsString("value=\"Kim Partner\"")));
  }

  @Test
  void expressingInterestSendsTheServiceAndPhaseAndOpensTheNewEnrolment() throws Exception {
    UUID created = UUID.randomUUID();
    answer(
        "POST /api/enrollments",
        201,
        "{\"id\":\"" + created + "\",\"serviceId\":\"" + SERVICE + "\",\"status\":\"INTERESTED\"}");

    mvc.perform(
            post("/enrollments/interest")
                .with(trust())
                .with(csrf())
                .param("service", SERVICE.toString())
                .param("phase", PHASE.toString()))
        .andExpect(redirectedUrl("/enrollments/" + created));

    assertThat(RECEIVED)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith("POST /api/enrollments ")
                    .contains(
                        "\"serviceId\":\"" + SERVICE + "\"", "\"phaseId\":\"" + PHASE + "\""));
  }

  @Test
  void theCommitmentIsSentOnlyWithAllThreeBackings() throws Exception {
    mvc.perform(
            post("/enrollments/" + ENROLLMENT + "/executive-commitment")
                .with(trust())
                .with(csrf())
                .param("sponsor", SPONSOR.toString())
                .param("organisationInvolvement", "yes"))
        .andExpect(redirectedUrl("/enrollments/" + ENROLLMENT + "#commitment"));

    assertThat(RECEIVED).noneMatch(r -> r.startsWith("PUT"));
  }

  private RequestPostProcessor trust() {
    return oauth2Login()
        .clientRegistration(registrations.findByRegistrationId("programme-console"))
        .oauth2User(new ConsoleUser("trust", List.of("TRUST_MEMBER"), "RX4", null));
  }

  static void answer(String request, int status, String body) {
    ANSWERS.put(request, new String[] {String.valueOf(status), body});
  }

  private static HttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", TeamPagesTest::handle);
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    RECEIVED.add(method + " " + path + (query == null ? "" : "?" + query) + " " + body);
    String[] answer = ANSWERS.getOrDefault(method + " " + path, new String[] {"404", "{}"});
    byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add(
            "Content-Type",
            answer[0].startsWith("2") ? "application/json" : "application/problem+json");
    exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
