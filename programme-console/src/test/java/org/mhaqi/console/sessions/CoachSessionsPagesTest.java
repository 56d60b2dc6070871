package org.mhaqi.console.sessions;

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
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
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
 * The coach's pages against a stand-in coaching-service on a local port: what it answers is shown
 * in the programme's words, what the coach sends reaches it as the API's body, and its refusals
 * come back as the form's errors.
 */
@SpringBootTest(
    properties = {
      "mhaqi.console.services.enrollment=http://127.0.0.1:9",
      "mhaqi.console.services.evaluation=http://127.0.0.1:9",
      "mhaqi.console.services.coaching-public=https://coaching.example.nhs.uk",
      "mhaqi.console.auth-server-url=http://auth.test",
      "spring.security.oauth2.client.provider.platform.authorization-uri=http://auth.test/oauth2/authorize",
      "spring.security.oauth2.client.provider.platform.token-uri=http://auth.test/oauth2/token",
      "spring.security.oauth2.client.provider.platform.jwk-set-uri=http://auth.test/oauth2/jwks"
    })
@AutoConfigureMockMvc
class CoachSessionsPagesTest {

  static final UUID COACH = UUID.randomUUID();
  static final UUID SESSION = UUID.randomUUID();
  static final LocalDate MONDAY =
      LocalDate.now(ZoneId.of("Europe/London"))
          .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));

  /** What the stand-in answers, by method and path; and what it was sent. */
  static final Map<String, String[]> ANSWERS = new ConcurrentHashMap<>();

  static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  static final HttpServer COACHING = start();

  @DynamicPropertySource
  static void coaching(DynamicPropertyRegistry registry) {
    registry.add(
        "mhaqi.console.services.coaching",
        () -> "http://127.0.0.1:" + COACHING.getAddress().getPort());
  }

  @Autowired MockMvc mvc;
  @Autowired ClientRegistrationRepository registrations;

  @BeforeEach
  void answers() {
    ANSWERS.clear();
    RECEIVED.clear();
    answer("GET /api/coaches/mine", 200, "[" + coachJson() + "]");
    answer(
        "GET /api/coaches/" + COACH + "/sessions",
        200,
        "{\"content\":["
            + sessionJson(SESSION, MONDAY.plusDays(1) + "T10:00:00", "SCHEDULED")
            + ","
            + sessionJson(UUID.randomUUID(), MONDAY.plusDays(8) + "T14:00:00", "COMPLETED")
            + "]}");
    answer(
        "GET /api/sessions/" + SESSION,
        200,
        sessionJson(SESSION, MONDAY.plusDays(1) + "T10:00:00", "SCHEDULED"));
  }

  @AfterAll
  static void stop() {
    COACHING.stop(0);
  }

  @Test
  void theCoachSeesThisWeeksAndNextWeeksSessions() throws Exception {
    mvc.perform(get("/sessions").with(coach()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Demo coach A")))
        .andExpect(content().string(Matchers.containsString("This week")))
        .andExpect(content().string(Matchers.containsString("Record, move or cancel")))
        .andExpect(content().string(Matchers.containsString(">Completed<")))
        .andExpect(content().string(Matchers.containsString("Coaching session, executive")));
    assertThat(RECEIVED)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith(
                        "GET /api/coaches/" + COACH + "/sessions?from=" + MONDAY.minusWeeks(4))
                    .contains("to=" + MONDAY.plusWeeks(2).minusDays(1)));
  }

  @Test
  void aSignInThatIsNoCoachOnTheRosterIsToldWhom() throws Exception {
    answer("GET /api/coaches/mine", 200, "[]");

    mvc.perform(get("/sessions").with(coach()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("not linked to a coach")));
  }

  @Test
  void aCompletionReachesCoachingAsItsBodyAndThePageSaysSo() throws Exception {
    answer("POST /api/sessions/" + SESSION + "/completion", 200, "{}");

    mvc.perform(
            post("/sessions/" + SESSION + "/completion")
                .with(coach())
                .with(csrf())
                .param("minutes", "60")
                .param("attendance-FRONTLINE_STAFF", "4")
                .param("attendance-LIVED_EXPERIENCE_PARTNER", "1")
                .param("lep", "yes"))
        .andExpect(redirectedUrl("/sessions/" + SESSION));

    assertThat(RECEIVED)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith("POST /api/sessions/" + SESSION + "/completion ")
                    .contains("\"minutesDelivered\":60")
                    .contains("\"FRONTLINE_STAFF\":4")
                    .contains("\"livedExperiencePartnerTookPart\":true"));
  }

  @Test
  void anIncompleteFormIsNotSentAndComesBackWithWhatWasTyped() throws Exception {
    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            post("/sessions/" + SESSION + "/completion")
                .session(session)
                .with(coach())
                .with(csrf())
                .param("attendance-FRONTLINE_STAFF", "4"))
        .andExpect(redirectedUrl("/sessions/" + SESSION + "#completion"));

    mvc.perform(get("/sessions/" + SESSION).session(session).with(coach()))
        .andExpect(content().string(Matchers.containsString("There is a problem")))
        .andExpect(content().string(Matchers.containsString("href=\"#minutes\"")))
        .andExpect(content().string(Matchers.containsString("Enter the minutes delivered")))
        .andExpect(content().string(Matchers.containsString("value=\"4\"")));
    assertThat(RECEIVED).noneMatch(r -> r.startsWith("POST"));
  }

  @Test
  void coachingsRefusalIsShownAgainstTheFieldInPlainEnglish() throws Exception {
    answer(
        "POST /api/sessions/" + SESSION + "/reschedule",
        409,
        "{\"title\":\"Conflict\",\"status\":409,\"errors\":[{\"field\":\"startsAt\","
            + "\"message\":\"falls on a bank holiday\"}]}");
    MockHttpSession session = new MockHttpSession();

    mvc.perform(
            post("/sessions/" + SESSION + "/reschedule")
                .session(session)
                .with(coach())
                .with(csrf())
                .param("date", MONDAY.plusDays(2).toString())
                .param("time", "11:00")
                .param("reschedule-reason", "SERVICE_REQUEST"))
        .andExpect(redirectedUrl("/sessions/" + SESSION + "#reschedule"));

    mvc.perform(get("/sessions/" + SESSION).session(session).with(coach()))
        .andExpect(content().string(Matchers.containsString("New time falls on a bank holiday")))
        .andExpect(content().string(Matchers.containsString("href=\"#date\"")))
        .andExpect(content().string(Matchers.containsString("value=\"11:00\"")))
        .andExpect(content().string(Matchers.containsString("Move the session")));
    assertThat(RECEIVED)
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains("\"startsAt\":\"" + MONDAY.plusDays(2) + "T11:00\"")
                    .contains("\"reasonCode\":\"SERVICE_REQUEST\""));
  }

  @Test
  void theCalendarLinkIsShownOnceAtTheAddressCalendarsReach() throws Exception {
    answer(
        "POST /api/calendar-subscriptions",
        201,
        "{\"id\":\"" + UUID.randomUUID() + "\",\"url\":\"/calendars/s3cr3t.ics\"}");

    mvc.perform(post("/sessions/calendar-link").with(coach()).with(csrf()))
        .andExpect(redirectedUrl("/sessions#calendar"))
        .andExpect(
            result ->
                assertThat(result.getFlashMap().get("calendarLink"))
                    .isEqualTo("https://coaching.example.nhs.uk/calendars/s3cr3t.ics"));
    assertThat(RECEIVED).anySatisfy(r -> assertThat(r).contains("\"coachId\":\"" + COACH + "\""));
  }

  @Test
  void daysAwayAreListedAndRecordedForTheCoachsOwnRecord() throws Exception {
    answer("POST /api/coaches/" + COACH + "/days-away", 200, coachJson());

    mvc.perform(get("/days-away").with(coach()))
        .andExpect(content().string(Matchers.containsString("Monday 4 January 2027")))
        .andExpect(content().string(Matchers.containsString("Training")));
    mvc.perform(
            post("/days-away")
                .with(coach())
                .with(csrf())
                .param("from", "2027-01-11")
                .param("to", "2027-01-12"))
        .andExpect(redirectedUrl("/days-away"));
    assertThat(RECEIVED)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith("POST /api/coaches/" + COACH + "/days-away")
                    .contains("\"from\":\"2027-01-11\""));
  }

  @Test
  void aCoachingServiceInTroubleIsNamedAndTheRestOfThePageStays() throws Exception {
    answer("GET /api/coaches/" + COACH + "/sessions", 503, "{}");

    mvc.perform(get("/sessions").with(coach()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "Your sessions is unavailable just now: the coaching service is not"
                            + " working")))
        .andExpect(content().string(Matchers.containsString("Get a calendar link")));
  }

  private RequestPostProcessor coach() {
    return oauth2Login()
        .clientRegistration(registrations.findByRegistrationId("programme-console"))
        .oauth2User(
            new ConsoleUser("coach", List.of("COACH"), null, "demo.coach.a@example.nhs.uk"));
  }

  static void answer(String request, int status, String body) {
    ANSWERS.put(request, new String[] {String.valueOf(status), body});
  }

  static String coachJson() {
    return "{\"id\":\""
        + COACH
        + "\",\"name\":\"Demo coach A\",\"daysAway\":[{\"day\":\"2027-01-04\",\"reason\":\"Training\"}]}";
  }

  static String sessionJson(UUID id, String startsAt, String status) {
    String ends = startsAt.replace("T10:", "T11:").replace("T14:", "T15:");
    return "{\"id\":\""
        + id
        + "\",\"serviceId\":\""
        + UUID.randomUUID()
        + "\",\"level\":\"EXECUTIVE\",\"kind\":\"COACHING_SESSION\",\"startsAt\":\""
        + startsAt
        + "\",\"endsAt\":\""
        + ends
        + "\",\"durationMinutes\":60,\"originalStartsAt\":\""
        + startsAt
        + "\",\"coachId\":\""
        + COACH
        + "\",\"staffed\":true,\"status\":\""
        + status
        + "\"}";
  }

  private static HttpServer start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext("/", CoachSessionsPagesTest::handle);
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
