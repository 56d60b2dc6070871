package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mhaqi.local.ClientCredentials;
import org.mhaqi.testing.Api;
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
@ExtendWith(ConsolePlatform.PerClass.class)
class ProgrammeConsoleJourneyIT {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SERVICE_NAME = "Console ward";

  private static ConsolePlatform platform;
  private static HeadlessChromium chromium;
  private static String consoleUrl;
  private static String serviceId;

  @BeforeAll
  static void startThePlatformAndEnrolATrustsService() {
    platform = ConsolePlatform.current();
    consoleUrl = platform.consoleUrl();
    serviceId = enrolAServiceOfRx4(platform.client("demo-admin"));
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void closeTheBrowser() {
    if (chromium != null) {
      chromium.close();
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
    Api enrollments = platform.api("enrollment-service", admin.get());
    Api evaluation = platform.api("evaluation-service", admin.get());
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
    String organisation = ConsolePlatform.rx4(enrollments);
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
}
