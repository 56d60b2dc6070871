package org.mhaqi.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mhaqi.local.ClientCredentials;
import org.mhaqi.testing.Api;
import org.mhaqi.testing.browser.Accessibility;
import org.mhaqi.testing.browser.HeadlessChromium;
import tools.jackson.databind.JsonNode;

/**
 * The programme console walked in a browser as the demo coach, against the real processes: the
 * authorization server's login form, enrollment-service and coaching-service over Kafka and
 * PostgreSQL, and the console. A service is enrolled; the programme team gives the demo coach (the
 * {@code coach} user, Demo coach A of coaching's default pool) one of its executive sessions of the
 * last weeks and one of next week. The coach records the first's attendance and sees it completed,
 * moves the second and sees its new time, records days away, and takes a calendar link that a
 * calendar application can fetch. Every page passes axe-core's WCAG 2.2 AA rules; the attendance is
 * recorded once more without JavaScript.
 */
@ExtendWith(ConsolePlatform.PerClass.class)
class CoachJourneyIT {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final String COACH_EMAIL = "demo.coach.a@example.nhs.uk";

  private static ConsolePlatform platform;
  private static HeadlessChromium chromium;
  private static String consoleUrl;
  private static List<String> toRecord;
  private static String toMove;
  private static LocalDateTime toMoveAt;

  @BeforeAll
  static void startThePlatformAndGiveTheCoachSessions() {
    platform = ConsolePlatform.current();
    consoleUrl = platform.consoleUrl();
    giveTheCoachSessions(platform.client("demo-admin"));
    chromium = HeadlessChromium.launch();
  }

  @AfterAll
  static void closeTheBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aCoachRecordsAttendanceAndSeesTheSessionCompleted() {
    Page page = signedInAsCoach(chromium.newPage());
    page.locator("a[href='/sessions']").first().click();
    page.waitForURL("**/sessions");
    assertThat(page.locator("h1").textContent()).contains("Demo coach A", "Your sessions");
    visited(page);

    page.locator("a[href='/sessions/" + toRecord.get(0) + "']").click();
    page.waitForURL("**/sessions/" + toRecord.get(0));
    visited(page);

    // Nothing chosen for the partner: the error summary says so and keeps what was typed.
    page.locator("#minutes").fill("55");
    page.locator("#attendance-EXECUTIVE_SPONSOR").fill("1");
    page.getByText("Record the session as delivered").click();
    page.locator(".nhsuk-error-summary a[href='#lep']").waitFor();
    assertThat(page.locator("#minutes").inputValue()).isEqualTo("55");
    visited(page);

    page.locator("label[for='lep-no']").click();
    page.getByText("Record the session as delivered").click();
    page.locator(".nhsuk-panel [role=status]").waitFor();
    assertThat(page.locator("#session-status").textContent()).isEqualTo("Completed");
    assertThat(page.locator(".nhsuk-summary-list").textContent())
        .contains("55 minutes", "Executive sponsors: 1");
    visited(page);
    HeadlessChromium.screenshot(page, "console-coach-attendance");
  }

  @Test
  void aCoachMovesASessionAndSeesItsNewTime() {
    Page page = signedInAsCoach(chromium.newPage());
    page.navigate(consoleUrl + "/sessions/" + toMove);
    visited(page);

    LocalDateTime later = toMoveAt.with(LocalTime.of(15, 30));
    page.locator("#date").fill(later.toLocalDate().toString());
    page.locator("#time").fill("15:30");
    page.locator("label[for='reschedule-reason']").click();
    page.getByText("Move the session", new Page.GetByTextOptions().setExact(true)).last().click();
    page.locator(".nhsuk-panel [role=status]").waitFor();
    assertThat(page.locator("#session-when").textContent()).contains("15:30 to 16:30");
    assertThat(page.locator(".nhsuk-summary-list").textContent()).contains("First planned for");
    visited(page);

    page.navigate(consoleUrl + "/sessions");
    assertThat(page.locator("#next-week ~ table").first().textContent()).contains("15:30");
    visited(page);
    HeadlessChromium.screenshot(page, "console-coach-moved");
  }

  @Test
  void aCoachRecordsDaysAwayAndTakesACalendarLink() throws Exception {
    Page page = signedInAsCoach(chromium.newPage());
    page.navigate(consoleUrl + "/days-away");
    visited(page);
    // Beyond the coaching window: no session of the coach's lies there.
    LocalDate away =
        LocalDate.now(LONDON).plusYears(2).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    page.locator("#from").fill(away.toString());
    page.locator("#to").fill("not a day");
    page.getByText("Record days away", new Page.GetByTextOptions().setExact(true)).last().click();
    page.locator(".nhsuk-error-summary a[href='#to']").waitFor();
    visited(page);
    page.locator("#to").fill(away.plusDays(1).toString());
    page.locator("#away-reason").fill("Training");
    page.getByText("Record days away", new Page.GetByTextOptions().setExact(true)).last().click();
    page.locator(".nhsuk-panel [role=status]").waitFor();
    assertThat(page.locator("table.nhsuk-table").textContent()).contains("Training");
    visited(page);

    page.navigate(consoleUrl + "/sessions");
    page.getByText("Get a calendar link").click();
    page.locator("#calendar-link").waitFor();
    String link = page.locator("#calendar-link").textContent();
    HttpResponse<String> feed =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(link)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("BEGIN:VEVENT");
    visited(page);
    HeadlessChromium.screenshot(page, "console-coach-calendar");
  }

  /**
   * The same form with JavaScript switched off: it posts, and the answer is a page. Axe cannot run
   * without JavaScript; the session page's accessibility is checked in the other journeys.
   */
  @Test
  void withoutJavaScriptTheCoachStillRecordsASession() {
    Page page = signedInAsCoach(chromium.newPageWithoutJavaScript(), false);
    page.navigate(consoleUrl + "/sessions/" + toRecord.get(1));
    page.locator("#minutes").fill("60");
    page.locator("#attendance-EXECUTIVE_SPONSOR").fill("1");
    page.locator("#lep-no").check();
    page.getByText("Record the session as delivered").click();
    page.locator(".nhsuk-panel [role=status]").waitFor();
    assertThat(page.locator("#session-status").textContent()).isEqualTo("Completed");
    assertThat(page.locator(".nhsuk-summary-list").textContent()).contains("60 minutes");
    HeadlessChromium.screenshot(page, "console-coach-no-javascript");
  }

  private static Page signedInAsCoach(Page page) {
    return signedInAsCoach(page, true);
  }

  /** Signs the page's browser in as the demo coach through the real login form. */
  private static Page signedInAsCoach(Page page, boolean checkAccessibility) {
    page.navigate(consoleUrl + "/");
    page.waitForURL(url -> !url.startsWith(consoleUrl));
    if (checkAccessibility) {
      visited(page);
    }
    page.locator("#username").fill("coach");
    page.locator("#password").fill("coach");
    page.locator("button[type=submit]").click();
    page.waitForURL(url -> url.startsWith(consoleUrl) && !url.contains("/login/oauth2/code"));
    if (checkAccessibility) {
      visited(page);
    }
    return page;
  }

  private static void visited(Page page) {
    Accessibility.assertNoViolations(page);
  }

  /**
   * A service of RX4 enrolled in a phase whose coaching began eight weeks ago; then, as the
   * programme team, two of its executive sessions moved to the demo coach on working days of the
   * last weeks (to record) and one to a working day of next week (to move).
   */
  private static void giveTheCoachSessions(ClientCredentials credentials) {
    String admin = credentials.get();
    Api enrollments = platform.api("enrollment-service", admin);
    Api coaching = platform.api("coaching-service", admin);
    LocalDate today = LocalDate.now(LONDON);
    String phase =
        EnrollmentSteps.widerPhase(
            enrollments,
            "Coach console programme",
            today.minusWeeks(10),
            today.plusMonths(8),
            10,
            today.minusWeeks(8),
            today.plusMonths(8));
    String organisation = ConsolePlatform.rx4(enrollments);
    String applied =
        EnrollmentSteps.committedApplication(
            enrollments, organisation, phase, "Coach console ward");
    assertThat(EnrollmentSteps.admit(enrollments, applied)).isEqualTo("ENROLLED");
    JsonNode[] plan = new JsonNode[1];
    Awaitility.await()
        .atMost(WAIT)
        .until(
            () -> {
              Api.Response response = coaching.get("/api/enrollments/" + applied + "/plan");
              plan[0] = response.body();
              return response.status() == 200 && plan[0].path("scheduledSessions").asInt() > 0;
            });
    String coachId =
        StreamSupport.stream(
                coaching
                    .get("/api/coaches?size=200")
                    .expect(200)
                    .body()
                    .get("content")
                    .spliterator(),
                false)
            .filter(c -> COACH_EMAIL.equals(c.path("email").asString()))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asString();
    List<String> executive =
        StreamSupport.stream(plan[0].get("sessions").spliterator(), false)
            .filter(s -> "EXECUTIVE".equals(s.path("level").asString()))
            .filter(s -> "SCHEDULED".equals(s.path("status").asString()))
            .map(s -> s.get("id").asString())
            .toList();
    assertThat(executive).hasSizeGreaterThanOrEqualTo(3);

    toRecord = new ArrayList<>();
    LocalDate day = today.minusDays(1);
    for (String session : executive.subList(0, 2)) {
      day = moveToTheCoach(coaching, session, coachId, day, -1);
      toRecord.add(session);
      day = day.minusDays(1);
    }
    toMove = executive.get(2);
    LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    LocalDate moved = moveToTheCoach(coaching, toMove, coachId, nextMonday, 1);
    toMoveAt = moved.atTime(10, 0);
  }

  /**
   * Gives the session to the coach at 10:00 on the first day from {@code from} (going by {@code
   * step} days) that coaching accepts: a working day, free in the coach's diary. Returns the day.
   */
  private static LocalDate moveToTheCoach(
      Api coaching, String session, String coachId, LocalDate from, int step) {
    LocalDate day = from;
    for (int tries = 0; tries < 14; tries++, day = day.plusDays(step)) {
      Api.Response moved =
          coaching.post(
              "/api/sessions/" + session + "/reschedule",
              """
              {"startsAt":"%s","coachId":"%s","reasonCode":"COACH_REASSIGNED",
               "reason":"Given to the demo coach for the console's journey"}
              """
                  .formatted(day.atTime(10, 0), coachId));
      if (moved.status() == 200) {
        return day;
      }
    }
    throw new AssertionError("coaching accepted no day from " + from + " for session " + session);
  }
}
