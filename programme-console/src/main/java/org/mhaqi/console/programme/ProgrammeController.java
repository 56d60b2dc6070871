package org.mhaqi.console.programme;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.mhaqi.console.programme.ProgrammeViews.Enrollment;
import org.mhaqi.console.programme.ProgrammeViews.Occupancy;
import org.mhaqi.console.programme.ProgrammeViews.Page;
import org.mhaqi.console.programme.ProgrammeViews.Phase;
import org.mhaqi.console.programme.ProgrammeViews.PhaseRow;
import org.mhaqi.console.programme.ProgrammeViews.Programme;
import org.mhaqi.console.programme.ProgrammeViews.ServiceName;
import org.mhaqi.console.programme.ProgrammeViews.WaitlistEntry;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The central team's programme: its phases with places taken and left; a phase's applications to
 * decide, its waitlist in order and its enrolments; an enrolment with its history, admitted or
 * declined here. enrollment-service decides who may see and do each (ADMIN).
 */
@Controller
class ProgrammeController {

  static final Crumb PROGRAMME = new Crumb("Programme and phases", "/programme");

  private final ServiceCalls calls;
  private final FormDrafts drafts;

  ProgrammeController(ServiceCalls calls, FormDrafts drafts) {
    this.calls = calls;
    this.drafts = drafts;
  }

  /** A programme and its phases as rows, for the page. */
  record ProgrammeRows(String name, List<PhaseRow> phases) {}

  /** An enrolment as a row: its service's name (or why not), status and application time. */
  record EnrollmentRow(
      UUID id, String service, String status, String tagColour, String appliedAt, boolean open) {}

  /** A place on the waitlist as a row. */
  record WaitingRow(int position, UUID enrollmentId, String service, String appliedAt) {}

  @GetMapping("/programme")
  String programme(Model model) {
    Part<List<Programme>> programmes = programmes();
    Part<List<ProgrammeRows>> rows =
        programmes.available()
            ? Part.of(
                programmes.value().stream()
                    .map(
                        p ->
                            new ProgrammeRows(
                                p.name(), p.phases().stream().map(this::phaseRow).toList()))
                    .toList())
            : Part.missing(programmes.unavailable());
    model.addAttribute("programmes", rows);
    model.addAttribute("crumbs", List.of(Crumb.HOME));
    return "programme/programme";
  }

  @GetMapping("/programme/phases/{phaseId}")
  String phase(@PathVariable UUID phaseId, Model model) {
    Part<Occupancy> occupancy = occupancy(phaseId);
    Map<UUID, String> names = new HashMap<>();
    Part<List<EnrollmentRow>> applications =
        enrollments(phaseId, "INTERESTED", "the applications to decide", names);
    Part<List<WaitingRow>> waitlist =
        calls.part(
            "the waitlist",
            Service.ENROLLMENT,
            api ->
                api
                    .get()
                    .uri("/api/phases/{id}/waitlist?size=200", phaseId)
                    .retrieve()
                    .body(new ParameterizedTypeReference<Page<WaitlistEntry>>() {})
                    .content()
                    .stream()
                    .map(
                        w ->
                            new WaitingRow(
                                w.position(),
                                w.enrollmentId(),
                                serviceName(w.serviceId(), names),
                                ProgrammeViews.moment(w.appliedAt())))
                    .toList());
    model.addAttribute("phaseId", phaseId);
    model.addAttribute("occupancy", occupancy);
    model.addAttribute(
        "places",
        occupancy.available()
            ? ProgrammeViews.places(occupancy.value().placesLeft())
            : "Not known");
    model.addAttribute("applications", applications);
    model.addAttribute("waitlist", waitlist);
    model.addAttribute("enrollments", enrollments(phaseId, null, "the phase's enrolments", names));
    model.addAttribute("crumbs", Crumb.trail(PROGRAMME));
    return "programme/phase";
  }

  @GetMapping("/programme/enrollments/{enrollmentId}")
  String enrollment(@PathVariable UUID enrollmentId, HttpServletRequest request, Model model) {
    Part<Enrollment> enrollment =
        calls.part(
            "the enrolment",
            Service.ENROLLMENT,
            api ->
                api.get()
                    .uri("/api/enrollments/{id}", enrollmentId)
                    .retrieve()
                    .body(Enrollment.class));
    Map<UUID, String> names = new HashMap<>();
    model.addAttribute("enrollment", enrollment);
    model.addAttribute("enrollmentId", enrollmentId);
    if (enrollment.available()) {
      Enrollment e = enrollment.value();
      model.addAttribute("service", serviceName(e.serviceId(), names));
      model.addAttribute("phase", phaseName(e.phaseId()));
      model.addAttribute("status", ProgrammeViews.status(e.status()));
      model.addAttribute("tagColour", ProgrammeViews.tagColour(e.status()));
      model.addAttribute("appliedAt", ProgrammeViews.moment(e.appliedAt()));
      model.addAttribute("history", ProgrammeViews.history(e.history()));
    }
    model.addAttribute(
        "draft",
        drafts.find(request, declinePath(enrollmentId)).orElse(new Draft(Map.of(), List.of())));
    model.addAttribute(
        "withdrawal",
        drafts.find(request, withdrawalPath(enrollmentId)).orElse(new Draft(Map.of(), List.of())));
    model.addAttribute("reasons", ProgrammeViews.WITHDRAWAL_REASONS);
    List<Crumb> crumbs = new ArrayList<>(List.of(Crumb.HOME, PROGRAMME));
    if (enrollment.available()) {
      crumbs.add(new Crumb("Phase", "/programme/phases/" + enrollment.value().phaseId()));
    }
    model.addAttribute("crumbs", crumbs);
    return "programme/enrollment";
  }

  /**
   * Where a form sent after the session ended resumes once the user has signed in again (see
   * DraftKeepingFilter): the enrolment's page, which shows what was typed.
   */
  @GetMapping({
    "/programme/enrollments/{enrollmentId}/admission",
    "/programme/enrollments/{enrollmentId}/decline",
    "/programme/enrollments/{enrollmentId}/withdrawal"
  })
  String resume(@PathVariable UUID enrollmentId) {
    return "redirect:/programme/enrollments/" + enrollmentId;
  }

  @PostMapping("/programme/enrollments/{enrollmentId}/admission")
  String admit(@PathVariable UUID enrollmentId, RedirectAttributes redirect) {
    String back = "redirect:/programme/enrollments/" + enrollmentId;
    try {
      Enrollment admitted =
          calls.submit(
              "admitting the service",
              Service.ENROLLMENT,
              api ->
                  api.post()
                      .uri("/api/enrollments/{id}/admission", enrollmentId)
                      .retrieve()
                      .body(Enrollment.class),
              field -> ProblemMessages.asIs(null));
      redirect.addFlashAttribute(
          "doneMessage",
          admitted != null && "WAITLISTED".equals(admitted.status())
              ? "The phase is full: the service is on the waitlist."
              : "The service is enrolled.");
    } catch (ServiceRefusal refusal) {
      redirect.addFlashAttribute("actionErrors", inWords(refusal.errors()));
    } catch (ServiceUnavailable unavailable) {
      redirect.addFlashAttribute(
          "actionErrors", List.of(new FieldError(null, null, unavailable.getMessage())));
    }
    return back;
  }

  @PostMapping("/programme/enrollments/{enrollmentId}/decline")
  String decline(
      @PathVariable UUID enrollmentId,
      @RequestParam(name = "reason", required = false) String reason,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    String path = declinePath(enrollmentId);
    String back = "redirect:/programme/enrollments/" + enrollmentId;
    Map<String, String> values = Map.of("reason", reason == null ? "" : reason);
    if (reason == null || reason.isBlank()) {
      drafts.keep(
          request,
          path,
          values,
          List.of(new FieldError("reason", null, "Enter the reason for declining")));
      return back;
    }
    try {
      calls.submit(
          "declining the application",
          Service.ENROLLMENT,
          api ->
              api.post()
                  .uri("/api/enrollments/{id}/decline", enrollmentId)
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(Map.of("reason", reason.strip()))
                  .retrieve()
                  .toBodilessEntity(),
          field ->
              "reason".equals(field)
                  ? new ProblemMessages.Field("reason", "reason for declining")
                  : ProblemMessages.asIs(null));
    } catch (ServiceRefusal refusal) {
      drafts.keep(request, path, values, inWords(refusal.errors()));
      return back;
    } catch (ServiceUnavailable unavailable) {
      drafts.keep(
          request, path, values, List.of(new FieldError(null, null, unavailable.getMessage())));
      return back;
    }
    drafts.discard(request, path);
    redirect.addFlashAttribute("doneMessage", "The application was declined.");
    return back;
  }

  @PostMapping("/programme/enrollments/{enrollmentId}/withdrawal")
  String withdraw(
      @PathVariable UUID enrollmentId,
      @RequestParam(name = "reasonCode", required = false) String reasonCode,
      @RequestParam(name = "withdrawal-reason", required = false) String reason,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    String path = withdrawalPath(enrollmentId);
    String back = "redirect:/programme/enrollments/" + enrollmentId;
    Map<String, String> values =
        Map.of(
            "reasonCode",
            reasonCode == null ? "" : reasonCode,
            "withdrawal-reason",
            reason == null ? "" : reason);
    List<FieldError> missing = new ArrayList<>();
    boolean known =
        ProgrammeViews.WITHDRAWAL_REASONS.stream().anyMatch(r -> r.code().equals(reasonCode));
    if (!known) {
      missing.add(new FieldError("reasonCode", null, "Select why the service withdraws"));
    }
    if (reason == null || reason.isBlank()) {
      missing.add(new FieldError("withdrawal-reason", null, "Enter the reason for the withdrawal"));
    }
    if (!missing.isEmpty()) {
      drafts.keep(request, path, values, missing);
      return back;
    }
    try {
      calls.submit(
          "withdrawing the service",
          Service.ENROLLMENT,
          api ->
              api.post()
                  .uri("/api/enrollments/{id}/withdrawal", enrollmentId)
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(Map.of("reasonCode", reasonCode, "reason", reason.strip()))
                  .retrieve()
                  .toBodilessEntity(),
          field ->
              "reason".equals(field)
                  ? new ProblemMessages.Field("withdrawal-reason", "reason for the withdrawal")
                  : ProblemMessages.asIs(null));
    } catch (ServiceRefusal refusal) {
      drafts.keep(request, path, values, inWords(refusal.errors()));
      return back;
    } catch (ServiceUnavailable unavailable) {
      drafts.keep(
          request, path, values, List.of(new FieldError(null, null, unavailable.getMessage())));
      return back;
    }
    drafts.discard(request, path);
    redirect.addFlashAttribute(
        "doneMessage",
        "The service was withdrawn. A place it held went to the first service on the waitlist.");
    return back;
  }

  private static String withdrawalPath(UUID enrollmentId) {
    return "/programme/enrollments/" + enrollmentId + "/withdrawal";
  }

  private static List<FieldError> inWords(List<FieldError> errors) {
    return errors.stream()
        .map(e -> new FieldError(e.field(), e.row(), ProgrammeViews.inWords(e.message())))
        .toList();
  }

  private static String declinePath(UUID enrollmentId) {
    return "/programme/enrollments/" + enrollmentId + "/decline";
  }

  private Part<List<Programme>> programmes() {
    return calls.part(
        "the programme and its phases",
        Service.ENROLLMENT,
        api ->
            api.get()
                .uri("/api/programmes?size=200")
                .retrieve()
                .body(new ParameterizedTypeReference<Page<Programme>>() {})
                .content());
  }

  private PhaseRow phaseRow(Phase phase) {
    Part<Occupancy> occupancy = occupancy(phase.id());
    return ProgrammeViews.row(phase, occupancy.value(), occupancy.unavailable());
  }

  private Part<Occupancy> occupancy(UUID phaseId) {
    return calls.part(
        "the places in this phase",
        Service.ENROLLMENT,
        api -> api.get().uri("/api/phases/{id}", phaseId).retrieve().body(Occupancy.class));
  }

  private Part<List<EnrollmentRow>> enrollments(
      UUID phaseId, String status, String what, Map<UUID, String> names) {
    return calls.part(
        what,
        Service.ENROLLMENT,
        api ->
            api
                .get()
                .uri(
                    status == null
                        ? "/api/enrollments?phaseId={phase}&size=200"
                        : "/api/enrollments?phaseId={phase}&status={status}&size=200",
                    phaseId,
                    status)
                .retrieve()
                .body(new ParameterizedTypeReference<Page<Enrollment>>() {})
                .content()
                .stream()
                .map(
                    e ->
                        new EnrollmentRow(
                            e.id(),
                            serviceName(e.serviceId(), names),
                            ProgrammeViews.status(e.status()),
                            ProgrammeViews.tagColour(e.status()),
                            ProgrammeViews.moment(e.appliedAt()),
                            e.decidable()))
                .toList());
  }

  /** The service's name; "Service" with its id's start if it cannot be read just now. */
  private String serviceName(UUID serviceId, Map<UUID, String> names) {
    return names.computeIfAbsent(
        serviceId,
        id -> {
          Part<ServiceName> name =
              calls.part(
                  "the service's name",
                  Service.ENROLLMENT,
                  api ->
                      api.get().uri("/api/services/{id}", id).retrieve().body(ServiceName.class));
          return name.available()
              ? name.value().name()
              : "Service " + id.toString().substring(0, 8);
        });
  }

  private String phaseName(UUID phaseId) {
    Part<Phase> phase =
        calls.part(
            "the phase",
            Service.ENROLLMENT,
            api -> api.get().uri("/api/phases/{id}", phaseId).retrieve().body(Phase.class));
    return phase.available() && phase.value().name() != null ? phase.value().name() : "Phase";
  }
}
