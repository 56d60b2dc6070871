package org.mhaqi.console.changeidea;

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
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The change idea and time commitment pages against stand-ins for evaluation-service and
 * enrollment-service on one local port: what they answer is shown, what the trust sends reaches
 * them as the APIs' bodies.
 */
@SpringBootTest(
    properties = {
      "mhaqi.console.services.coaching=http://127.0.0.1:9",
      "mhaqi.console.auth-server-url=http://auth.test",
      "spring.security.oauth2.client.provider.platform.authorization-uri=http://auth.test/oauth2/authorize",
      "spring.security.oauth2.client.provider.platform.token-uri=http://auth.test/oauth2/token",
      "spring.security.oauth2.client.provider.platform.jwk-set-uri=http://auth.test/oauth2/jwks"
    })
@AutoConfigureMockMvc
class EvaluationPagesTest {

  static final UUID SERVICE = UUID.randomUUID();
  static final UUID IDEA = UUID.randomUUID();
  static final Map<String, String[]> ANSWERS = new ConcurrentHashMap<>();
  static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
  static final HttpServer SERVICES = start();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    String url = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
    registry.add("mhaqi.console.services.enrollment", () -> url);
    registry.add("mhaqi.console.services.evaluation", () -> url);
  }

  @Autowired MockMvc mvc;
  @Autowired ClientRegistrationRepository registrations;

  @BeforeEach
  void answers() {
    ANSWERS.clear();
    RECEIVED.clear();
    String idea =
        "{\"id\":\""
            + IDEA
            + "\",\"serviceId\":\""
            + SERVICE
            + "\",\"title\":\"Safety huddles\","
            + "\"description\":\"A daily huddle\",\"coProduced\":true,"
            + "\"measureCodes\":[\"ASSAULTS_ON_STAFF\"],\"status\":\"TESTING\",\"cycles\":["
            + "{\"number\":1,\"plan\":\"Try mornings\",\"startedOn\":\"2026-11-02\",\"done\":\"Did\","
            + "\"study\":\"Fewer assaults\",\"act\":\"ADAPT\",\"completedOn\":\"2026-11-20\"},"
            + "{\"number\":2,\"plan\":\"Try evenings\",\"startedOn\":\"2026-11-23\"}]}";
    answer(
        "GET /api/services/" + SERVICE, 200, "{\"id\":\"" + SERVICE + "\",\"name\":\"Oak ward\"}");
    answer("GET /api/change-ideas", 200, "[" + idea + "]");
    answer("GET /api/change-ideas/" + IDEA, 200, idea);
    answer(
        "GET /api/measures",
        200,
        "[{\"code\":\"ASSAULTS_ON_STAFF\",\"name\":\"Assaults on staff\"},"
            + "{\"code\":\"DETENTIONS\",\"name\":\"Detentions\"}]");
    answer(
        "GET /api/services/" + SERVICE + "/time-commitment",
        200,
        "{\"weeksReturned\":1,\"averageHoursPerMemberPerWeek\":1.5,\"expectedHoursPerWeek\":2.0,"
            + "\"flag\":\"AS_EXPECTED\",\"weeks\":[{\"weekStarting\":\"2026-11-30\",\"teamMembers\":4,"
            + "\"qiHours\":4,\"coachingHours\":2,\"totalHours\":6}]}");
  }

  @AfterAll
  static void stop() {
    SERVICES.stop(0);
  }

  @Test
  void theIdeasAndTheirCyclesAreShownWithTheRunningCycleToStudy() throws Exception {
    mvc.perform(get("/services/" + SERVICE + "/change-ideas").with(trust()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Oak ward")))
        .andExpect(content().string(Matchers.containsString("Safety huddles")))
        .andExpect(content().string(Matchers.containsString("Co-produced")))
        .andExpect(content().string(Matchers.containsString("Assaults on staff")));
    mvc.perform(get("/change-ideas/" + IDEA).with(trust()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Cycle 2")))
        .andExpect(content().string(Matchers.containsString("Adapt: change it")))
        .andExpect(content().string(Matchers.containsString("Record the outcome of cycle 2")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("Plan the next cycle"))));
  }

  @Test
  void aProposedIdeaOffersItsFirstCycleAndARefusedFormComesBackWithItsErrors() throws Exception {
    UUID proposed = UUID.randomUUID();
    answer(
        "GET /api/change-ideas/" + proposed,
        200,
        "{\"id\":\""
            + proposed
            + "\",\"serviceId\":\""
            + SERVICE
            + "\",\"title\":\"Huddles\","
            + "\"description\":\"Daily\",\"coProduced\":false,\"status\":\"PROPOSED\"}");
    org.springframework.mock.web.MockHttpSession session =
        new org.springframework.mock.web.MockHttpSession();

    mvc.perform(
            post("/change-ideas/" + proposed + "/cycles")
                .session(session)
                .with(trust())
                .with(csrf())
                .param("plan", "Mornings first"))
        .andExpect(redirectedUrl("/change-ideas/" + proposed + "#cycles"));
    mvc.perform(get("/change-ideas/" + proposed).session(session).with(trust()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Plan the next cycle")))
        .andExpect(content().string(Matchers.containsString("href=\"#started-on\"")))
        .andExpect(content().string(Matchers.containsString("Mornings first")));
    mvc.perform(
            post("/services/" + SERVICE + "/change-ideas")
                .session(session)
                .with(trust())
                .with(csrf())
                .param("title", "No measure"))
        .andExpect(redirectedUrl("/services/" + SERVICE + "/change-ideas"));
    mvc.perform(get("/services/" + SERVICE + "/change-ideas").session(session).with(trust()))
        .andExpect(content().string(Matchers.containsString("Select at least one measure")))
        .andExpect(content().string(Matchers.containsString("value=\"No measure\"")));
  }

  @Test
  void aNewIdeaReachesEvaluationWithEveryChosenMeasure() throws Exception {
    UUID created = UUID.randomUUID();
    answer(
        "POST /api/services/" + SERVICE + "/change-ideas",
        201,
        "{\"id\":\""
            + created
            + "\",\"serviceId\":\""
            + SERVICE
            + "\",\"title\":\"x\","
            + "\"status\":\"PROPOSED\",\"coProduced\":false}");

    mvc.perform(
            post("/services/" + SERVICE + "/change-ideas")
                .with(trust())
                .with(csrf())
                .param("title", "Ward rounds")
                .param("description", "Earlier rounds")
                .param("co-produced", "no")
                .param("measures", "ASSAULTS_ON_STAFF", "DETENTIONS"))
        .andExpect(redirectedUrl("/change-ideas/" + created));
    assertThat(RECEIVED)
        .anySatisfy(
            r ->
                assertThat(r)
                    .contains("\"measureCodes\":[\"ASSAULTS_ON_STAFF\",\"DETENTIONS\"]")
                    .contains("\"coProduced\":false"));
  }

  @Test
  void anOutcomeReachesTheRunningCycle() throws Exception {
    answer("POST /api/change-ideas/" + IDEA + "/cycles/2/outcome", 200, "{}");

    mvc.perform(
            post("/change-ideas/" + IDEA + "/cycles/2/outcome")
                .with(trust())
                .with(csrf())
                .param("done", "Evenings")
                .param("study", "No change")
                .param("act", "ABANDON")
                .param("completed-on", "2026-12-04"))
        .andExpect(redirectedUrl("/change-ideas/" + IDEA + "#cycles"));
    assertThat(RECEIVED)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith("POST /api/change-ideas/" + IDEA + "/cycles/2/outcome")
                    .contains("\"act\":\"ABANDON\""));
  }

  @Test
  void theWeeklyTimeCommitmentShowsTheVerdictAndTakesAWeek() throws Exception {
    answer("POST /api/services/" + SERVICE + "/time-commitment", 201, "{}");

    mvc.perform(get("/services/" + SERVICE + "/time-commitment").with(trust()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("On average 1.5 hours a week")))
        .andExpect(content().string(Matchers.containsString("Week starting 30 November 2026")));
    mvc.perform(
            post("/services/" + SERVICE + "/time-commitment")
                .with(trust())
                .with(csrf())
                .param("week", "2026-11-30")
                .param("members", "4")
                .param("qi-hours", "4")
                .param("coaching-hours", "2"))
        .andExpect(redirectedUrl("/services/" + SERVICE + "/time-commitment"));
    assertThat(RECEIVED)
        .anySatisfy(
            r -> assertThat(r).contains("\"weekStarting\":\"2026-11-30\"", "\"teamMembers\":4"));
  }

  @Test
  void theChartsAreEvaluationsOwnSvgServedFromTheConsoleBesideTheVerdicts() throws Exception {
    UUID phase = UUID.randomUUID();
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><title>Detentions</title></svg>";
    answer(
        "GET /api/reports/phases/" + phase + "/services/" + SERVICE + "/summary",
        200,
        "[{\"code\":\"DETENTIONS\",\"name\":\"Detentions\",\"latestMonth\":\"2026-11\","
            + "\"latestValue\":4,\"latestWithheld\":false,\"variationIcon\":\"common-cause\"}]");
    answer(
        "GET /reports/phases/" + phase + "/services/" + SERVICE + "/measures/DETENTIONS/chart.svg",
        200,
        svg);

    mvc.perform(get("/services/" + SERVICE + "/phases/" + phase + "/charts").with(trust()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("November 2026: 4")))
        .andExpect(content().string(Matchers.containsString("Common cause variation")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "src=\"/services/"
                            + SERVICE
                            + "/phases/"
                            + phase
                            + "/measures/DETENTIONS/chart.svg\"")));
    mvc.perform(
            get("/services/" + SERVICE + "/phases/" + phase + "/measures/DETENTIONS/chart.svg")
                .with(trust()))
        .andExpect(status().isOk())
        .andExpect(content().contentType("image/svg+xml"))
        .andExpect(content().string(svg));
    mvc.perform(
            get("/services/" + SERVICE + "/phases/" + phase + "/measures/NOTHING/chart.svg")
                .with(trust()))
        .andExpect(status().isNotFound());
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
      server.createContext("/", EvaluationPagesTest::handle);
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
