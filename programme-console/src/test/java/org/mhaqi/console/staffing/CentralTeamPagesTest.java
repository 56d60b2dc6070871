package org.mhaqi.console.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.api.FieldError;
import org.mhaqi.console.fake.ServicesSliceTest;

/** Organisations, coaches, unstaffed sessions and returns owed, against services' fixed JSON. */
class CentralTeamPagesTest extends ServicesSliceTest {

  private static final String ORG = "00000000-0000-0000-0000-0000000000c1";
  private static final String WARD = "00000000-0000-0000-0000-0000000000b1";
  private static final String COACH = "00000000-0000-0000-0000-0000000000d1";
  private static final String SESSION = "00000000-0000-0000-0000-0000000000f1";
  private static final String ENROLLMENT_ID = "00000000-0000-0000-0000-0000000000e1";

  @Test
  void theOrganisationsListLeadsToEachOnesServicesWithTheirEnrolments() throws Exception {
    ENROLLMENT
        .json(
            "GET /api/organisations?size=200",
            200,
            """
            {"content":[{"id":"%s","odsCode":"RX4","name":"Cumbria Trust","providerType":"NHS_TRUST",
             "region":"NORTH_EAST_AND_YORKSHIRE"}]}"""
                .formatted(ORG))
        .json(
            "GET /api/organisations/" + ORG,
            200,
            """
            {"id":"%s","odsCode":"RX4","name":"Cumbria Trust","providerType":"NHS_TRUST",
             "region":"NORTH_EAST_AND_YORKSHIRE"}"""
                .formatted(ORG))
        .json(
            "GET /api/organisations/" + ORG + "/services?size=200",
            200,
            "{\"content\":[{\"id\":\"%s\",\"name\":\"Ash ward\",\"serviceType\":\"ADULT_ACUTE\"}]}"
                .formatted(WARD))
        .json(
            "GET /api/enrollments?organisationId=" + ORG + "&size=200",
            200,
            "{\"content\":[{\"id\":\"%s\",\"serviceId\":\"%s\",\"phaseId\":\"%s\",\"status\":\"WAITLISTED\"}]}"
                .formatted(ENROLLMENT_ID, WARD, ORG))
        .json("GET /api/programmes?size=200", 503, "{}");

    mvc.perform(get("/organisations").with(ADMIN))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Cumbria Trust"),
                        containsString("North East and Yorkshire"),
                        containsString("NHS trust"),
                        containsString("/organisations/" + ORG))));
    mvc.perform(get("/organisations/" + ORG).with(ADMIN))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Ash ward"),
                        containsString("Adult acute"),
                        containsString("On the waitlist"),
                        containsString("/programme/enrollments/" + ENROLLMENT_ID))));
  }

  @Test
  void coachesShowTheirLoadAgainstTheirHoursAndTheirDaysAway() throws Exception {
    COACHING.json(
        "GET /api/coaches?size=200",
        200,
        """
        {"content":[{"id":"%s","name":"Coach Carter","levels":["FOUNDATION"],
         "workingDays":["MONDAY","TUESDAY"],"weeklyCapacityMinutes":900,
         "daysAway":[{"day":"2099-03-03"},{"day":"2099-03-04"}]}]}"""
            .formatted(COACH));

    // The coach's sessions cannot be read (no answer given): the load is not known, the rest shows.
    mvc.perform(get("/coaches").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Coach Carter"),
                        containsString("Mon, Tue"),
                        containsString("Not known"),
                        containsString("This coach&#39;s sessions could not be found"),
                        containsString("3 March 2099 to 4 March 2099"))));
    assertThat(COACHING.requests())
        .anySatisfy(
            r ->
                assertThat(r.path())
                    .startsWith("/api/coaches/" + COACH + "/sessions?from=")
                    .contains("&to="));
  }

  @Test
  void unstaffedSessionsOfferTheCoachesOfTheirLevelAndAssigningOneReschedulesToThem()
      throws Exception {
    COACHING
        .json(
            "GET /api/coaches?size=200",
            200,
            """
            {"content":[{"id":"%s","name":"Coach Carter","levels":["FOUNDATION"]},
              {"id":"00000000-0000-0000-0000-0000000000d2","name":"Coach Advanced","levels":["ADVANCED"]}]}"""
                .formatted(COACH))
        .json(
            "GET /api/sessions/unstaffed?size=200",
            200,
            """
            {"content":[{"id":"%s","serviceId":"%s","level":"FOUNDATION","kind":"WORKSHOP",
              "startsAt":"2027-01-04T10:00:00","durationMinutes":90}]}"""
                .formatted(SESSION, WARD))
        .json("POST /api/sessions/" + SESSION + "/reschedule", 200, "{}");
    ENROLLMENT.json("GET /api/services/" + WARD, 200, "{\"name\":\"Ash ward\"}");

    mvc.perform(get("/staffing").with(ADMIN))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Monday 4 January 2027, 10:00"),
                        containsString("Ash ward"),
                        containsString("Foundation, workshop (90 minutes)"),
                        containsString("Coach Carter"),
                        not(containsString("Coach Advanced")))));

    mvc.perform(
            post("/staffing/sessions/" + SESSION)
                .with(ADMIN)
                .with(csrf())
                .param("coachId", COACH)
                .param("startsAt", "2027-01-04T10:00"))
        .andExpect(redirectedUrl("/staffing"))
        .andExpect(flash().attribute("doneMessage", "The session has a coach."));
    assertThat(COACHING.requests())
        .filteredOn(r -> r.method().equals("POST"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.body())
                    .contains("\"coachId\":\"" + COACH + "\"")
                    .contains("\"startsAt\":\"2027-01-04T10:00\"")
                    .contains("\"reasonCode\":\"COACH_REASSIGNED\""));
  }

  @Test
  void aCoachCoachingRefusesIsExplainedBesideTheSession() throws Exception {
    COACHING.json(
        "POST /api/sessions/" + SESSION + "/reschedule",
        409,
        """
        {"status":409,"errors":[{"field":"coachId","message":"The coach is away on 4 January 2027"}]}""");

    mvc.perform(
            post("/staffing/sessions/" + SESSION)
                .with(ADMIN)
                .with(csrf())
                .param("coachId", COACH)
                .param("startsAt", "2027-01-04T10:00"))
        .andExpect(
            flash()
                .attribute(
                    "actionErrors",
                    List.of(
                        new FieldError(
                            "coach-" + SESSION, null, "The coach is away on 4 January 2027"))));
  }

  @Test
  void staffingEveryFreeSessionSaysHowManyWereStaffedAndHowManyWait() throws Exception {
    COACHING.json(
        "POST /api/sessions/unstaffed/staffing", 200, "{\"staffed\":3,\"stillUnstaffed\":1}");

    mvc.perform(post("/staffing").with(ADMIN).with(csrf()))
        .andExpect(
            flash()
                .attribute("doneMessage", "3 sessions staffed; 1 session still without a coach."));
  }

  @Test
  void returnsOwedNameEachServiceWithItsCountsMostOverdueFirst() throws Exception {
    EVALUATION.json(
        "GET /api/data-returns/owed",
        200,
        """
        [{"enrollmentId":"%s","serviceId":"%s","odsCode":"RX4","due":5,"overdue":14,"late":1,
          "oldestOverdue":"2026-07"}]"""
            .formatted(ENROLLMENT_ID, WARD));
    ENROLLMENT.json("GET /api/services/" + WARD, 200, "{\"name\":\"Ash ward\"}");

    mvc.perform(get("/returns-owed").with(ADMIN))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Ash ward"),
                        containsString(">14<"),
                        containsString("July 2026"),
                        containsString("/programme/enrollments/" + ENROLLMENT_ID))));
  }

  @Test
  void returnsOwedWhileEvaluationIsDownSayWhichPartIsMissing() throws Exception {
    EVALUATION.json("GET /api/data-returns/owed", 500, "{}");

    mvc.perform(get("/returns-owed").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    containsString(
                        "The list of returns owed is unavailable just now: the evaluation service is not"
                            + " working")));
  }
}
