package org.mhaqi.enrollment.enrollment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.enrollment.programme.Phase;
import org.mhaqi.enrollment.programme.Programmes;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.support.web.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Enrollment")
class EnrollmentController {

  private static final String ACTOR_DESCRIPTION =
      "Who makes the change, recorded in the enrolment's history";

  private final Enrollments enrollments;
  private final Programmes programmes;

  EnrollmentController(Enrollments enrollments, Programmes programmes) {
    this.enrollments = enrollments;
    this.programmes = programmes;
  }

  record ExpressionOfInterest(@NotNull UUID serviceId, @NotNull UUID phaseId) {}

  record CommitmentRequest(
      @NotNull UUID sponsorMemberId,
      @NotNull Boolean organisationInvolvement,
      @NotNull Boolean teamChangeIdeas,
      @NotNull Boolean proportionateDataCollection) {}

  record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {}

  record WaitlistEntry(int position, UUID enrollmentId, UUID serviceId, Instant appliedAt) {}

  record PhaseOccupancy(
      UUID phaseId,
      PhaseKind kind,
      String name,
      int capacity,
      long placesLeft,
      Map<EnrollmentStatus, Long> enrollments) {}

  @PostMapping("/enrollments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record a service's expression of interest in a phase",
      description =
          "An independent-sector provider is declined at once with the reason and joins the"
              + " learning network.")
  EnrollmentView expressInterest(
      @Valid @RequestBody ExpressionOfInterest request,
      @Parameter(description = ACTOR_DESCRIPTION)
          @RequestHeader(name = Actor.HEADER, required = false)
          String actor) {
    return EnrollmentView.of(
        enrollments.expressInterest(request.serviceId(), request.phaseId(), Actor.of(actor)));
  }

  @GetMapping("/enrollments")
  @Operation(summary = "List enrolments, filtered by phase, status and organisation")
  List<EnrollmentView> search(
      @RequestParam(required = false) UUID phaseId,
      @RequestParam(required = false) EnrollmentStatus status,
      @RequestParam(required = false) UUID organisationId) {
    return enrollments.search(phaseId, status, organisationId).stream()
        .map(EnrollmentView::of)
        .toList();
  }

  @GetMapping("/enrollments/{enrollmentId}")
  EnrollmentView one(@PathVariable UUID enrollmentId) {
    return EnrollmentView.of(enrollments.enrollment(enrollmentId));
  }

  @GetMapping("/enrollments/{enrollmentId}/history")
  @Operation(summary = "The life cycle of an enrolment: time, actor and reason of each step")
  List<EnrollmentView.StepView> history(@PathVariable UUID enrollmentId) {
    return EnrollmentView.history(enrollments.enrollment(enrollmentId));
  }

  @PutMapping("/enrollments/{enrollmentId}/executive-commitment")
  @Operation(
      summary = "Confirm the executive sponsor's three backings",
      description =
          "The sponsor (a project team member with role EXECUTIVE_SPONSOR) backs the"
              + " organisation's involvement, the team's change ideas and proportionate data"
              + " collection. Required before enrolment.")
  EnrollmentView confirmCommitment(
      @PathVariable UUID enrollmentId,
      @Valid @RequestBody CommitmentRequest request,
      @Parameter(description = ACTOR_DESCRIPTION)
          @RequestHeader(name = Actor.HEADER, required = false)
          String actor) {
    return EnrollmentView.of(
        enrollments.confirmCommitment(
            enrollmentId,
            request.sponsorMemberId(),
            request.organisationInvolvement(),
            request.teamChangeIdeas(),
            request.proportionateDataCollection(),
            Actor.of(actor)));
  }

  @PostMapping("/enrollments/{enrollmentId}/admission")
  @Operation(
      summary = "Decide a committed application: enrol if the phase has a place, else waitlist")
  EnrollmentView admit(
      @PathVariable UUID enrollmentId,
      @Parameter(description = ACTOR_DESCRIPTION)
          @RequestHeader(name = Actor.HEADER, required = false)
          String actor) {
    return EnrollmentView.of(enrollments.admit(enrollmentId, Actor.of(actor)));
  }

  @PostMapping("/enrollments/{enrollmentId}/decline")
  @Operation(summary = "Decline an expression of interest, with the reason")
  EnrollmentView decline(
      @PathVariable UUID enrollmentId,
      @Valid @RequestBody ReasonRequest request,
      @Parameter(description = ACTOR_DESCRIPTION)
          @RequestHeader(name = Actor.HEADER, required = false)
          String actor) {
    return EnrollmentView.of(enrollments.decline(enrollmentId, request.reason(), Actor.of(actor)));
  }

  @PostMapping("/enrollments/{enrollmentId}/withdrawal")
  @Operation(
      summary = "Withdraw an enrolled or waitlisted service, with the reason",
      description = "A place freed by an enrolled service goes to the first waitlisted service.")
  EnrollmentView withdraw(
      @PathVariable UUID enrollmentId,
      @Valid @RequestBody ReasonRequest request,
      @Parameter(description = ACTOR_DESCRIPTION)
          @RequestHeader(name = Actor.HEADER, required = false)
          String actor) {
    return EnrollmentView.of(enrollments.withdraw(enrollmentId, request.reason(), Actor.of(actor)));
  }

  @PostMapping("/enrollments/{enrollmentId}/completion")
  @Operation(summary = "Record that an enrolled service completed its phase")
  EnrollmentView complete(
      @PathVariable UUID enrollmentId,
      @Parameter(description = ACTOR_DESCRIPTION)
          @RequestHeader(name = Actor.HEADER, required = false)
          String actor) {
    return EnrollmentView.of(enrollments.complete(enrollmentId, Actor.of(actor)));
  }

  @GetMapping("/phases/{phaseId}")
  @Operation(summary = "A phase with how many services are in each status and places left")
  PhaseOccupancy phase(@PathVariable UUID phaseId) {
    Phase phase = programmes.phase(phaseId);
    Map<EnrollmentStatus, Long> counts = enrollments.occupancy(phaseId);
    return new PhaseOccupancy(
        phase.getId(),
        phase.getKind(),
        phase.getName(),
        phase.getCapacity(),
        Math.max(0, phase.getCapacity() - counts.get(EnrollmentStatus.ENROLLED)),
        counts);
  }

  @GetMapping("/phases/{phaseId}/waitlist")
  @Operation(summary = "The phase's waitlist in the order services applied")
  List<WaitlistEntry> waitlist(@PathVariable UUID phaseId) {
    List<Enrollment> waiting = enrollments.waitlist(phaseId);
    return java.util.stream.IntStream.range(0, waiting.size())
        .mapToObj(
            i ->
                new WaitlistEntry(
                    i + 1,
                    waiting.get(i).getId(),
                    waiting.get(i).getServiceId(),
                    waiting.get(i).getAppliedAt()))
        .toList();
  }

  @PostMapping("/phases/{phaseId}/carry-over")
  @Operation(
      summary = "Carry the pilot's unmet interest into this wider implementation phase",
      description =
          "Services still interested or waitlisted in the pilot express interest in this phase,"
              + " keeping their original application time. Safe to repeat.")
  List<EnrollmentView> carryOver(
      @PathVariable UUID phaseId,
      @Parameter(description = ACTOR_DESCRIPTION)
          @RequestHeader(name = Actor.HEADER, required = false)
          String actor) {
    return enrollments.carryOver(phaseId, Actor.of(actor)).stream()
        .map(EnrollmentView::of)
        .toList();
  }
}
