package org.mhaqi.coaching.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.mhaqi.events.coaching.RescheduleReason;
import org.mhaqi.events.coaching.SessionCancellationReason;
import org.mhaqi.events.enrollment.TeamRole;
import org.mhaqi.support.web.Actor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Coaching plans and sessions")
class PlanController {

  private final PlanQueries queries;
  private final SessionRescheduling rescheduling;
  private final SessionCancellation cancellation;
  private final SessionCompletion completion;
  private final Staffing staffing;

  PlanController(
      PlanQueries queries,
      SessionRescheduling rescheduling,
      SessionCancellation cancellation,
      SessionCompletion completion,
      Staffing staffing) {
    this.queries = queries;
    this.rescheduling = rescheduling;
    this.cancellation = cancellation;
    this.completion = completion;
    this.staffing = staffing;
  }

  /**
   * @param reasonCode the reason as published in events; absent means {@code OTHER}
   * @param reason the reason in words, kept in coaching only (redactable, never published)
   */
  record RescheduleRequest(
      @NotNull LocalDateTime startsAt,
      UUID coachId,
      RescheduleReason reasonCode,
      @NotBlank @Size(max = 1000) String reason) {}

  /**
   * @param reasonCode the reason as published in events; absent means {@code OTHER}
   * @param reason the reason in words, kept in coaching only (redactable, never published)
   */
  record CancellationRequest(
      SessionCancellationReason reasonCode, @NotBlank @Size(max = 1000) String reason) {}

  record CompletionRequest(
      @NotNull @Min(0) Integer minutesDelivered,
      @NotNull Map<@NotNull TeamRole, @NotNull @Min(0) Integer> attendance,
      List<@NotNull UUID> attendeeMemberIds,
      @NotNull Boolean livedExperiencePartnerTookPart) {}

  record StaffingResult(int staffed, long stillUnstaffed, List<SessionView> sessions) {}

  @GetMapping("/enrollments/{enrollmentId}/plan")
  @Operation(
      summary = "An enrolled service's coaching plan with every session",
      description =
          "A trust member's own organisation's. The sessions are not paged, bounded by design:"
              + " those of one coaching window.")
  PlanView plan(@PathVariable UUID enrollmentId) {
    return queries.plan(enrollmentId);
  }

  /** The plan's address before identifiers took one spelling; kept for old links and clients. */
  @GetMapping("/enrolments/{enrollmentId}/plan")
  @Operation(summary = "Moved permanently to /api/enrollments/{enrollmentId}/plan", hidden = true)
  ResponseEntity<Void> planAtTheOldAddress(@PathVariable UUID enrollmentId) {
    queries.requireVisibleEnrollment(enrollmentId);
    return ResponseEntity.status(HttpStatus.PERMANENT_REDIRECT)
        .location(URI.create("/api/enrollments/" + enrollmentId + "/plan"))
        .build();
  }

  @GetMapping("/plans")
  @Operation(
      summary = "Coaching plans with their session counts, optionally of one phase",
      description = "A trust member's list holds their organisation's enrolments' plans only.")
  PagedModel<PlanView> plans(
      @RequestParam(required = false) UUID phaseId, @ParameterObject Pageable pageable) {
    return new PagedModel<>(queries.plans(phaseId, pageable));
  }

  @GetMapping("/sessions/{sessionId}")
  @Operation(summary = "A session: a coach's own, a trust member's organisation's")
  SessionView session(@PathVariable UUID sessionId) {
    return queries.session(sessionId);
  }

  @GetMapping("/sessions/{sessionId}/history")
  @Operation(summary = "Every change of a session, with the original time and coach")
  PagedModel<SessionView.ChangeView> history(
      @PathVariable UUID sessionId, @ParameterObject Pageable pageable) {
    return new PagedModel<>(queries.history(sessionId, pageable));
  }

  @GetMapping("/sessions/unstaffed")
  @Operation(
      summary = "Scheduled sessions without a coach",
      description =
          "Sessions no coach could take without double-booking, going over capacity or working"
              + " on a day off. They are never overbooked; register coaches and staff them.")
  PagedModel<SessionView> unstaffed(@ParameterObject Pageable pageable) {
    return new PagedModel<>(queries.unstaffed(pageable));
  }

  @PostMapping("/sessions/unstaffed/staffing")
  @Operation(summary = "Give unstaffed future sessions a coach where one is now free")
  StaffingResult staff() {
    List<SessionView> staffed = staffing.staffUnstaffed(Actor.current());
    return new StaffingResult(staffed.size(), queries.unstaffedCount(), staffed);
  }

  @PostMapping("/sessions/{sessionId}/reschedule")
  @Operation(
      summary = "Move a session to another time and/or coach",
      description =
          "startsAt is a Europe/London wall-clock time. Refused on weekends, bank holidays,"
              + " outside the coaching window, and when the coach already has a session then (a"
              + " full improvement day takes the whole day), is away, off or over capacity.")
  SessionView reschedule(
      @PathVariable UUID sessionId, @Valid @RequestBody RescheduleRequest request) {
    return rescheduling.reschedule(
        sessionId,
        request.startsAt(),
        request.coachId(),
        Objects.requireNonNullElse(request.reasonCode(), RescheduleReason.OTHER),
        request.reason(),
        Actor.current());
  }

  @PostMapping("/sessions/{sessionId}/cancellation")
  @Operation(summary = "Cancel a scheduled session, with the reason")
  SessionView cancel(
      @PathVariable UUID sessionId, @Valid @RequestBody CancellationRequest request) {
    return cancellation.cancel(
        sessionId,
        Objects.requireNonNullElse(request.reasonCode(), SessionCancellationReason.OTHER),
        request.reason(),
        Actor.current());
  }

  @PostMapping("/sessions/{sessionId}/completion")
  @Operation(
      summary = "Record a session as delivered, with attendance",
      description =
          "attendance counts attendees per project-team role (never above the team's size for"
              + " that role); attendeeMemberIds optionally names them by member id;"
              + " minutesDelivered is between 0 and the session's length.")
  SessionView complete(
      @PathVariable UUID sessionId, @Valid @RequestBody CompletionRequest request) {
    return completion.complete(
        sessionId,
        request.minutesDelivered(),
        request.attendance(),
        request.attendeeMemberIds() == null ? List.of() : request.attendeeMemberIds(),
        request.livedExperiencePartnerTookPart(),
        Actor.current());
  }

  @GetMapping("/coaches/{coachId}/sessions")
  @Operation(summary = "A coach's sessions, optionally from..to (both included)")
  PagedModel<SessionView> ofCoach(
      @PathVariable UUID coachId,
      @RequestParam(required = false) LocalDate from,
      @RequestParam(required = false) LocalDate to,
      @ParameterObject Pageable pageable) {
    return new PagedModel<>(queries.ofCoach(coachId, from, to, pageable));
  }
}
