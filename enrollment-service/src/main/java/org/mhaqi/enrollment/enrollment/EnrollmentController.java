package org.mhaqi.enrollment.enrollment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import org.mhaqi.enrollment.programme.Phase;
import org.mhaqi.enrollment.programme.Programmes;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.WithdrawalReason;
import org.mhaqi.support.web.Actor;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Enrollment")
class EnrollmentController {

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

  /**
   * @param reasonCode the reason as published in events; absent means {@code OTHER}
   * @param reason the reason in words, kept in enrolment's history only (never published)
   */
  record WithdrawalRequest(
      WithdrawalReason reasonCode, @NotBlank @Size(max = 1000) String reason) {}

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
              + " learning network. A trust member names a service of their own organisation:"
              + " another organisation's is answered as an unknown service (422 serviceId).")
  EnrollmentView expressInterest(@Valid @RequestBody ExpressionOfInterest request) {
    return EnrollmentView.of(
        enrollments.expressInterest(request.serviceId(), request.phaseId(), Actor.current()));
  }

  @GetMapping("/enrollments")
  @Operation(
      summary = "List enrolments, filtered by phase, status, organisation and application date",
      description =
          "In order of application (then id), a page at a time: page from 0, size 1 to 200"
              + " (default 50). appliedFrom and appliedTo are inclusive UTC days. A trust member"
              + " sees their own organisation's enrolments only.")
  PagedModel<EnrollmentView> search(
      @RequestParam(required = false) UUID phaseId,
      @RequestParam(required = false) EnrollmentStatus status,
      @RequestParam(required = false) UUID organisationId,
      @RequestParam(required = false) LocalDate appliedFrom,
      @RequestParam(required = false) LocalDate appliedTo,
      @ParameterObject Pageable pageable) {
    return new PagedModel<>(
        enrollments
            .search(
                new Enrollments.Filter(phaseId, status, organisationId, appliedFrom, appliedTo),
                pageable)
            .map(EnrollmentView::of));
  }

  @GetMapping("/enrollments/{enrollmentId}")
  @Operation(
      summary = "An enrolment with its commitment and history",
      description = "Another organisation's enrolment is not found (404) for a trust member.")
  EnrollmentView one(@PathVariable UUID enrollmentId) {
    return EnrollmentView.of(enrollments.enrollment(enrollmentId));
  }

  @GetMapping("/enrollments/{enrollmentId}/history")
  @Operation(
      summary = "The life cycle of an enrolment: time, actor and reason of each step",
      description =
          "Not paged: bounded by the life cycle, whose statuses only move forward (at most four"
              + " steps: interest, waitlist, enrolment, its end).")
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
      @PathVariable UUID enrollmentId, @Valid @RequestBody CommitmentRequest request) {
    return EnrollmentView.of(
        enrollments.confirmCommitment(
            enrollmentId,
            request.sponsorMemberId(),
            request.organisationInvolvement(),
            request.teamChangeIdeas(),
            request.proportionateDataCollection(),
            Actor.current()));
  }

  @PostMapping("/enrollments/{enrollmentId}/admission")
  @Operation(
      summary = "Decide a committed application: enrol if the phase has a place, else waitlist")
  EnrollmentView admit(@PathVariable UUID enrollmentId) {
    return EnrollmentView.of(enrollments.admit(enrollmentId, Actor.current()));
  }

  @PostMapping("/enrollments/{enrollmentId}/decline")
  @Operation(summary = "Decline an expression of interest, with the reason")
  EnrollmentView decline(
      @PathVariable UUID enrollmentId, @Valid @RequestBody ReasonRequest request) {
    return EnrollmentView.of(enrollments.decline(enrollmentId, request.reason(), Actor.current()));
  }

  @PostMapping("/enrollments/{enrollmentId}/withdrawal")
  @Operation(
      summary = "Withdraw an enrolled or waitlisted service, with the reason",
      description =
          "A place freed by an enrolled service goes to the first waitlisted service, in order of"
              + " application.")
  EnrollmentView withdraw(
      @PathVariable UUID enrollmentId, @Valid @RequestBody WithdrawalRequest request) {
    return EnrollmentView.of(
        enrollments.withdraw(
            enrollmentId,
            Objects.requireNonNullElse(request.reasonCode(), WithdrawalReason.OTHER),
            request.reason(),
            Actor.current()));
  }

  @PostMapping("/enrollments/{enrollmentId}/completion")
  @Operation(
      summary = "Record that an enrolled service completed its phase",
      description =
          "A completed service keeps counting against its phase's capacity (the phase worked with"
              + " it), so completion frees no place and promotes nobody from the waitlist.")
  EnrollmentView complete(@PathVariable UUID enrollmentId) {
    return EnrollmentView.of(enrollments.complete(enrollmentId, Actor.current()));
  }

  @GetMapping("/phases/{phaseId}")
  @Operation(
      summary = "A phase with how many services are in each status and places left",
      description = "Places left: capacity minus services enrolled or completed.")
  PhaseOccupancy phase(@PathVariable UUID phaseId) {
    Phase phase = programmes.phase(phaseId);
    Map<EnrollmentStatus, Long> counts = enrollments.occupancy(phaseId);
    long taken = Enrollments.PLACE_TAKING.stream().mapToLong(counts::get).sum();
    return new PhaseOccupancy(
        phase.getId(),
        phase.getKind(),
        phase.getName(),
        phase.getCapacity(),
        Math.max(0, phase.getCapacity() - taken),
        counts);
  }

  @GetMapping("/phases/{phaseId}/waitlist")
  @Operation(
      summary = "The phase's waitlist in the order services applied",
      description =
          "Position 1 is promoted first. A page at a time: page from 0, size 1 to 200 (default"
              + " 50).")
  PagedModel<WaitlistEntry> waitlist(
      @PathVariable UUID phaseId, @ParameterObject Pageable pageable) {
    Page<Enrollment> waiting = enrollments.waitlist(phaseId, pageable);
    List<Enrollment> content = waiting.getContent();
    long first = (long) waiting.getNumber() * waiting.getSize();
    List<WaitlistEntry> entries =
        IntStream.range(0, content.size())
            .mapToObj(
                i ->
                    new WaitlistEntry(
                        Math.toIntExact(first + i + 1),
                        content.get(i).getId(),
                        content.get(i).getServiceId(),
                        content.get(i).getAppliedAt()))
            .toList();
    return new PagedModel<>(
        new PageImpl<>(entries, waiting.getPageable(), waiting.getTotalElements()));
  }

  @PostMapping("/phases/{phaseId}/carry-over")
  @Operation(
      summary = "Carry the pilot's unmet interest into this wider implementation phase",
      description =
          "Services still interested or waitlisted in the pilot express interest in this phase,"
              + " keeping their original application time. Safe to repeat. Not paged: at most one"
              + " enrolment per service that applied to the pilot (a service applies to a phase"
              + " once), and a repeat carries none already carried.")
  List<EnrollmentView> carryOver(@PathVariable UUID phaseId) {
    return enrollments.carryOver(phaseId, Actor.current()).stream()
        .map(EnrollmentView::of)
        .toList();
  }
}
