package org.mhaqi.console.team;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.mhaqi.console.ConsoleProperties;
import org.mhaqi.console.api.FieldError;
import org.mhaqi.console.api.Part;
import org.mhaqi.console.api.ProblemMessages;
import org.mhaqi.console.api.ServiceCalls;
import org.mhaqi.console.api.ServiceCalls.Service;
import org.mhaqi.console.api.ServiceRefusal;
import org.mhaqi.console.api.ServiceUnavailable;
import org.mhaqi.console.draft.FormDrafts;
import org.mhaqi.console.draft.FormDrafts.Draft;
import org.mhaqi.console.layout.Crumb;
import org.mhaqi.console.layout.Words;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A trust member's enrolments (enrollment-service shows them their own organisation's only): the
 * list, expressing interest, and one enrolment's project team, executive commitment and coaching
 * plan from coaching-service.
 */
@Controller
class TeamController {

  static final Crumb ENROLLMENTS = new Crumb("Your enrolments", "/enrollments");
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final Draft NONE = new Draft(Map.of(), List.of());

  private final ServiceCalls calls;
  private final FormDrafts drafts;
  private final ConsoleProperties properties;

  TeamController(ServiceCalls calls, FormDrafts drafts, ConsoleProperties properties) {
    this.calls = calls;
    this.drafts = drafts;
    this.properties = properties;
  }

  /** One enrolment as a row of the list. */
  record EnrollmentRow(UUID id, String service, String phase, String status) {}

  @GetMapping("/enrollments")
  String enrollments(Model model) {
    Map<UUID, String> phases = phaseNames();
    Part<List<EnrollmentRow>> rows =
        calls.part(
            "your enrolments",
            Service.ENROLLMENT,
            api -> {
              Map<UUID, String> services = serviceNames(api);
              return api
                  .get()
                  .uri("/api/enrollments?size=200")
                  .retrieve()
                  .body(new ParameterizedTypeReference<TeamApi.Page<TeamApi.Enrollment>>() {})
                  .content()
                  .stream()
                  .map(
                      e ->
                          new EnrollmentRow(
                              e.id(),
                              services.getOrDefault(e.serviceId(), "Service"),
                              phases.getOrDefault(e.phaseId(), "Phase"),
                              status(e.status())))
                  .toList();
            });
    model.addAttribute("rows", rows);
    model.addAttribute("crumbs", List.of(Crumb.HOME));
    return "team/enrollments";
  }

  @GetMapping("/enrollments/interest")
  String interestForm(HttpServletRequest request, Model model) {
    model.addAttribute(
        "services",
        calls.part("your organisation's services", Service.ENROLLMENT, TeamController::services));
    Part<Map<UUID, String>> phases =
        calls.part(
            "the programme's phases",
            Service.ENROLLMENT,
            api -> EnrollmentPage.phaseNames(programmes(api)));
    model.addAttribute("phases", phases);
    model.addAttribute("draft", drafts.find(request, "/enrollments/interest").orElse(NONE));
    model.addAttribute("crumbs", Crumb.trail(ENROLLMENTS));
    return "team/interest";
  }

  @PostMapping("/enrollments/interest")
  String expressInterest(HttpServletRequest request, RedirectAttributes redirect) {
    String path = "/enrollments/interest";
    Map<String, String> values = FormDrafts.values(request);
    TeamForms.Checked checked = TeamForms.interest(values);
    TeamApi.Enrollment created =
        send(
            request,
            path,
            values,
            checked,
            "expressing interest",
            api ->
                api.post()
                    .uri("/api/enrollments")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(checked.body())
                    .retrieve()
                    .body(TeamApi.Enrollment.class),
            TeamForms::interestField);
    if (created == null) {
      return "redirect:" + path;
    }
    redirect.addFlashAttribute(
        "doneMessage", "Your interest is recorded: " + status(created.status()) + ".");
    return "redirect:/enrollments/" + created.id();
  }

  @GetMapping("/enrollments/{enrollmentId}")
  String enrollment(@PathVariable UUID enrollmentId, HttpServletRequest request, Model model) {
    Part<TeamApi.Enrollment> enrollment =
        calls.part(
            "the enrolment",
            Service.ENROLLMENT,
            api ->
                api.get()
                    .uri("/api/enrollments/{id}", enrollmentId)
                    .retrieve()
                    .body(TeamApi.Enrollment.class));
    Part<List<TeamApi.Member>> team =
        calls.part(
            "the project team",
            Service.ENROLLMENT,
            api ->
                api.get()
                    .uri("/api/enrollments/{id}/team-members?size=200", enrollmentId)
                    .retrieve()
                    .body(new ParameterizedTypeReference<TeamApi.Page<TeamApi.Member>>() {})
                    .content());
    model.addAttribute("enrollment", enrollment);
    model.addAttribute("team", team);
    if (enrollment.available()) {
      TeamApi.Enrollment e = enrollment.value();
      model.addAttribute("status", status(e.status()));
      model.addAttribute(
          "service",
          calls.part(
              "the service's name",
              Service.ENROLLMENT,
              api ->
                  api.get()
                      .uri("/api/services/{id}", e.serviceId())
                      .retrieve()
                      .body(TeamApi.Service.class)));
      model.addAttribute("phase", phaseNames().getOrDefault(e.phaseId(), "Phase"));
      List<TeamApi.Member> members = team.available() ? team.value() : List.of();
      model.addAttribute("commitment", EnrollmentPage.commitment(e.executiveCommitment(), members));
      model.addAttribute(
          "plan",
          "ENROLLED".equals(e.status()) || "COMPLETED".equals(e.status())
              ? calls.part(
                  "the coaching plan",
                  Service.COACHING,
                  api ->
                      EnrollmentPage.plan(
                          api.get()
                              .uri("/api/enrollments/{id}/plan", enrollmentId)
                              .retrieve()
                              .body(TeamApi.Plan.class),
                          LocalDate.now(LONDON)))
              : null);
    }
    model.addAttribute(
        "members", team.available() ? EnrollmentPage.members(team.value()) : List.<Object>of());
    model.addAttribute(
        "sponsors", team.available() ? EnrollmentPage.sponsors(team.value()) : List.of());
    String base = "/enrollments/" + enrollmentId;
    Draft member = drafts.find(request, base + "/team-members").orElse(NONE);
    Draft commitment = drafts.find(request, base + "/executive-commitment").orElse(NONE);
    model.addAttribute("memberDraft", member);
    model.addAttribute("commitmentDraft", commitment);
    model.addAttribute(
        "errors",
        java.util.stream.Stream.concat(member.errors().stream(), commitment.errors().stream())
            .toList());
    model.addAttribute("roles", TeamForms.ROLES);
    model.addAttribute("backings", TeamForms.BACKINGS);
    model.addAttribute("crumbs", Crumb.trail(ENROLLMENTS));
    return "team/enrollment";
  }

  @PostMapping("/enrollments/{enrollmentId}/team-members")
  String addMember(
      @PathVariable UUID enrollmentId, HttpServletRequest request, RedirectAttributes redirect) {
    String path = "/enrollments/" + enrollmentId + "/team-members";
    Map<String, String> values = FormDrafts.values(request);
    TeamForms.Checked checked = TeamForms.member(values);
    Object added =
        send(
            request,
            path,
            values,
            checked,
            "adding the team member",
            api ->
                api.post()
                    .uri("/api/enrollments/{id}/team-members", enrollmentId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(checked.body())
                    .retrieve()
                    .toBodilessEntity(),
            TeamForms::memberField);
    if (added == null) {
      return "redirect:/enrollments/" + enrollmentId + "#team";
    }
    redirect.addFlashAttribute("doneMessage", values.get("name") + " joined the project team.");
    return "redirect:/enrollments/" + enrollmentId + "#team";
  }

  @PostMapping("/enrollments/{enrollmentId}/team-members/{memberId}/removal")
  String removeMember(
      @PathVariable UUID enrollmentId, @PathVariable UUID memberId, RedirectAttributes redirect) {
    try {
      calls.submit(
          "removing the team member",
          Service.ENROLLMENT,
          api ->
              api.delete()
                  .uri("/api/enrollments/{id}/team-members/{member}", enrollmentId, memberId)
                  .retrieve()
                  .toBodilessEntity(),
          ProblemMessages::asNamed);
      redirect.addFlashAttribute("doneMessage", "The member left the project team.");
    } catch (ServiceRefusal refusal) {
      redirect.addFlashAttribute("otherErrors", refusal.errors());
    } catch (ServiceUnavailable unavailable) {
      redirect.addFlashAttribute(
          "otherErrors", List.of(new FieldError(null, null, unavailable.getMessage())));
    }
    return "redirect:/enrollments/" + enrollmentId + "#team";
  }

  @PostMapping("/enrollments/{enrollmentId}/executive-commitment")
  String confirmCommitment(
      @PathVariable UUID enrollmentId, HttpServletRequest request, RedirectAttributes redirect) {
    String path = "/enrollments/" + enrollmentId + "/executive-commitment";
    Map<String, String> values = FormDrafts.values(request);
    TeamForms.Checked checked = TeamForms.commitment(values);
    Object confirmed =
        send(
            request,
            path,
            values,
            checked,
            "confirming the executive commitment",
            api ->
                api.put()
                    .uri("/api/enrollments/{id}/executive-commitment", enrollmentId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(checked.body())
                    .retrieve()
                    .toBodilessEntity(),
            TeamForms::commitmentField);
    if (confirmed != null) {
      redirect.addFlashAttribute("doneMessage", "The executive commitment is confirmed.");
    }
    return "redirect:/enrollments/" + enrollmentId + "#commitment";
  }

  @PostMapping("/enrollments/{enrollmentId}/calendar-link")
  String calendarLink(@PathVariable UUID enrollmentId, RedirectAttributes redirect) {
    try {
      TeamApi.Enrollment e =
          calls.submit(
              "reading the enrolment",
              Service.ENROLLMENT,
              api ->
                  api.get()
                      .uri("/api/enrollments/{id}", enrollmentId)
                      .retrieve()
                      .body(TeamApi.Enrollment.class),
              ProblemMessages::asNamed);
      TeamApi.CreatedSubscription created =
          calls.submit(
              "making the calendar link",
              Service.COACHING,
              api ->
                  api.post()
                      .uri("/api/calendar-subscriptions")
                      .contentType(MediaType.APPLICATION_JSON)
                      .body(Map.of("serviceId", e.serviceId()))
                      .retrieve()
                      .body(TeamApi.CreatedSubscription.class),
              ProblemMessages::asNamed);
      URI base = properties.services().coachingPublic();
      redirect.addFlashAttribute(
          "calendarLink",
          (base == null ? properties.services().coaching() : base)
              .resolve(created.url())
              .toString());
    } catch (ServiceRefusal refusal) {
      redirect.addFlashAttribute("otherErrors", refusal.errors());
    } catch (ServiceUnavailable unavailable) {
      redirect.addFlashAttribute(
          "otherErrors", List.of(new FieldError(null, null, unavailable.getMessage())));
    }
    return "redirect:/enrollments/" + enrollmentId + "#plan";
  }

  /** Sends a checked form; null (with the draft kept) when it was incomplete or refused. */
  private <T> T send(
      HttpServletRequest request,
      String path,
      Map<String, String> values,
      TeamForms.Checked checked,
      String what,
      Function<RestClient, T> call,
      Function<String, ProblemMessages.Field> fields) {
    if (!checked.valid()) {
      drafts.keep(request, path, values, checked.errors());
      return null;
    }
    try {
      T answer = calls.submit(what, Service.ENROLLMENT, call, fields);
      drafts.discard(request, path);
      return answer;
    } catch (ServiceRefusal refusal) {
      drafts.keep(request, path, values, refusal.errors());
    } catch (ServiceUnavailable unavailable) {
      drafts.keep(
          request, path, values, List.of(new FieldError(null, null, unavailable.getMessage())));
    }
    return null;
  }

  /** The life-cycle step as the programme says it. */
  static String status(String status) {
    return switch (status) {
      case "INTERESTED" -> "Interest expressed";
      case "WAITLISTED" -> "On the waitlist";
      default -> Words.plain(status);
    };
  }

  private Map<UUID, String> phaseNames() {
    Part<Map<UUID, String>> names =
        calls.part(
            "the programme's phases",
            Service.ENROLLMENT,
            api -> EnrollmentPage.phaseNames(programmes(api)));
    return names.available() ? names.value() : Map.of();
  }

  private static List<TeamApi.Programme> programmes(RestClient api) {
    return api.get()
        .uri("/api/programmes?size=200")
        .retrieve()
        .body(new ParameterizedTypeReference<TeamApi.Page<TeamApi.Programme>>() {})
        .content();
  }

  private static List<TeamApi.Service> services(RestClient api) {
    TeamApi.Organisation organisation =
        api
            .get()
            .uri("/api/organisations")
            .retrieve()
            .body(new ParameterizedTypeReference<TeamApi.Page<TeamApi.Organisation>>() {})
            .content()
            .stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new org.springframework.web.client.RestClientException(
                        "no organisation visible"));
    return api.get()
        .uri("/api/organisations/{id}/services?size=200", organisation.id())
        .retrieve()
        .body(new ParameterizedTypeReference<TeamApi.Page<TeamApi.Service>>() {})
        .content();
  }

  private static Map<UUID, String> serviceNames(RestClient api) {
    Map<UUID, String> names = new java.util.LinkedHashMap<>();
    services(api).forEach(s -> names.put(s.id(), s.name()));
    return names;
  }
}
