package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mhaqi.testing.Api;
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
@ExtendWith(ConsolePlatform.PerClass.class)
class TrustTeamJourneyIT {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String SERVICE_NAME = "Team journey ward";
  private static final String PROGRAMME = "Team journey programme";

  private static ConsolePlatform platform;
  private static HeadlessChromium chromium;
  private static String consoleUrl;
  private static Api enrollments;
  private static Api coaching;
  private static Api evaluation;

  @BeforeAll
  static void startThePlatformWithAServiceOfRx4() {
    platform = ConsolePlatform.current();
    consoleUrl = platform.consoleUrl();
    String admin = platform.client("demo-admin").get();
    enrollments = platform.api("enrollment-service", admin);
    coaching = platform.api("coaching-service", admin);
    evaluation = platform.api("evaluation-service", admin);
    LocalDate today = LocalDate.now(LONDON);
    EnrollmentSteps.widerPhase(
        enrollments,
        PROGRAMME,
        today.minusWeeks(2),
        today.plusMonths(8),
        10,
        today.plusWeeks(1),
        today.plusMonths(7));
    String organisation = ConsolePlatform.rx4(enrollments);
    enrollments
        .post(
            "/api/organisations/" + organisation + "/services",
            "{\"name\":\"%s\",\"serviceType\":\"ADULT_ACUTE\"}".formatted(SERVICE_NAME))
        .expect(201);
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void closeTheBrowser() {
    if (chromium != null) {
      chromium.close();
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
}
