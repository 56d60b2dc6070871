package org.mhaqi.console.programme;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mhaqi.console.api.FieldError;
import org.mhaqi.console.fake.FakeService;
import org.mhaqi.console.fake.ServicesSliceTest;
import org.springframework.mock.web.MockHttpSession;

/** The central team's programme pages against an enrollment-service answering fixed JSON. */
class ProgrammePagesTest extends ServicesSliceTest {

  private static final String PHASE = "00000000-0000-0000-0000-0000000000a1";
  private static final String APPLIED = "00000000-0000-0000-0000-0000000000e1";
  private static final String WAITING = "00000000-0000-0000-0000-0000000000e2";
  private static final String WARD = "00000000-0000-0000-0000-0000000000b1";
  private static final String ANOTHER_WARD = "00000000-0000-0000-0000-0000000000b2";

  @BeforeEach
  void answers() {
    ENROLLMENT
        .json(
            "GET /api/programmes?size=200",
            200,
            """
            {"content":[{"id":"00000000-0000-0000-0000-000000000001","name":"MHA QI programme",
             "phases":[{"id":"%s","kind":"WIDER_IMPLEMENTATION","name":"Wave 2",
               "startsOn":"2026-04-01","endsOn":"2027-03-31","capacity":10}]}]}
            """
                .formatted(PHASE))
        .json(
            "GET /api/phases/" + PHASE,
            200,
            """
            {"phaseId":"%s","kind":"WIDER_IMPLEMENTATION","name":"Wave 2","capacity":10,
             "placesLeft":7,"enrollments":{"ENROLLED":2,"COMPLETED":1,"INTERESTED":1,"WAITLISTED":1}}
            """
                .formatted(PHASE))
        .json(
            "GET /api/enrollments?phaseId=" + PHASE + "&status=INTERESTED&size=200",
            200,
            "{\"content\":[" + enrollment(APPLIED, WARD, "INTERESTED", true) + "]}")
        .json(
            "GET /api/enrollments?phaseId=" + PHASE + "&size=200",
            200,
            "{\"content\":["
                + enrollment(APPLIED, WARD, "INTERESTED", true)
                + ","
                + enrollment(WAITING, ANOTHER_WARD, "DECLINED", true)
                + "]}")
        .json(
            "GET /api/phases/" + PHASE + "/waitlist?size=200",
            200,
            """
            {"content":[{"position":1,"enrollmentId":"%s","serviceId":"%s",
             "appliedAt":"2026-02-01T09:00:00Z"}]}
            """
                .formatted(WAITING, ANOTHER_WARD))
        .json("GET /api/services/" + WARD, 200, "{\"id\":\"" + WARD + "\",\"name\":\"Ash ward\"}")
        .json(
            "GET /api/services/" + ANOTHER_WARD,
            200,
            "{\"id\":\"" + ANOTHER_WARD + "\",\"name\":\"Birch ward\"}");
  }

  @Test
  void theProgrammeShowsEachPhaseWithPlacesTakenAndLeftReadWithTheUsersToken() throws Exception {
    mvc.perform(get("/programme").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Wave 2"),
                        containsString("Wider implementation"),
                        containsString("3 of 10"),
                        containsString("7 places"),
                        containsString("/programme/phases/" + PHASE))));

    assertThat(ENROLLMENT.requests())
        .allSatisfy(r -> assertThat(r.authorization()).startsWith("Bearer "));
  }

  @Test
  void aPhaseListsApplicationsToDecideAndTheWaitlistInOrderWithServiceNames() throws Exception {
    mvc.perform(get("/programme/phases/" + PHASE).with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Ash ward"),
                        containsString(
                            "/programme/enrollments/" + APPLIED + "/admission\" method=\"post\""),
                        containsString("name=\"_csrf\""),
                        containsString("Birch ward"),
                        containsString("1 February 2026, 09:00"),
                        containsString(">Interest expressed</strong>"),
                        containsString(">Declined</strong>"))));
  }

  @Test
  void aWaitlistThatCannotBeReadIsNamedWhileTheRestOfThePhaseShows() throws Exception {
    ENROLLMENT.json("GET /api/phases/" + PHASE + "/waitlist?size=200", 503, "{\"status\":503}");

    mvc.perform(get("/programme/phases/" + PHASE).with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString(
                            "The waitlist is unavailable just now: the enrolment service is not"
                                + " working"),
                        containsString("Ash ward"),
                        not(containsString("The waitlist in its order")))));
  }

  @Test
  void admittingPostsTheAdmissionAndTheEnrolmentThenShowsEnrolledWithItsHistory() throws Exception {
    ENROLLMENT
        .json(
            "POST /api/enrollments/" + APPLIED + "/admission",
            200,
            enrollment(APPLIED, WARD, "ENROLLED", true))
        .json("GET /api/enrollments/" + APPLIED, 200, enrollment(APPLIED, WARD, "ENROLLED", true));

    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(
                    post("/programme/enrollments/" + APPLIED + "/admission")
                        .with(ADMIN)
                        .with(csrf()))
                .andExpect(redirectedUrl("/programme/enrollments/" + APPLIED))
                .andExpect(flash().attribute("doneMessage", "The service is enrolled."))
                .andReturn()
                .getRequest()
                .getSession();
    assertThat(ENROLLMENT.requests())
        .extracting(FakeService.Request::method, FakeService.Request::path)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "POST", "/api/enrollments/" + APPLIED + "/admission"));

    mvc.perform(get("/programme/enrollments/" + APPLIED).with(ADMIN).session(session))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("Ash ward"),
                        containsString("Wave 2"),
                        containsString(">Enrolled<"),
                        containsString(">Enrolled</td>"),
                        not(containsString("Admit the service")))));
  }

  @Test
  void aRefusedAdmissionIsExplainedInPlainEnglish() throws Exception {
    ENROLLMENT.json(
        "POST /api/enrollments/" + APPLIED + "/admission",
        409,
        """
        {"status":409,"errors":[{"field":"status",
         "message":"An enrolment that is DECLINED cannot become ENROLLED"}]}
        """);

    mvc.perform(post("/programme/enrollments/" + APPLIED + "/admission").with(ADMIN).with(csrf()))
        .andExpect(
            flash()
                .attribute(
                    "actionErrors",
                    List.of(
                        new FieldError(
                            null, null, "An enrolment that is declined cannot become enrolled"))));
  }

  @Test
  void decliningWithoutAReasonAsksForOneAndKeepsThePageWithoutCallingTheService() throws Exception {
    ENROLLMENT.json(
        "GET /api/enrollments/" + APPLIED, 200, enrollment(APPLIED, WARD, "INTERESTED", true));
    MockHttpSession session = new MockHttpSession();

    mvc.perform(
            post("/programme/enrollments/" + APPLIED + "/decline")
                .with(ADMIN)
                .with(csrf())
                .session(session)
                .param("reason", " "))
        .andExpect(redirectedUrl("/programme/enrollments/" + APPLIED));
    mvc.perform(get("/programme/enrollments/" + APPLIED).with(ADMIN).session(session))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("nhsuk-error-summary"),
                        containsString("href=\"#reason\""),
                        containsString("Enter the reason for declining"),
                        containsString("<title>Error: Enrolment"))));
    assertThat(ENROLLMENT.requests()).noneMatch(r -> r.method().equals("POST"));
  }

  @Test
  void aDeclineSendsTheReasonAsTyped() throws Exception {
    ENROLLMENT.json(
        "POST /api/enrollments/" + APPLIED + "/decline",
        200,
        enrollment(APPLIED, WARD, "DECLINED", true));

    mvc.perform(
            post("/programme/enrollments/" + APPLIED + "/decline")
                .with(ADMIN)
                .with(csrf())
                .param("reason", "Applied to the pilot by mistake"))
        .andExpect(flash().attribute("doneMessage", "The application was declined."));

    assertThat(ENROLLMENT.requests())
        .filteredOn(r -> r.method().equals("POST"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.body()).isEqualTo("{\"reason\":\"Applied to the pilot by mistake\"}"));
  }

  @Test
  void withdrawingAsksForTheReasonCodeAndWordsThenSendsBoth() throws Exception {
    ENROLLMENT
        .json("GET /api/enrollments/" + APPLIED, 200, enrollment(APPLIED, WARD, "ENROLLED", true))
        .json(
            "POST /api/enrollments/" + APPLIED + "/withdrawal",
            200,
            enrollment(APPLIED, WARD, "WITHDRAWN", true));
    MockHttpSession session = new MockHttpSession();

    mvc.perform(
            post("/programme/enrollments/" + APPLIED + "/withdrawal")
                .with(ADMIN)
                .with(csrf())
                .session(session))
        .andExpect(redirectedUrl("/programme/enrollments/" + APPLIED));
    mvc.perform(get("/programme/enrollments/" + APPLIED).with(ADMIN).session(session))
        .andExpect(
            content()
                .string(
                    allOf(
                        containsString("href=\"#reasonCode\""),
                        containsString("Select why the service withdraws"),
                        containsString("href=\"#withdrawal-reason\""),
                        containsString("Withdraw the service"))));
    assertThat(ENROLLMENT.requests()).noneMatch(r -> r.method().equals("POST"));

    mvc.perform(
            post("/programme/enrollments/" + APPLIED + "/withdrawal")
                .with(ADMIN)
                .with(csrf())
                .session(session)
                .param("reasonCode", "STAFFING_PRESSURES")
                .param("withdrawal-reason", "Two nurses left"))
        .andExpect(
            flash()
                .attribute(
                    "doneMessage",
                    "The service was withdrawn. A place it held went to the first service on the"
                        + " waitlist."));
    assertThat(ENROLLMENT.requests())
        .filteredOn(r -> r.method().equals("POST"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.body())
                    .contains("\"reasonCode\":\"STAFFING_PRESSURES\"")
                    .contains("\"reason\":\"Two nurses left\""));
  }

  @Test
  void aDeclineSentAfterTheSessionEndedResumesOnTheEnrolmentWithWhatWasTyped() throws Exception {
    ENROLLMENT.json(
        "GET /api/enrollments/" + APPLIED, 200, enrollment(APPLIED, WARD, "INTERESTED", true));
    MockHttpSession session = new MockHttpSession();
    new org.mhaqi.console.draft.FormDrafts()
        .keep(
            sessionRequest(session),
            "/programme/enrollments/" + APPLIED + "/decline",
            java.util.Map.of("reason", "Typed before the session ended"),
            List.of());

    mvc.perform(get("/programme/enrollments/" + APPLIED + "/decline").with(ADMIN).session(session))
        .andExpect(redirectedUrl("/programme/enrollments/" + APPLIED));
    mvc.perform(get("/programme/enrollments/" + APPLIED).with(ADMIN).session(session))
        .andExpect(content().string(containsString("Typed before the session ended")));
  }

  private static org.springframework.mock.web.MockHttpServletRequest sessionRequest(
      MockHttpSession session) {
    org.springframework.mock.web.MockHttpServletRequest request =
        new org.springframework.mock.web.MockHttpServletRequest();
    request.setSession(session);
    return request;
  }

  private static String enrollment(String id, String service, String status, boolean committed) {
    String history =
        "ENROLLED".equals(status)
            ? """
              ,{"sequence":2,"from":"INTERESTED","to":"ENROLLED","at":"2026-03-02T10:00:00Z",
               "actor":"admin"}"""
            : "";
    return """
        {"id":"%s","serviceId":"%s","phaseId":"%s","status":"%s",
         "appliedAt":"2026-03-01T10:00:00Z","learningNetwork":false,
         "executiveCommitment":%s,
         "history":[{"sequence":1,"to":"INTERESTED","at":"2026-03-01T10:00:00Z","actor":"trust"}%s]}
        """
        .formatted(
            id,
            service,
            PHASE,
            status,
            committed
                ? "{\"organisationInvolvement\":true,\"teamChangeIdeas\":true,"
                    + "\"proportionateDataCollection\":true}"
                : "null",
            history);
  }
}
