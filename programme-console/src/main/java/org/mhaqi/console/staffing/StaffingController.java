package org.mhaqi.console.staffing;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.console.api.FieldError;
import org.mhaqi.console.api.Part;
import org.mhaqi.console.api.ProblemMessages;
import org.mhaqi.console.api.ServiceCalls;
import org.mhaqi.console.api.ServiceCalls.Service;
import org.mhaqi.console.api.ServiceRefusal;
import org.mhaqi.console.api.ServiceUnavailable;
import org.mhaqi.console.layout.Crumb;
import org.mhaqi.console.layout.Words;
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
 * Scheduled sessions without a coach: staffed all at once where a coach is now free, or one at a
 * time with a chosen coach (coaching-service refuses a coach who is away, off or full that day).
 */
@Controller
class StaffingController {

  static final String ASSIGNED = "A coach was assigned to an unstaffed session by the central team";
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.UK);

  private final ServiceCalls calls;

  StaffingController(ServiceCalls calls) {
    this.calls = calls;
  }

  record Page<T>(List<T> content) {
    Page {
      content = content == null ? List.of() : List.copyOf(content);
    }
  }

  record Session(
      UUID id,
      UUID serviceId,
      String level,
      String kind,
      LocalDateTime startsAt,
      int durationMinutes) {}

  record Coach(UUID id, String name, List<String> levels, java.time.Instant erasedAt) {}

  record ServiceName(String name) {}

  record StaffingResult(int staffed, long stillUnstaffed) {}

  /** A session as a row: when, which service, what kind, the coaches who deliver its level. */
  record Row(
      UUID id, String when, String startsAt, String service, String what, List<Coach> coaches) {}

  @GetMapping("/staffing")
  String unstaffed(Model model) {
    Part<List<Coach>> coaches =
        calls.part(
            "the coaches",
            Service.COACHING,
            api ->
                api
                    .get()
                    .uri("/api/coaches?size=200")
                    .retrieve()
                    .body(new ParameterizedTypeReference<Page<Coach>>() {})
                    .content()
                    .stream()
                    .filter(c -> c.erasedAt() == null)
                    .toList());
    Map<UUID, String> names = new java.util.HashMap<>();
    model.addAttribute(
        "sessions",
        calls.part(
            "the unstaffed sessions",
            Service.COACHING,
            api ->
                api
                    .get()
                    .uri("/api/sessions/unstaffed?size=200")
                    .retrieve()
                    .body(new ParameterizedTypeReference<Page<Session>>() {})
                    .content()
                    .stream()
                    .map(s -> row(s, coaches.value(), names))
                    .toList()));
    model.addAttribute("coachesPart", coaches);
    model.addAttribute("crumbs", List.of(Crumb.HOME));
    return "staffing/unstaffed";
  }

  @PostMapping("/staffing")
  String staffWhereFree(RedirectAttributes redirect) {
    try {
      StaffingResult result =
          calls.submit(
              "staffing the sessions",
              Service.COACHING,
              api ->
                  api.post()
                      .uri("/api/sessions/unstaffed/staffing")
                      .retrieve()
                      .body(StaffingResult.class),
              field -> ProblemMessages.asIs(null));
      redirect.addFlashAttribute(
          "doneMessage",
          result == null
              ? "Staffing was asked for."
              : sessions(result.staffed())
                  + " staffed; "
                  + sessions(result.stillUnstaffed())
                  + " still without a coach.");
    } catch (ServiceRefusal refusal) {
      redirect.addFlashAttribute("actionErrors", refusal.errors());
    } catch (ServiceUnavailable unavailable) {
      redirect.addFlashAttribute(
          "actionErrors", List.of(new FieldError(null, null, unavailable.getMessage())));
    }
    return "redirect:/staffing";
  }

  /** Where an assignment sent after the session ended resumes after signing in again. */
  @GetMapping("/staffing/sessions/{sessionId}")
  String resume(@PathVariable UUID sessionId) {
    return "redirect:/staffing";
  }

  @PostMapping("/staffing/sessions/{sessionId}")
  String assign(
      @PathVariable UUID sessionId,
      @RequestParam(name = "coachId", required = false) UUID coachId,
      @RequestParam(name = "startsAt", required = false) LocalDateTime startsAt,
      RedirectAttributes redirect) {
    String field = "coach-" + sessionId;
    if (coachId == null || startsAt == null) {
      redirect.addFlashAttribute(
          "actionErrors", List.of(new FieldError(field, null, "Select a coach for the session")));
      return "redirect:/staffing";
    }
    try {
      calls.submit(
          "assigning the coach",
          Service.COACHING,
          api ->
              api.post()
                  .uri("/api/sessions/{id}/reschedule", sessionId)
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(
                      Map.of(
                          "startsAt",
                          startsAt.toString(),
                          "coachId",
                          coachId.toString(),
                          "reasonCode",
                          "COACH_REASSIGNED",
                          "reason",
                          ASSIGNED))
                  .retrieve()
                  .toBodilessEntity(),
          f -> ProblemMessages.asIs(field));
      redirect.addFlashAttribute("doneMessage", "The session has a coach.");
    } catch (ServiceRefusal refusal) {
      redirect.addFlashAttribute("actionErrors", refusal.errors());
    } catch (ServiceUnavailable unavailable) {
      redirect.addFlashAttribute(
          "actionErrors", List.of(new FieldError(field, null, unavailable.getMessage())));
    }
    return "redirect:/staffing";
  }

  static String sessions(long count) {
    return count == 1 ? "1 session" : count + " sessions";
  }

  private Row row(Session s, List<Coach> coaches, Map<UUID, String> names) {
    String service =
        names.computeIfAbsent(
            s.serviceId(),
            id -> {
              Part<ServiceName> name =
                  calls.part(
                      "the service's name",
                      Service.ENROLLMENT,
                      api ->
                          api.get()
                              .uri("/api/services/{id}", id)
                              .retrieve()
                              .body(ServiceName.class));
              return name.available() ? name.value().name() : "A service";
            });
    List<Coach> able =
        coaches == null
            ? List.of()
            : coaches.stream()
                .filter(c -> c.levels() == null || c.levels().contains(s.level()))
                .toList();
    return new Row(
        s.id(),
        s.startsAt() == null ? "" : WHEN.format(s.startsAt()),
        s.startsAt() == null ? "" : s.startsAt().toString(),
        service,
        Words.plain(s.level())
            + ", "
            + Words.plain(s.kind()).toLowerCase(Locale.ROOT)
            + " ("
            + s.durationMinutes()
            + " minutes)",
        able);
  }
}
