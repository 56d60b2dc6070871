package org.mhaqi.coaching.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.mhaqi.coaching.coach.Coaches;
import org.mhaqi.coaching.learningevent.LearningEvents;
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
  private final LearningEvents learningEvents;
  private final CalendarFeeds feeds;

  CalendarController(PlanQueries plans, Coaches coaches, LearningEvents learningEvents) {
    this.plans = plans;
    this.coaches = coaches;
    this.learningEvents = learningEvents;
    this.feeds = new CalendarFeeds(plans.zone());
  }

  @GetMapping("/coaches/{coachId}/calendar.ics")
  @Operation(
      summary = "A coach's sessions and learning events as an iCalendar feed",
      description =
          "A coach's own (administrators: any). Cancelled sessions stay listed. Calendar apps that"
              + " cannot send a bearer token subscribe through /api/calendar-subscriptions. Not"
              + " paged, bounded by design: a coach's weekly capacity (at most 60 hours) limits"
              + " the sessions of each week of the programme's windows.")
  ResponseEntity<String> coach(@PathVariable UUID coachId) {
    coaches.mine(coachId);
    return coachFeed(coachId);
  }

  @GetMapping("/services/{serviceId}/calendar.ics")
  @Operation(
      summary = "An enrolled service's coaching sessions and learning events as an iCalendar feed",
      description =
          "A trust member's own organisation's services (administrators: any). Not paged,"
              + " bounded by design: a service has a plan per phase, each with the sessions of one"
              + " coaching window.")
  ResponseEntity<String> service(@PathVariable UUID serviceId) {
    plans.requireVisibleService(serviceId);
    return serviceFeed(serviceId);
  }

  /** The coach's feed, once the caller or a subscription's token was checked. */
  ResponseEntity<String> coachFeed(UUID coachId) {
    return ics(
        feeds.render(
            "Coaching sessions", plans.allOfCoach(coachId), learningEvents.ofCoach(coachId)));
  }

  /** The service's feed, once the caller or a subscription's token was checked. */
  ResponseEntity<String> serviceFeed(UUID serviceId) {
    return ics(
        feeds.render(
            "Programme coaching",
            plans.allOfService(serviceId),
            learningEvents.ofService(serviceId)));
  }

  private static ResponseEntity<String> ics(String body) {
    return ResponseEntity.ok().contentType(TEXT_CALENDAR).body(body);
  }
}
