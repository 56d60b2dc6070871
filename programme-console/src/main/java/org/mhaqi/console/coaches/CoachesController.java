package org.mhaqi.console.coaches;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.mhaqi.console.api.Part;
import org.mhaqi.console.api.ServiceCalls;
import org.mhaqi.console.api.ServiceCalls.Service;
import org.mhaqi.console.coaches.CoachLoad.Coach;
import org.mhaqi.console.coaches.CoachLoad.Row;
import org.mhaqi.console.coaches.CoachLoad.Session;
import org.mhaqi.console.coaches.CoachLoad.Week;
import org.mhaqi.console.layout.Crumb;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Every coach with their load this week and next against their capacity, and days away. */
@Controller
class CoachesController {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final ServiceCalls calls;
  private final Clock clock;

  CoachesController(ServiceCalls calls) {
    this.calls = calls;
    this.clock = Clock.system(LONDON);
  }

  record Page<T>(List<T> content) {
    Page {
      content = content == null ? List.of() : List.copyOf(content);
    }
  }

  @GetMapping("/coaches")
  String coaches(Model model) {
    Week thisWeek = Week.of(LocalDate.now(clock.withZone(LONDON)));
    Part<List<Coach>> coaches =
        calls.part(
            "the coaches",
            Service.COACHING,
            api ->
                api.get()
                    .uri("/api/coaches?size=200")
                    .retrieve()
                    .body(new ParameterizedTypeReference<Page<Coach>>() {})
                    .content());
    Part<List<Row>> rows =
        coaches.available()
            ? Part.of(coaches.value().stream().map(c -> row(c, thisWeek)).toList())
            : Part.missing(coaches.unavailable());
    model.addAttribute("coaches", rows);
    model.addAttribute(
        "thisWeek",
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
            .format(thisWeek.monday()));
    model.addAttribute("crumbs", List.of(Crumb.HOME));
    return "coaches/coaches";
  }

  private Row row(Coach coach, Week thisWeek) {
    Part<List<Session>> sessions =
        calls.part(
            "this coach's sessions",
            Service.COACHING,
            api ->
                api.get()
                    .uri(
                        "/api/coaches/{id}/sessions?from={from}&to={to}&size=200",
                        coach.id(),
                        thisWeek.monday(),
                        thisWeek.next().sunday())
                    .retrieve()
                    .body(new ParameterizedTypeReference<Page<Session>>() {})
                    .content());
    return CoachLoad.row(coach, sessions.value(), thisWeek, sessions.unavailable());
  }
}
