package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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
 * The programme console walked in a browser by the central team and the analyst, against the real
 * processes (authorization server, enrollment-, coaching- and evaluation-service over Kafka and
 * PostgreSQL, the console), each from its jar. A phase of one place is full; the admin admits a
 * second service (it joins the waitlist), withdraws the first, and sees the second promoted with
 * its history; declines a third without JavaScript; reads organisations, coaches, unstaffed
 * sessions and returns owed. The analyst reads the phase's report, downloads its CSV and compares
 * pilot with wider. Every page passes axe-core's WCAG 2.2 AA rules.
 */
class CentralTeamJourneyIT {

  private static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));
  private static final Path LOGS = Path.of("target", "e2e-logs");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static JavaProcess authServer;
  private static ServiceProcesses services;
  private static JavaProcess console;
  private static HeadlessChromium chromium;
  private static String consoleUrl;
  private static String phase;
  private static String enrolled;
  private static String waiting;
  private static String toDecline;

  @BeforeAll
  static void startThePlatformWithAFullPhase() {
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
    aFullPhaseWithTwoMoreApplications(
        new ClientCredentials(authUrl, "demo-admin", "demo-admin-secret"));
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
  void theAdminAdmitsToAFullPhaseWithdrawsAServiceAndSeesTheWaitlistPromoted() {
    Page page = signedInAs("admin");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Programme and phases"))
        .click();
    page.waitForURL("**/programme");
    Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("Admissions phase"));
    assertThat(row.textContent()).contains("1 of 1", "None: the phase is full");
    visited(page);

    row.locator("a").first().click();
    page.waitForURL("**/programme/phases/" + phase);
    visited(page);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Admit Beech ward"))
        .click();
    page.waitForURL("**/programme/enrollments/" + waiting);
    assertThat(page.locator(".nhsuk-panel [role=status]").textContent())
        .contains("The phase is full: the service is on the waitlist.");
    assertThat(page.locator("#status").textContent()).isEqualTo("On the waitlist");
    visited(page);

    page.navigate(consoleUrl + "/programme/phases/" + phase);
    Locator waitlist = page.locator("#waitlist ~ table").first();
    assertThat(waitlist.locator("tbody tr").first().textContent()).contains("1", "Beech ward");
    visited(page);

    page.locator("a[href$='/programme/enrollments/" + enrolled + "']").first().click();
    page.waitForURL("**/programme/enrollments/" + enrolled);
    visited(page);
    page.getByLabel("Staffing pressures").check();
    page.locator("#withdrawal-reason").fill("Two nurses left the ward");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Withdraw the service"))
        .click();
    page.locator(".nhsuk-panel").waitFor();
    assertThat(page.locator("#status").textContent()).isEqualTo("Withdrawn");
    visited(page);

    page.navigate(consoleUrl + "/programme/enrollments/" + waiting);
    assertThat(page.locator("#status").textContent()).isEqualTo("Enrolled");
    assertThat(page.locator("#history").textContent())
        .contains("Put on the waitlist", "Promoted from the waitlist", "a place was freed");
    visited(page);
    HeadlessChromium.screenshot(page, "console-admin-waitlist-promoted");
  }

  @Test
  void theAdminDeclinesAnApplicationWithoutJavaScript() {
    Page page = chromium.newPageWithoutJavaScript();
    signIn(page, "admin");
    page.navigate(consoleUrl + "/programme/enrollments/" + toDecline);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decline the application"))
        .click();
    page.locator(".nhsuk-error-summary").waitFor();
    assertThat(page.locator(".nhsuk-error-summary a[href='#reason']").textContent())
        .isEqualTo("Enter the reason for declining");

    page.locator("#reason").fill("The ward is closing next spring");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Decline the application"))
        .click();
    page.locator(".nhsuk-panel").waitFor();
    assertThat(page.locator("#status").textContent()).isEqualTo("Declined");
    assertThat(page.locator("#history").textContent()).contains("The ward is closing next spring");
    HeadlessChromium.screenshot(page, "console-admin-decline-no-javascript");

    // axe needs JavaScript: the same page, and its refused form, checked in a page with it.
    Page checked = signedInAs("admin");
    checked.navigate(consoleUrl + "/programme/enrollments/" + toDecline);
    visited(checked);
  }

  @Test
  void theAdminReadsOrganisationsCoachesUnstaffedSessionsAndReturnsOwed() {
    Page page = signedInAs("admin");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Organisations and services"))
        .click();
    page.waitForURL("**/organisations");
    visited(page);
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Admissions Trust")).click();
    assertThat(page.locator("main").textContent()).contains("Ash ward", "Beech ward", "Cedar ward");
    visited(page);

    page.navigate(consoleUrl + "/coaches");
    assertThat(page.locator("main").textContent()).contains("Casey Coach", "of 15 hours");
    visited(page);

    page.navigate(consoleUrl + "/staffing");
    assertThat(page.locator(".nhsuk-warning-callout").count()).isZero();
    visited(page);
    page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Staff every session a coach is now free for"))
        .click();
    assertThat(page.locator(".nhsuk-panel [role=status]").textContent())
        .contains("staffed;", "without a coach");
    visited(page);

    page.navigate(consoleUrl + "/returns-owed");
    assertThat(page.locator("h1").textContent()).isEqualTo("Data returns owed");
    assertThat(page.locator(".nhsuk-warning-callout").count()).isZero();
    visited(page);
    HeadlessChromium.screenshot(page, "console-admin-returns-owed");
  }

  @Test
  void theAnalystReadsThePhaseReportDownloadsItsCsvAndComparesPilotWithWider() {
    Page page = signedInAs("analyst");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Phase reports")).click();
    page.waitForURL("**/analysis");
    visited(page);

    page.locator("a[href$='/analysis/phases/" + phase + "']").click();
    page.waitForURL("**/analysis/phases/" + phase);
    assertThat(page.locator("h1").textContent()).contains("Admissions phase");
    assertThat(page.locator(".nhsuk-warning-callout").count()).isZero();
    assertThat(page.locator("main").textContent()).contains("Downloads", "Monthly returns");
    visited(page);

    APIResponse csv =
        page.context().request().get(consoleUrl + "/analysis/phases/" + phase + "/summary.csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.headers().get("content-disposition")).contains("attachment");
    assertThat(csv.text()).isNotBlank();

    page.navigate(consoleUrl + "/analysis");
    page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName("Pilot against wider implementation"))
        .click();
    page.waitForURL("**/analysis/pilot-against-wider");
    assertThat(page.locator(".nhsuk-warning-callout").count()).isZero();
    visited(page);
    HeadlessChromium.screenshot(page, "console-analyst-pilot-against-wider");
  }

  /** A fresh browser context signed in through the real login form. */
  private static Page signedInAs(String user) {
    Page page = chromium.newPage();
    signIn(page, user);
    return page;
  }

  private static void signIn(Page page, String user) {
    page.navigate(consoleUrl + "/");
    page.waitForURL(url -> !url.startsWith(consoleUrl));
    page.locator("#username").fill(user);
    page.locator("#password").fill(user);
    page.locator("button[type=submit]").click();
    page.waitForURL(url -> url.startsWith(consoleUrl) && !url.contains("/login/oauth2/code"));
  }

  private static void visited(Page page) {
    Accessibility.assertNoViolations(page);
  }

  /**
   * A phase of one place taken by Ash ward, Beech ward and Cedar ward waiting for a decision, and a
   * coach; made through the services' APIs as an admin. Waits until evaluation-service reports the
   * phase.
   */
  private static void aFullPhaseWithTwoMoreApplications(ClientCredentials admin) {
    Api enrollments = new Api(services.get("enrollment-service").port()).as(admin.get());
    Api coaching = new Api(services.get("coaching-service").port()).as(admin.get());
    Api evaluation = new Api(services.get("evaluation-service").port()).as(admin.get());
    LocalDate today = LocalDate.now(LONDON);
    String programme =
        enrollments
            .post("/api/programmes", "{\"name\":\"Central team programme\"}")
            .expect(201)
            .id();
    phase =
        enrollments
            .post(
                "/api/programmes/" + programme + "/phases",
                """
                {"kind":"WIDER_IMPLEMENTATION","name":"Admissions phase","startsOn":"%s",
                 "endsOn":"%s","capacity":1,"coachingStartsOn":"%s","coachingEndsOn":"%s"}
                """
                    .formatted(
                        today.minusMonths(2),
                        today.plusMonths(10),
                        today.minusMonths(2),
                        today.plusMonths(10)))
            .expect(201)
            .id();
    String organisation =
        EnrollmentSteps.foundationTrust(
            enrollments, "RXA", "Admissions Trust", "NORTH_EAST_AND_YORKSHIRE");
    coaching
        .post(
            "/api/coaches",
            """
            {"name":"Casey Coach","email":"casey.coach@example.nhs.uk",
             "levels":["EXECUTIVE","SERVICE_LEADERSHIP_AND_FRONTLINE_DELIVERY"],
             "workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
             "weeklyCapacityHours":15}
            """)
        .expect(201);
    enrolled = EnrollmentSteps.committedApplication(enrollments, organisation, phase, "Ash ward");
    assertThat(EnrollmentSteps.admit(enrollments, enrolled)).isEqualTo("ENROLLED");
    waiting = EnrollmentSteps.committedApplication(enrollments, organisation, phase, "Beech ward");
    toDecline =
        EnrollmentSteps.committedApplication(enrollments, organisation, phase, "Cedar ward");
    Awaitility.await()
        .atMost(WAIT)
        .until(() -> evaluation.get("/api/reports/phases/" + phase).status() == 200);
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
