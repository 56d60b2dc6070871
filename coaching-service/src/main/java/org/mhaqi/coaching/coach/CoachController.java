package org.mhaqi.coaching.coach;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.events.coaching.CoachingLevel;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/coaches")
@Tag(name = "Coaches")
class CoachController {

  private final Coaches coaches;

  CoachController(Coaches coaches) {
    this.coaches = coaches;
  }

  record NewCoach(
      @NotBlank @Size(max = 200) String name,
      @Email @Size(max = 320) String email,
      @NotEmpty Set<@NotNull CoachingLevel> levels,
      @NotEmpty Set<@NotNull DayOfWeek> workingDays,
      @NotNull @Min(1) @Max(60) Integer weeklyCapacityHours) {}

  record DaysAwayRequest(
      @NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 500) String reason) {}

  record CoachView(
      UUID id,
      String name,
      String email,
      Set<CoachingLevel> levels,
      List<DayOfWeek> workingDays,
      int weeklyCapacityMinutes,
      List<DayAway> daysAway,
      Instant createdAt,
      Instant erasedAt) {
    static CoachView of(Coach c) {
      return new CoachView(
          c.getId(),
          c.getName(),
          c.getEmail(),
          c.levels(),
          c.getWorkingDays().stream().sorted().toList(),
          c.getWeeklyCapacityMinutes(),
          c.getDaysAway().stream().sorted(Comparator.comparing(DayAway::day)).toList(),
          c.getCreatedAt(),
          c.getErasedAt());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Register a coach",
      description =
          "Levels delivered, the weekdays worked (Monday to Friday) and the weekly capacity in"
              + " hours; a full improvement day counts 8 hours.")
  CoachView register(@Valid @RequestBody NewCoach request) {
    return CoachView.of(
        coaches.register(
            request.name(),
            request.email(),
            request.levels(),
            request.workingDays(),
            request.weeklyCapacityHours() * 60));
  }

  @GetMapping
  @Operation(
      summary = "Every coach with levels, working pattern, capacity and days away",
      description = "Programme administrators only.")
  PagedModel<CoachView> all(@ParameterObject Pageable pageable) {
    return new PagedModel<>(coaches.all(pageable).map(CoachView::of));
  }

  @GetMapping("/mine")
  @Operation(
      summary = "The caller's own coach records",
      description =
          "A coach's records, found by the e-mail address of their token (usually one), so that a"
              + " coach learns their id; empty for a caller who is not a coach on the roster.")
  List<CoachView> mine() {
    return coaches.callersCoachIds().stream()
        .map(coaches::coach)
        .map(CoachView::of)
        .sorted(Comparator.comparing(CoachView::createdAt).thenComparing(CoachView::id))
        .toList();
  }

  @GetMapping("/{coachId}")
  @Operation(summary = "A coach's record: any for administrators, their own for a coach")
  CoachView one(@PathVariable UUID coachId) {
    return CoachView.of(coaches.mine(coachId));
  }

  @PostMapping("/{coachId}/erasure")
  @Operation(
      summary = "Erase a coach's name and e-mail address",
      description =
          "Wipes them (and the reasons of their days away) from the record, redacts them in"
              + " coaching's free text (session change reasons, recorded actors), and the coach is"
              + " never staffed again; their existing sessions keep the coach's id. Erasing twice"
              + " changes nothing more.")
  CoachView erase(@PathVariable UUID coachId) {
    return CoachView.of(coaches.erase(coachId));
  }

  @PostMapping("/{coachId}/days-away")
  @Operation(
      summary = "Record days away",
      description =
          "Refused (409) while the coach has sessions on any of the days: reschedule or reassign"
              + " them first.")
  CoachView addDaysAway(@PathVariable UUID coachId, @Valid @RequestBody DaysAwayRequest request) {
    return CoachView.of(
        coaches.addDaysAway(coachId, request.from(), request.to(), request.reason()));
  }

  @DeleteMapping("/{coachId}/days-away")
  @Operation(summary = "Forget days away from..to (both included)")
  CoachView removeDaysAway(
      @PathVariable UUID coachId, @RequestParam LocalDate from, @RequestParam LocalDate to) {
    return CoachView.of(coaches.removeDaysAway(coachId, from, to));
  }
}
