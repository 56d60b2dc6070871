package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mhaqi.local.ClientCredentials;
import org.mhaqi.local.FreePorts;
import org.mhaqi.local.JavaProcess;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.ServiceProcesses;
import org.mhaqi.testing.TestKafka;
import org.mhaqi.testing.browser.Accessibility;
import org.mhaqi.testing.browser.HeadlessChromium;

/**
 * The trust's enrolment journey in a browser against the real processes (authorization server,
 * enrollment-service and coaching-service over Kafka and PostgreSQL, the console): the demo trust
 * member expresses a service's interest in a phase, builds its project team with a lived experience
 * partner (a mistyped address refused against its field first), confirms the executive commitment
 * with its sponsor and three backings; once the central team admits the service, the trust sees its
 * coaching plan with the weekly time commitment and takes the service's calendar link. Every page
 * passes axe-core's WCAG 2.2 AA rules.
 */
class TrustTeamJourneyIT {

  private static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));
  private static final Path LOGS = Path.of("target", "e2e-logs");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String SERVICE_NAME = "Team journey ward";
  private static final String PROGRAMME = "Team journey programme";

  private static JavaProcess authServer;
  private static ServiceProcesses services;
  private static JavaProcess console;
  private static HeadlessChromium chromium;
  private static String consoleUrl;
  private static Api enrollments;
  private static Api coaching;
  private static Api evaluation;

  @BeforeAll
  static void startThePlatformWithAServiceOfRx4() {
    int authPort = FreePorts.next();
    int consolePort = FreePorts.next();
    String authUrl = "http://127.0.0.1:" + authPort;
    consoleUrl = "http://127.0.0.1:" + consolePort;
    authServer =
        fromJar(
                "authorization-server",
                authPort,
                "-Xmx128m",
                Map.of(
                    "AUTH_ISSUER",
                    authUrl,
                    "PROGRAMME_CONSOLE_REDIRECT_URIS",
                    consoleUrl + "/login/oauth2/code/programme-console"))
            .start()
            .awaitReady();
    services =
        ServiceProcesses.start(
            TestKafka.bootstrapServers(),
            name -> Map.of("AUTH_SERVER_URL", authUrl),
            "enrollment-service",
            "coaching-service",
            "evaluation-service");
    console =
        fromJar(
                "programme-console",
                consolePort,
                "-Xmx192m",
                Map.of(
                    "AUTH_SERVER_URL",
                    authUrl,
                    "ENROLLMENT_SERVICE_URL",
                    serviceUrl("enrollment-service"),
                    "COACHING_SERVICE_URL",
                    serviceUrl("coaching-service"),
                    "EVALUATION_SERVICE_URL",
                    serviceUrl("evaluation-service"),
                    "PROGRAMME_CONSOLE_SECURE_COOKIE",
                    "false"))
            .start();
    String admin = new ClientCredentials(authUrl, "demo-admin", "demo-admin-secret").get();
    enrollments = new Api(services.get("enrollment-service").port()).as(admin);
    coaching = new Api(services.get("coaching-service").port()).as(admin);
    evaluation = new Api(services.get("evaluation-service").port()).as(admin);
    LocalDate today = LocalDate.now(LONDON);
    EnrollmentSteps.widerPhase(
        enrollments,
        PROGRAMME,
        today.minusWeeks(2),
        today.plusMonths(8),
        10,
        today.plusWeeks(1),
        today.plusMonths(7));
    String organisation = EnrollmentSteps.cumbriaNorthumberlandTyneAndWear(enrollments);
    enrollments
        .post(
            "/api/organisations/" + organisation + "/services",
            "{\"name\":\"%s\",\"serviceType\":\"ADULT_ACUTE\"}".formatted(SERVICE_NAME))
        .expect(201);
    console.awaitReady();
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void stopEverything() {
    if (chromium != null) {
      chromium.close();
    }
    if (console != null) {
      console.close();
    }
    if (services != null) {
      services.close();
    }
    if (authServer != null) {
      authServer.close();
    }
  }

  @Test
  void aTrustBuildsItsTeamCommitsAndSeesItsCoachingPlan() {
    Page page = chromium.newPage();
    page.navigate(consoleUrl + "/");
    page.waitForURL(url -> !url.startsWith(consoleUrl));
    visited(page);
    page.locator("#username").fill("trust");
    page.locator("#password").fill("trust");
    page.locator("button[type=submit]").click();
    page.waitForURL(url -> url.startsWith(consoleUrl) && !url.contains("/login/oauth2/code"));
    visited(page);

    page.locator("a[href='/enrollments']").first().click();
    page.waitForURL("**/enrollments");
    visited(page);
    page.getByText("Express interest in a phase").first().click();
    page.waitForURL("**/enrollments/interest");
    visited(page);
    page.getByText(SERVICE_NAME).click();
    page.getByText(PROGRAMME, new Page.GetByTextOptions().setExact(false)).click();
    page.locator("button[type=submit]").last().click();
    page.locator("#enrollment-status").waitFor();
    String enrollment = page.url().substring(page.url().lastIndexOf('/') + 1);
    assertThat(page.locator("h1").textContent()).contains(SERVICE_NAME);
    assertThat(page.locator("#enrollment-status").textContent()).isEqualTo("Interest expressed");
    visited(page);

    addMember(page, "EXECUTIVE_SPONSOR", "Morgan Sponsor", "morgan.sponsor@example.nhs.uk");
    addMember(page, "LIVED_EXPERIENCE_PARTNER", "Robin Partner", "robin at example");
    page.locator(".nhsuk-error-summary a[href='#email']").waitFor();
    assertThat(page.locator("#name").inputValue()).isEqualTo("Robin Partner");
    visited(page);
    page.locator("#email").fill("robin.partner@example.nhs.uk");
    page.getByText("Add to the team").click();
    page.locator(".nhsuk-panel [role=status]").waitFor();
    assertThat(page.locator("#team ~ table").first().textContent())
        .contains("Morgan Sponsor", "Robin Partner", "Lived experience");
    visited(page);

    page.locator("label[for='sponsor']").click();
    for (String backing :
        List.of("organisationInvolvement", "teamChangeIdeas", "proportionateDataCollection")) {
      page.locator("label[for='" + backing + "']").click();
    }
    page.getByText("Confirm the commitment").click();
    page.locator("#commitment-sponsor").waitFor();
    assertThat(page.locator("#commitment-sponsor").textContent()).isEqualTo("Morgan Sponsor");
    visited(page);

    // The central team admits the service; coaching makes its plan.
    enrollments.post("/api/enrollments/" + enrollment + "/admission").expect(200);
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> coaching.get("/api/enrollments/" + enrollment + "/plan").status() == 200);
    page.reload();
    assertThat(page.locator("#enrollment-status").textContent()).isEqualTo("Enrolled");
    assertThat(page.locator("#time-commitment").textContent())
        .contains("hours a week of coaching booked", "about 2 hours a week");
    visited(page);
    page.getByText("Get a calendar link for this service").click();
    page.locator("#calendar-link").waitFor();
    assertThat(page.locator("#calendar-link").textContent())
        .contains("/calendars/")
        .endsWith(".ics");
    visited(page);
    HeadlessChromium.screenshot(page, "console-trust-team-plan");

    // Evaluation hears of the enrolment too; then the team's weekly hours and change ideas.
    String service =
        enrollments.get("/api/enrollments/" + enrollment).expect(200).text("serviceId");
    String phase = enrollments.get("/api/enrollments/" + enrollment).expect(200).text("phaseId");
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                evaluation.get("/api/reports/phases/" + phase + "/services/" + service).status()
                    == 200);
    page.getByText("Weekly time commitment").first().click();
    page.waitForURL("**/time-commitment");
    visited(page);
    // This week: the service was enrolled in it, and evaluation takes no week still to come.
    LocalDate monday =
        LocalDate.now(LONDON)
            .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    page.locator("#week").fill(monday.toString());
    page.locator("#members").fill("2");
    page.locator("#qi-hours").fill("3");
    page.locator("#coaching-hours").fill("1");
    page.getByText("Return the week").click();
    page.locator(".nhsuk-panel [role=status]").waitFor();
    assertThat(page.locator("#time-verdict").textContent())
        .contains("over 1 week", "the programme asks about 2");
    visited(page);

    page.navigate(consoleUrl + "/services/" + service + "/change-ideas");
    visited(page);
    page.locator("#title").fill("Morning safety huddle");
    page.locator("#description").fill("Ten minutes each morning on the ward's risks");
    page.locator("label[for='co-produced']").click();
    page.locator("label[for='measures']").click();
    page.getByText("Record the idea").click();
    page.locator("#idea-status").waitFor();
    visited(page);
    page.locator("#plan").fill("Try it for two weeks on the day shift");
    page.locator("#started-on").fill(LocalDate.now(LONDON).toString());
    page.getByText("Start the cycle").click();
    page.locator("#done").waitFor();
    visited(page);
    page.locator("#done").fill("Held on ten of fourteen days");
    page.locator("#study").fill("Staff knew the risks earlier");
    page.locator("label[for='act']").click();
    page.locator("#completed-on").fill(LocalDate.now(LONDON).toString());
    page.getByText("Record the outcome", new Page.GetByTextOptions().setExact(true)).click();
    page.locator(".nhsuk-panel [role=status]").waitFor();
    assertThat(page.locator("#idea-status").textContent()).isEqualTo("Adopted");
    assertThat(page.locator("#cycles ~ .nhsuk-card").first().textContent())
        .contains("Adopt: it worked");
    visited(page);
    HeadlessChromium.screenshot(page, "console-trust-change-idea");
  }

  private static void addMember(Page page, String role, String name, String email) {
    page.locator("#role").selectOption(role);
    page.locator("#name").fill(name);
    page.locator("#email").fill(email);
    page.getByText("Add to the team").click();
    page.waitForLoadState();
  }

  private static void visited(Page page) {
    Accessibility.assertNoViolations(page);
  }

  private static JavaProcess fromJar(
      String module, int port, String heap, Map<String, String> environment) {
    return JavaProcess.serviceJar(
        module,
        ROOT.resolve(module).resolve("target").resolve(module + ".jar"),
        port,
        List.of(heap, "-XX:TieredStopAtLevel=1"),
        environment,
        LOGS.resolve(module + ".log"));
  }

  private static String serviceUrl(String name) {
    return "http://127.0.0.1:" + services.get(name).port();
  }
}
