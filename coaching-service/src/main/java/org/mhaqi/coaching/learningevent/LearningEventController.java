package org.mhaqi.coaching.learningevent;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.UUID;
import org.mhaqi.coaching.learningevent.LearningEventRules.Draft;
import org.mhaqi.coaching.learningevent.LearningEvents.Attendance;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.LearningEventAudience;
import org.mhaqi.events.coaching.LearningEventFormat;
import org.mhaqi.support.web.Actor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/learning-events")
@Tag(name = "Learning events")
class LearningEventController {

  private final LearningEvents events;

  LearningEventController(LearningEvents events) {
    this.events = events;
  }

  /**
   * @param title what the event is about; stays in coaching-service, never in an event
   * @param startsAt wall-clock start, Europe/London
   * @param phaseId the phase, exactly when {@code audience} is {@code PHASE}
   * @param level the coaching level, exactly when {@code audience} is {@code LEVEL}
   * @param learningNetwork whether the learning network's providers are invited too
   */
  record ScheduleRequest(
      @NotBlank @Size(max = 200) String title,
      @NotNull LearningEventFormat format,
      @NotNull LocalDateTime startsAt,
      @NotNull @Min(1) @Max(480) Integer durationMinutes,
      @NotNull LearningEventAudience audience,
      UUID phaseId,
      CoachingLevel level,
      Boolean learningNetwork) {}

  /**
   * @param serviceId the enrolled service that attended
   * @param attendees how many of its people attended
   */
  record AttendanceRequest(
      @NotNull UUID serviceId,
      @NotNull @Min(1) @Max(500) Integer attendees,
      @NotNull Boolean livedExperiencePartnerTookPart) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Schedule a programme-wide learning event",
      description =
          "A webinar (15 to 240 minutes) or an in-person day (240 to 480 minutes) on a working"
              + " day, between 08:00 and 18:00 Europe/London, still to come; for all teams, the"
              + " teams of one phase, or one coaching level, the learning network optionally"
              + " too. It appears in the invited teams' and coaches' calendar feeds; announced as"
              + " LearningEventScheduled (without its title).")
  LearningEventView schedule(@Valid @RequestBody ScheduleRequest request) {
    return events.schedule(
        request.title().strip(),
        new Draft(
            request.format(),
            request.startsAt(),
            request.durationMinutes(),
            request.audience(),
            request.phaseId(),
            request.level()),
        Boolean.TRUE.equals(request.learningNetwork()),
        Actor.current());
  }

  @GetMapping
  @Operation(summary = "Every learning event, the soonest first, a page at a time")
  PagedModel<LearningEventView> all(@ParameterObject Pageable pageable) {
    return new PagedModel<>(events.all(pageable));
  }

  @GetMapping("/{learningEventId}")
  @Operation(summary = "One learning event, with how many services attended")
  LearningEventView event(@PathVariable UUID learningEventId) {
    return events.event(learningEventId);
  }

  @PostMapping("/{learningEventId}/attendance")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record that an invited service attended a learning event",
      description =
          "Once the event has begun (409 before), once per service (409 again), for a service"
              + " whose coaching the audience takes in (422 otherwise); announced as"
              + " LearningEventAttended, which evaluation counts in engagement apart from"
              + " coaching.")
  Attendance attend(
      @PathVariable UUID learningEventId, @Valid @RequestBody AttendanceRequest request) {
    return events.attend(
        learningEventId,
        request.serviceId(),
        request.attendees(),
        request.livedExperiencePartnerTookPart(),
        Actor.current());
  }
}
