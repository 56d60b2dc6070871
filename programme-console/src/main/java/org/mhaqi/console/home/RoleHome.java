package org.mhaqi.console.home;

import java.util.ArrayList;
import java.util.List;
import org.mhaqi.console.signin.ConsoleUser;

/**
 * What a user's roles let them do in the console, one section per role, in the programme's words.
 * An action without a link is shown as coming later, so that nobody looks for it elsewhere.
 */
record RoleHome(String greeting, List<Section> sections) {

  record Section(String heading, List<Action> actions) {}

  /**
   * @param href null while the console does not offer it yet
   */
  record Action(String title, String description, String href) {}

  static RoleHome of(ConsoleUser user) {
    List<Section> sections = new ArrayList<>();
    if (user.hasRole("TRUST_MEMBER")) {
      sections.add(
          new Section(
              "Your organisation",
              List.of(
                  new Action(
                      "Your organisation, services and enrolments",
                      "See your services and where each stands in the programme.",
                      "/organisation"),
                  new Action(
                      "Your enrolments",
                      "Each service's project team, executive commitment, coaching plan, weekly"
                          + " time commitment and calendar link; expressing interest in a phase.",
                      "/enrollments"),
                  new Action(
                      "Monthly data returns",
                      "Send a service's monthly figures by form or as a CSV file, and see what was"
                          + " sent.",
                      "/organisation"),
                  new Action(
                      "Charts and verdicts",
                      "Your services' run charts and what they show.",
                      "/organisation"))));
    }
    if (user.hasRole("COACH")) {
      sections.add(
          new Section(
              "Your coaching",
              List.of(
                  new Action(
                      "Your sessions",
                      "This week's and next week's sessions: attendance, completion,"
                          + " rescheduling and cancelling; your calendar link.",
                      "/sessions"),
                  new Action(
                      "Your days away",
                      "The days no session is planned with you: leave, training.",
                      "/days-away"))));
    }
    if (user.hasRole("ADMIN")) {
      sections.add(
          new Section(
              "Running the programme",
              List.of(
                  new Action(
                      "Programme and phases",
                      "Places taken and left in each phase, the applications to decide, the"
                          + " waitlist in its order and each enrolment's history.",
                      "/programme"),
                  new Action(
                      "Organisations and services",
                      "Every organisation, its services and their enrolments.",
                      "/organisations"),
                  new Action(
                      "Coaches",
                      "Each coach's load this week and next, and their days away.",
                      "/coaches"),
                  new Action(
                      "Unstaffed sessions",
                      "Sessions without a coach: staff them where a coach is free, or choose one.",
                      "/staffing"),
                  new Action(
                      "Data returns owed",
                      "Returns due, overdue and sent late by service.",
                      "/returns-owed"))));
    }
    if (user.hasRole("ANALYST") || user.hasRole("ADMIN")) {
      sections.add(
          new Section(
              "Reports",
              List.of(
                  new Action(
                      "Phase reports",
                      "Each phase's report, pilot against wider, equity and CSV downloads.",
                      "/analysis"))));
    }
    String greeting =
        sections.isEmpty()
            ? "Your account has no role in the programme's console. Ask the central team for one."
            : "What you can do";
    return new RoleHome(greeting, sections);
  }
}
