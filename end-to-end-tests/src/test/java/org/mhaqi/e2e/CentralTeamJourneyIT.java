package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
 * The programme console walked in a browser by the central team and the analyst, against the real
 * processes (authorization server, enrollment-, coaching- and evaluation-service over Kafka and
 * PostgreSQL, the console), each from its jar. A phase of one place is full; the admin admits a
 * second service (it joins the waitlist), withdraws the first, and sees the second promoted with
 * its history; declines a third without JavaScript; reads organisations, coaches, unstaffed
 * sessions and returns owed. The analyst reads the phase's report, downloads its CSV and compares
 * pilot with wider. Every page passes axe-core's WCAG 2.2 AA rules.
 */
@ExtendWith(ConsolePlatform.PerClass.class)
class CentralTeamJourneyIT {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static ConsolePlatform platform;
  private static HeadlessChromium chromium;
  private static String consoleUrl;
  private static String phase;
  private static String enrolled;
  private static String waiting;
  private static String toDecline;

  @BeforeAll
  static void startThePlatformWithAFullPhase() {
    platform = ConsolePlatform.current();
    consoleUrl = platform.consoleUrl();
    aFullPhaseWithTwoMoreApplications(platform.client("demo-admin"));
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void closeTheBrowser() {
    if (chromium != null) {
      chromium.close();
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
    Api enrollments = platform.api("enrollment-service", admin.get());
    Api coaching = platform.api("coaching-service", admin.get());
    Api evaluation = platform.api("evaluation-service", admin.get());
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
}
