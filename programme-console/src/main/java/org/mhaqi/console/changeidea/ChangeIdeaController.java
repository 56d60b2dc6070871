package org.mhaqi.console.changeidea;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A service's change ideas and PDSA cycles, kept by evaluation-service. */
@Controller
class ChangeIdeaController {

  private static final Draft NONE = new Draft(Map.of(), List.of());

  private final ServiceCalls calls;
  private final FormDrafts drafts;

  ChangeIdeaController(ServiceCalls calls, FormDrafts drafts) {
    this.calls = calls;
    this.drafts = drafts;
  }

  record ServiceName(UUID id, String name) {}

  @GetMapping("/services/{serviceId}/change-ideas")
  String ideas(@PathVariable UUID serviceId, HttpServletRequest request, Model model) {
    model.addAttribute("service", serviceName(serviceId));
    model.addAttribute(
        "ideas",
        calls.part(
            "the service's change ideas",
            Service.EVALUATION,
            api ->
                api.get()
                    .uri("/api/change-ideas?serviceId={id}", serviceId)
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<ChangeIdeas.Idea>>() {})));
    model.addAttribute(
        "measures",
        calls.part(
            "the measure catalogue",
            Service.EVALUATION,
            api ->
                api.get()
                    .uri("/api/measures")
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<ChangeIdeas.Measure>>() {})));
    Draft draft = drafts.find(request, FormDrafts.pathOf(request)).orElse(NONE);
    model.addAttribute("draft", draft);
    model.addAttribute(
        "chosenMeasures",
        draft.value("measures") == null
            ? List.of()
            : Arrays.asList(draft.value("measures").split(",")));
    model.addAttribute("serviceId", serviceId);
    model.addAttribute("crumbs", Crumb.trail(new Crumb("Your enrolments", "/enrollments")));
    return "changeidea/ideas";
  }

  @PostMapping("/services/{serviceId}/change-ideas")
  String record(
      @PathVariable UUID serviceId, HttpServletRequest request, RedirectAttributes redirect) {
    String path = FormDrafts.pathOf(request);
    List<String> measures =
        request.getParameterValues("measures") == null
            ? List.of()
            : List.of(request.getParameterValues("measures"));
    Map<String, String> values = new LinkedHashMap<>(FormDrafts.values(request));
    values.put("measures", String.join(",", measures));
    ChangeIdeas.Checked checked = ChangeIdeas.idea(values, measures);
    ChangeIdeas.Idea recorded =
        send(
            request,
            path,
            values,
            checked,
            "recording the change idea",
            api ->
                api.post()
                    .uri("/api/services/{id}/change-ideas", serviceId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(checked.body())
                    .retrieve()
                    .body(ChangeIdeas.Idea.class),
            ChangeIdeas::ideaField);
    if (recorded == null) {
      return "redirect:" + path;
    }
    redirect.addFlashAttribute("doneMessage", "The change idea is recorded. Plan its first cycle.");
    return "redirect:/change-ideas/" + recorded.id();
  }

  @GetMapping("/change-ideas/{ideaId}")
  String idea(@PathVariable UUID ideaId, HttpServletRequest request, Model model) {
    Part<ChangeIdeas.Idea> idea =
        calls.part(
            "the change idea",
            Service.EVALUATION,
            api ->
                api.get()
                    .uri("/api/change-ideas/{id}", ideaId)
                    .retrieve()
                    .body(ChangeIdeas.Idea.class));
    model.addAttribute("idea", idea);
    String base = "/change-ideas/" + ideaId;
    Draft cycle = drafts.find(request, base + "/cycles").orElse(NONE);
    Draft outcome = drafts.find(request, base + "/outcome").orElse(NONE);
    model.addAttribute("cycleDraft", cycle);
    model.addAttribute("outcomeDraft", outcome);
    model.addAttribute(
        "errors",
        java.util.stream.Stream.concat(cycle.errors().stream(), outcome.errors().stream())
            .toList());
    model.addAttribute("acts", ChangeIdeas.ACTS);
    model.addAttribute(
        "crumbs",
        idea.available()
            ? Crumb.trail(
                new Crumb("Your enrolments", "/enrollments"),
                new Crumb(
                    "Change ideas", "/services/" + idea.value().serviceId() + "/change-ideas"))
            : Crumb.trail(new Crumb("Your enrolments", "/enrollments")));
    return "changeidea/idea";
  }

  @PostMapping("/change-ideas/{ideaId}/cycles")
  String startCycle(
      @PathVariable UUID ideaId, HttpServletRequest request, RedirectAttributes redirect) {
    String path = "/change-ideas/" + ideaId + "/cycles";
    Map<String, String> values = FormDrafts.values(request);
    ChangeIdeas.Checked checked = ChangeIdeas.cycle(values);
    Object started =
        send(
            request,
            path,
            values,
            checked,
            "starting the cycle",
            api ->
                api.post()
                    .uri("/api/change-ideas/{id}/cycles", ideaId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(checked.body())
                    .retrieve()
                    .toBodilessEntity(),
            ChangeIdeas::cycleField);
    if (started != null) {
      redirect.addFlashAttribute("doneMessage", "The cycle has started.");
    }
    return "redirect:/change-ideas/" + ideaId + "#cycles";
  }

  @PostMapping("/change-ideas/{ideaId}/cycles/{number}/outcome")
  String completeCycle(
      @PathVariable UUID ideaId,
      @PathVariable int number,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    String path = "/change-ideas/" + ideaId + "/outcome";
    Map<String, String> values = FormDrafts.values(request);
    ChangeIdeas.Checked checked = ChangeIdeas.outcome(values);
    Object completed =
        send(
            request,
            path,
            values,
            checked,
            "recording the cycle's outcome",
            api ->
                api.post()
                    .uri("/api/change-ideas/{id}/cycles/{number}/outcome", ideaId, number)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(checked.body())
                    .retrieve()
                    .toBodilessEntity(),
            ChangeIdeas::outcomeField);
    if (completed != null) {
      redirect.addFlashAttribute(
          "doneMessage",
          "Cycle " + number + " is complete: " + ChangeIdeas.ACTS.get(values.get("act")));
    }
    return "redirect:/change-ideas/" + ideaId + "#cycles";
  }

  /** Sends a checked form; null (with the draft kept) when it was incomplete or refused. */
  private <T> T send(
      HttpServletRequest request,
      String path,
      Map<String, String> values,
      ChangeIdeas.Checked checked,
      String what,
      Function<RestClient, T> call,
      Function<String, ProblemMessages.Field> fields) {
    if (!checked.errors().isEmpty()) {
      drafts.keep(request, path, values, checked.errors());
      return null;
    }
    try {
      T answer = calls.submit(what, Service.EVALUATION, call, fields);
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

  private Part<ServiceName> serviceName(UUID serviceId) {
    return calls.part(
        "the service's name",
        Service.ENROLLMENT,
        api -> api.get().uri("/api/services/{id}", serviceId).retrieve().body(ServiceName.class));
  }
}
