package org.mhaqi.console.commitment;

import jakarta.servlet.http.HttpServletRequest;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.console.api.FieldError;
import org.mhaqi.console.api.Part;
import org.mhaqi.console.api.ServiceCalls;
import org.mhaqi.console.api.ServiceCalls.Service;
import org.mhaqi.console.api.ServiceRefusal;
import org.mhaqi.console.api.ServiceUnavailable;
import org.mhaqi.console.draft.FormDrafts;
import org.mhaqi.console.draft.FormDrafts.Draft;
import org.mhaqi.console.layout.Crumb;
import org.mhaqi.console.layout.Words;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A service's weekly time commitment, returned to and reported by evaluation-service. */
@Controller
class TimeCommitmentController {

  private final ServiceCalls calls;
  private final FormDrafts drafts;

  TimeCommitmentController(ServiceCalls calls, FormDrafts drafts) {
    this.calls = calls;
    this.drafts = drafts;
  }

  record ServiceName(UUID id, String name) {}

  @GetMapping("/services/{serviceId}/time-commitment")
  String page(@PathVariable UUID serviceId, HttpServletRequest request, Model model) {
    model.addAttribute(
        "service",
        calls.part(
            "the service's name",
            Service.ENROLLMENT,
            api ->
                api.get().uri("/api/services/{id}", serviceId).retrieve().body(ServiceName.class)));
    Part<WeeklyHours.Report> report =
        calls.part(
            "the weeks returned",
            Service.EVALUATION,
            api ->
                api.get()
                    .uri("/api/services/{id}/time-commitment", serviceId)
                    .retrieve()
                    .body(WeeklyHours.Report.class));
    model.addAttribute("report", report);
    if (report.available()) {
      model.addAttribute("verdict", WeeklyHours.verdict(report.value()));
      model.addAttribute("flagColour", WeeklyHours.tagColour(report.value().flag()));
      model.addAttribute(
          "flagWords",
          report.value().flag() == null ? "No returns" : Words.plain(report.value().flag()));
    }
    model.addAttribute("serviceId", serviceId);
    model.addAttribute(
        "lastMonday",
        LocalDate.now(ZoneId.of("Europe/London"))
            .minusWeeks(1)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    model.addAttribute(
        "draft",
        drafts.find(request, FormDrafts.pathOf(request)).orElse(new Draft(Map.of(), List.of())));
    model.addAttribute("crumbs", Crumb.trail(new Crumb("Your enrolments", "/enrollments")));
    return "commitment/time-commitment";
  }

  @PostMapping("/services/{serviceId}/time-commitment")
  String submit(
      @PathVariable UUID serviceId, HttpServletRequest request, RedirectAttributes redirect) {
    String path = FormDrafts.pathOf(request);
    Map<String, String> values = FormDrafts.values(request);
    WeeklyHours.Checked checked = WeeklyHours.check(values);
    if (!checked.errors().isEmpty()) {
      drafts.keep(request, path, values, checked.errors());
      return "redirect:" + path;
    }
    try {
      calls.submit(
          "returning the week's hours",
          Service.EVALUATION,
          api ->
              api.post()
                  .uri("/api/services/{id}/time-commitment", serviceId)
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(checked.body())
                  .retrieve()
                  .toBodilessEntity(),
          WeeklyHours::field);
    } catch (ServiceRefusal refusal) {
      drafts.keep(request, path, values, refusal.errors());
      return "redirect:" + path;
    } catch (ServiceUnavailable unavailable) {
      drafts.keep(
          request, path, values, List.of(new FieldError(null, null, unavailable.getMessage())));
      return "redirect:" + path;
    }
    drafts.discard(request, path);
    redirect.addFlashAttribute(
        "doneMessage", "The hours of the week starting " + values.get("week") + " are returned.");
    return "redirect:" + path;
  }
}
