package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
 * The programme console walked in a browser as a trust's member, against the real processes: the
 * authorization server (its login form, authorization code with PKCE), enrollment-service and
 * evaluation-service over Kafka and PostgreSQL, and the console, each from its jar. The trust signs
 * in, finds its organisation and a service's data returns, uploads a CSV whose bad row is named in
 * the NHS.UK error summary, uploads it corrected, and sends a form return by keyboard alone. Every
 * page passes axe-core's WCAG 2.2 AA rules.
 */
class ProgrammeConsoleJourneyIT {

  private static final Path ROOT = Path.of(System.getProperty("platform.root", ".."));
  private static final Path LOGS = Path.of("target", "e2e-logs");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SERVICE_NAME = "Console ward";

  private static JavaProcess authServer;
  private static ServiceProcesses services;
  private static JavaProcess console;
  private static HeadlessChromium chromium;
  private static String consoleUrl;
  private static String serviceId;

  @BeforeAll
  static void startThePlatformAndEnrolATrustsService() {
    int authPort = FreePorts.next();
    int consolePort = FreePorts.next();
    String authUrl = "http://127.0.0.1:" + authPort;
    consoleUrl = "http://127.0.0.1:" + consolePort;
    // The console's port is known before the authorization server starts: its redirect URI.
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
                    "EVALUATION_SERVICE_URL",
                    serviceUrl("evaluation-service"),
                    "COACHING_SERVICE_URL",
                    "http://127.0.0.1:" + FreePorts.next(),
                    // Plain http here: a Secure cookie would never come back.
                    "PROGRAMME_CONSOLE_SECURE_COOKIE",
                    "false"))
            .start();
    serviceId =
        enrolAServiceOfRx4(new ClientCredentials(authUrl, "demo-admin", "demo-admin-secret"));
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
  void aTrustUploadsACsvWhoseBadRowIsNamedThenTheCorrectedFileIsAccepted() {
    Page page = signedInAsTrust();
    page.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Your organisation").setExact(false))
        .first()
        .click();
    page.waitForURL("**/organisation");
    assertThat(page.locator("h1").textContent()).contains("RX4");
    visited(page);
    page.locator("a[href$='/services/" + serviceId + "/data-returns']").click();
    page.waitForURL("**/data-returns");
    assertThat(page.locator("h1").textContent()).contains(SERVICE_NAME, "Data returns");
    visited(page);

    // The keyboard test may have sent a return of its own month already.
    Locator sent = page.locator("table.nhsuk-table tbody tr");
    int sentBefore = sent.count();
    YearMonth last = YearMonth.now(LONDON).minusMonths(1);
    YearMonth before = last.minusMonths(1);
    upload(
        page,
        csv(
            "ASSAULTS_ON_STAFF,%s,ALL,3,900".formatted(last),
            "ASSAULTS_ON_STAFF,%s,ALL,x,900".formatted(before)),
        ".nhsuk-error-summary");
    Locator summary = page.locator(".nhsuk-error-summary");
    Locator rowError = summary.locator("a[href='#file']");
    assertThat(rowError.count()).isEqualTo(1);
    assertThat(rowError.textContent()).contains("Row 3").containsIgnoringCase("numerator");
    assertThat(page.locator("#file-error").textContent()).contains("Row 3");
    assertThat(sent.count()).as("nothing of the file saved").isEqualTo(sentBefore);
    visited(page);

    upload(
        page,
        csv(
            "ASSAULTS_ON_STAFF,%s,ALL,3,900".formatted(last),
            "ASSAULTS_ON_STAFF,%s,ALL,4,900".formatted(before)),
        ".nhsuk-panel");
    assertThat(page.locator(".nhsuk-error-summary").count()).isZero();
    assertThat(page.locator(".nhsuk-panel [role=status]").textContent())
        .contains("2 returns were saved");
    assertThat(sent.count()).isEqualTo(sentBefore + 2);
    visited(page);
    HeadlessChromium.screenshot(page, "console-trust-csv");
  }

  @Test
  void aTrustSendsAFormReturnByKeyboardAlone() {
    Page page = signedInAsTrust();
    page.navigate(consoleUrl + "/services/" + serviceId + "/data-returns");
    visited(page);

    tabTo(page, "the link to the staff assaults form", "a[href$='/ASSAULTS_ON_STAFF/new']");
    page.keyboard().press("Enter");
    page.waitForURL("**/ASSAULTS_ON_STAFF/new");
    visited(page);

    YearMonth month = YearMonth.now(LONDON).minusMonths(3);
    tabTo(page, "the month", "#month");
    page.keyboard().type(month.toString());
    page.keyboard().press("Tab");
    assertThat(focused(page)).isEqualTo("n-ALL");
    page.keyboard().type("two");
    page.keyboard().press("Tab");
    assertThat(focused(page)).isEqualTo("d-ALL");
    page.keyboard().type("870");
    page.keyboard().press("Enter");

    // Refused: the error summary names the numerator and its link takes the keyboard there.
    // (Same URL before and after: wait for the summary, not for the address.)
    page.locator(".nhsuk-error-summary").waitFor();
    Locator toNumerator = page.locator(".nhsuk-error-summary a[href='#n-ALL']");
    assertThat(toNumerator.count()).isEqualTo(1);
    assertThat(page.locator("#month").inputValue()).isEqualTo(month.toString());
    visited(page);
    tabTo(page, "the error summary's link", ".nhsuk-error-summary a[href='#n-ALL']");
    page.keyboard().press("Enter");
    assertThat(focused(page)).isEqualTo("n-ALL");
    page.keyboard().press("Control+A");
    page.keyboard().type("2");
    page.keyboard().press("Enter");

    page.waitForURL(url -> url.endsWith("/services/" + serviceId + "/data-returns"));
    assertThat(page.locator(".nhsuk-panel [role=status]").textContent())
        .contains("was sent", month.toString());
    visited(page);
    HeadlessChromium.screenshot(page, "console-trust-keyboard");
  }

  /** A fresh browser context signed in as the demo trust member through the real login form. */
  private static Page signedInAsTrust() {
    Page page = chromium.newPage();
    page.navigate(consoleUrl + "/");
    // The console sends the browser to the authorization server's login form.
    page.waitForURL(url -> !url.startsWith(consoleUrl));
    visited(page);
    page.locator("#username").fill("trust");
    page.locator("#password").fill("trust");
    page.locator("button[type=submit]").click();
    page.waitForURL(url -> url.startsWith(consoleUrl) && !url.contains("/login/oauth2/code"));
    visited(page);
    return page;
  }

  /** Uploads the CSV and waits for the page that answers it, known by what it shows. */
  private static void upload(Page page, String csv, String answeredBy) {
    page.locator("#file")
        .setInputFiles(
            new FilePayload("returns.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    page.getByText("Upload file").click();
    page.locator(answeredBy).waitFor();
  }

  private static String csv(String... rows) {
    return "measure_code,month,stratum_code,numerator,denominator\n"
        + String.join("\n", rows)
        + "\n";
  }

  /** Presses Tab until the element the selector finds has the focus; fails after 60 presses. */
  private static void tabTo(Page page, String what, String selector) {
    Predicate<Page> focusedThere =
        p -> (Boolean) p.evaluate("s => document.activeElement.matches(s)", selector);
    for (int presses = 0; presses < 60; presses++) {
      if (focusedThere.test(page)) {
        return;
      }
      page.keyboard().press("Tab");
    }
    throw new AssertionError("60 presses of Tab never reached " + what + " (" + selector + ")");
  }

  private static String focused(Page page) {
    return (String) page.evaluate("document.activeElement.id");
  }

  private static void visited(Page page) {
    Accessibility.assertNoViolations(page);
  }

  /**
   * RX4 with a service admitted to a phase that began a year ago, made through enrollment-service's
   * API as an admin; returns the service's id once evaluation-service has heard of its enrolment.
   */
  private static String enrolAServiceOfRx4(ClientCredentials admin) {
    Api enrollments = new Api(services.get("enrollment-service").port()).as(admin.get());
    Api evaluation = new Api(services.get("evaluation-service").port()).as(admin.get());
    LocalDate today = LocalDate.now(LONDON);
    String phase =
        EnrollmentSteps.widerPhase(
            enrollments,
            "Console programme",
            today.minusYears(1),
            today.plusMonths(6),
            10,
            today.minusYears(1),
            today.plusMonths(6));
    String organisation = EnrollmentSteps.cumbriaNorthumberlandTyneAndWear(enrollments);
    String applied =
        EnrollmentSteps.committedApplication(enrollments, organisation, phase, SERVICE_NAME);
    assertThat(EnrollmentSteps.admit(enrollments, applied)).isEqualTo("ENROLLED");
    String service = enrollments.get("/api/enrollments/" + applied).expect(200).text("serviceId");
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                evaluation.get("/api/reports/phases/" + phase + "/services/" + service).status()
                    == 200);
    return service;
  }

  /** A module's runnable jar as a process on that port, its log beside the services' logs. */
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
