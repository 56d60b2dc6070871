package org.mhaqi.console.sessions;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The coach's pages. coaching-service knows the coach by their token's e-mail address and lets them
 * see and change only their own sessions and days away; the console finds their record with {@code
 * GET /api/coaches/mine}.
 */
@Controller
class CoachSessionsController {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final Crumb SESSIONS = new Crumb("Your sessions", "/sessions");

  static final String NOT_ON_THE_ROSTER =
      "Your sign-in is not linked to a coach on the programme's roster. Ask the central team to"
          + " register you with the e-mail address you sign in with.";

  private final ServiceCalls calls;
  private final FormDrafts drafts;
  private final ConsoleProperties properties;
  private final Clock clock;

  CoachSessionsController(ServiceCalls calls, FormDrafts drafts, ConsoleProperties properties) {
    this.calls = calls;
    this.drafts = drafts;
    this.properties = properties;
    this.clock = Clock.system(LONDON);
  }

  /** A page of coaching-service's lists. */
  record Page<T>(List<T> content) {
    Page {
      content = content == null ? List.of() : List.copyOf(content);
    }
  }

  record CreatedSubscription(UUID id, String url) {}

  @GetMapping("/sessions")
  String sessions(Model model) {
    Part<Coach> coach = coach();
    LocalDate today = LocalDate.now(clock);
    LocalDate monday = CoachWeeks.monday(today);
    // Four weeks back too: sessions delivered but not yet recorded.
    Part<CoachWeeks> weeks =
        coach.available()
            ? calls.part(
                "your sessions",
                Service.COACHING,
                api ->
                    CoachWeeks.of(
                        api.get()
                            .uri(
                                "/api/coaches/{id}/sessions?from={from}&to={to}&size=200",
                                coach.value().id(),
                                CoachWeeks.earliest(today),
                                monday.plusWeeks(2).minusDays(1))
                            .retrieve()
                            .body(new ParameterizedTypeReference<Page<CoachingSession>>() {})
                            .content(),
                        today))
            : Part.missing(coach.unavailable());
    model.addAttribute("coach", coach);
    model.addAttribute("weeks", weeks);
    model.addAttribute("crumbs", List.of(Crumb.HOME));
    return "sessions/sessions";
  }

  @GetMapping("/sessions/{sessionId}")
  String session(@PathVariable UUID sessionId, HttpServletRequest request, Model model) {
    Part<CoachingSession> session =
        calls.part(
            "the session",
            Service.COACHING,
            api ->
                api.get()
                    .uri("/api/sessions/{id}", sessionId)
                    .retrieve()
                    .body(CoachingSession.class));
    model.addAttribute("found", session);
    model.addAttribute("view", session.available() ? SessionPage.of(session.value()) : null);
    String base = "/sessions/" + sessionId;
    Draft none = new Draft(Map.of(), List.of());
    Draft completion = drafts.find(request, base + "/completion").orElse(none);
    Draft reschedule = drafts.find(request, base + "/reschedule").orElse(none);
    Draft cancellation = drafts.find(request, base + "/cancellation").orElse(none);
    model.addAttribute("completion", completion);
    model.addAttribute("reschedule", reschedule);
    model.addAttribute("cancellation", cancellation);
    model.addAttribute(
        "errors",
        java.util.stream.Stream.of(completion, reschedule, cancellation)
            .flatMap(d -> d.errors().stream())
            .toList());
    model.addAttribute("teamRoles", SessionForms.TEAM_ROLES);
    model.addAttribute("rescheduleReasons", SessionForms.RESCHEDULE_REASONS);
    model.addAttribute("cancellationReasons", SessionForms.CANCELLATION_REASONS);
    model.addAttribute("crumbs", Crumb.trail(SESSIONS));
    return "sessions/session";
  }

  @PostMapping("/sessions/{sessionId}/completion")
  String complete(
      @PathVariable UUID sessionId, HttpServletRequest request, RedirectAttributes redirect) {
    return change(
        sessionId,
        request,
        redirect,
        SessionForms.completion(FormDrafts.values(request)),
        "recording the session",
        "completion",
        SessionForms::completionField,
        "Attendance recorded: the session is completed.");
  }

  @PostMapping("/sessions/{sessionId}/reschedule")
  String reschedule(
      @PathVariable UUID sessionId, HttpServletRequest request, RedirectAttributes redirect) {
    return change(
        sessionId,
        request,
        redirect,
        SessionForms.reschedule(FormDrafts.values(request)),
        "rescheduling the session",
        "reschedule",
        SessionForms::rescheduleField,
        "The session was moved.");
  }

  @PostMapping("/sessions/{sessionId}/cancellation")
  String cancel(
      @PathVariable UUID sessionId, HttpServletRequest request, RedirectAttributes redirect) {
    return change(
        sessionId,
        request,
        redirect,
        SessionForms.cancellation(FormDrafts.values(request)),
        "cancelling the session",
        "cancellation",
        SessionForms::cancellationField,
        "The session was cancelled.");
  }

  private String change(
      UUID sessionId,
      HttpServletRequest request,
      RedirectAttributes redirect,
      SessionForms.Checked checked,
      String what,
      String action,
      Function<String, ProblemMessages.Field> fields,
      String done) {
    String page = "/sessions/" + sessionId;
    String path = page + "/" + action;
    Map<String, String> values = FormDrafts.values(request);
    if (!checked.valid()) {
      drafts.keep(request, path, values, checked.errors());
      return "redirect:" + page + "#" + action;
    }
    try {
      calls.submit(
          what,
          Service.COACHING,
          api ->
              api.post()
                  .uri("/api/sessions/{id}/" + action, sessionId)
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(checked.body())
                  .retrieve()
                  .toBodilessEntity(),
          fields);
    } catch (ServiceRefusal refusal) {
      drafts.keep(request, path, values, refusal.errors());
      return "redirect:" + page + "#" + action;
    } catch (ServiceUnavailable unavailable) {
      drafts.keep(
          request, path, values, List.of(new FieldError(null, null, unavailable.getMessage())));
      return "redirect:" + page + "#" + action;
    }
    drafts.discard(request, path);
    redirect.addFlashAttribute("doneMessage", done);
    return "redirect:" + page;
  }

  @GetMapping("/days-away")
  String daysAway(HttpServletRequest request, Model model) {
    model.addAttribute("coach", coach());
    model.addAttribute(
        "draft", drafts.find(request, "/days-away").orElse(new Draft(Map.of(), List.of())));
    model.addAttribute("crumbs", Crumb.trail(SESSIONS));
    return "sessions/days-away";
  }

  @PostMapping("/days-away")
  String addDaysAway(HttpServletRequest request, RedirectAttributes redirect) {
    Map<String, String> values = FormDrafts.values(request);
    SessionForms.Checked checked = SessionForms.daysAway(values);
    if (!checked.valid()) {
      drafts.keep(request, "/days-away", values, checked.errors());
      return "redirect:/days-away";
    }
    try {
      UUID coachId = coachId();
      calls.submit(
          "recording your days away",
          Service.COACHING,
          api ->
              api.post()
                  .uri("/api/coaches/{id}/days-away", coachId)
                  .contentType(MediaType.APPLICATION_JSON)
                  .body(checked.body())
                  .retrieve()
                  .toBodilessEntity(),
          SessionForms::daysAwayField);
    } catch (ServiceRefusal refusal) {
      drafts.keep(request, "/days-away", values, refusal.errors());
      return "redirect:/days-away";
    } catch (ServiceUnavailable unavailable) {
      drafts.keep(
          request,
          "/days-away",
          values,
          List.of(new FieldError(null, null, unavailable.getMessage())));
      return "redirect:/days-away";
    }
    drafts.discard(request, "/days-away");
    redirect.addFlashAttribute(
        "doneMessage",
        "Your days away from " + values.get("from") + " to " + values.get("to") + " are recorded.");
    return "redirect:/days-away";
  }

  @PostMapping("/days-away/removal")
  String removeDayAway(@RequestParam LocalDate day, RedirectAttributes redirect) {
    try {
      UUID coachId = coachId();
      calls.submit(
          "removing a day away",
          Service.COACHING,
          api ->
              api.delete()
                  .uri("/api/coaches/{id}/days-away?from={day}&to={day}", coachId, day, day)
                  .retrieve()
                  .toBodilessEntity(),
          ProblemMessages::asNamed);
      redirect.addFlashAttribute("doneMessage", "You are no longer away on " + day + ".");
    } catch (ServiceRefusal refusal) {
      redirect.addFlashAttribute("removalErrors", refusal.errors());
    } catch (ServiceUnavailable unavailable) {
      redirect.addFlashAttribute(
          "removalErrors", List.of(new FieldError(null, null, unavailable.getMessage())));
    }
    return "redirect:/days-away";
  }

  @PostMapping("/sessions/calendar-link")
  String calendarLink(RedirectAttributes redirect) {
    try {
      UUID coachId = coachId();
      CreatedSubscription created =
          calls.submit(
              "making your calendar link",
              Service.COACHING,
              api ->
                  api.post()
                      .uri("/api/calendar-subscriptions")
                      .contentType(MediaType.APPLICATION_JSON)
                      .body(Map.of("coachId", coachId))
                      .retrieve()
                      .body(CreatedSubscription.class),
              ProblemMessages::asNamed);
      redirect.addFlashAttribute("calendarLink", calendarUrl(created.url()));
    } catch (ServiceRefusal refusal) {
      redirect.addFlashAttribute("calendarErrors", refusal.errors());
    } catch (ServiceUnavailable unavailable) {
      redirect.addFlashAttribute(
          "calendarErrors", List.of(new FieldError(null, null, unavailable.getMessage())));
    }
    return "redirect:/sessions#calendar";
  }

  /** The feed's address as a calendar application reaches coaching-service. */
  String calendarUrl(String relative) {
    URI base = properties.services().coachingPublic();
    if (base == null) {
      base = properties.services().coaching();
    }
    return base.resolve(relative).toString();
  }

  private Part<Coach> coach() {
    Part<List<Coach>> mine = calls.part("your coach record", Service.COACHING, api -> mine(api));
    if (!mine.available()) {
      return Part.missing(mine.unavailable());
    }
    return mine.value().isEmpty() ? Part.missing(NOT_ON_THE_ROSTER) : Part.of(mine.value().get(0));
  }

  private UUID coachId() {
    Part<Coach> coach = coach();
    if (!coach.available()) {
      throw new ServiceUnavailable(coach.unavailable(), null);
    }
    return coach.value().id();
  }

  private static List<Coach> mine(RestClient api) {
    List<Coach> mine =
        api.get()
            .uri("/api/coaches/mine")
            .retrieve()
            .body(new ParameterizedTypeReference<List<Coach>>() {});
    return mine == null ? List.of() : mine;
  }
}
