package org.mhaqi.coaching.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.mhaqi.coaching.coach.Coaches;
import org.mhaqi.coaching.plan.PlanQueries;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Calendar feeds")
class CalendarController {

  static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

  private final PlanQueries plans;
  private final Coaches coaches;
  private final CalendarFeeds feeds;

  CalendarController(PlanQueries plans, Coaches coaches) {
    this.plans = plans;
    this.coaches = coaches;
    this.feeds = new CalendarFeeds(plans.zone());
  }

  @GetMapping("/coaches/{coachId}/calendar.ics")
  @Operation(
      summary = "A coach's sessions as an iCalendar feed",
      description = "Subscribe from Outlook or Google Calendar; cancelled sessions stay listed.")
  ResponseEntity<String> coach(@PathVariable UUID coachId) {
    coaches.coach(coachId);
    return ics(feeds.render("Coaching sessions", plans.ofCoach(coachId, null, null)));
  }

  @GetMapping("/services/{serviceId}/calendar.ics")
  @Operation(summary = "An enrolled service's coaching sessions as an iCalendar feed")
  ResponseEntity<String> service(@PathVariable UUID serviceId) {
    return ics(feeds.render("Programme coaching", plans.sessionsOfService(serviceId)));
  }

  private static ResponseEntity<String> ics(String body) {
    return ResponseEntity.ok().contentType(TEXT_CALENDAR).body(body);
  }
}
