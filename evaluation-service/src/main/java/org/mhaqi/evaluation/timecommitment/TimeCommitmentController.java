package org.mhaqi.evaluation.timecommitment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.timecommitment.TimeCommitmentRules.Flag;
import org.mhaqi.evaluation.web.RejectedInputException;
import org.mhaqi.support.web.Actor;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Time commitment")
class TimeCommitmentController {

  private final TimeCommitments commitments;

  TimeCommitmentController(TimeCommitments commitments) {
    this.commitments = commitments;
  }

  record WeekRequest(
      @NotNull LocalDate weekStarting,
      @NotNull Integer teamMembers,
      @NotNull @Digits(integer = 6, fraction = 2) BigDecimal qiHours,
      @NotNull @Digits(integer = 6, fraction = 2) BigDecimal coachingHours) {}

  record WeekView(
      LocalDate weekStarting,
      int teamMembers,
      BigDecimal qiHours,
      BigDecimal coachingHours,
      BigDecimal totalHours) {
    static WeekView of(WeeklyReturn w) {
      return new WeekView(
          w.weekStarting(), w.teamMembers(), w.qiHours(), w.coachingHours(), w.totalHours());
    }
  }

  record ReportView(
      UUID serviceId,
      int weeksReturned,
      int memberWeeks,
      BigDecimal totalHours,
      BigDecimal averageHoursPerMemberPerWeek,
      BigDecimal expectedHoursPerWeek,
      BigDecimal wellBelowHoursPerWeek,
      BigDecimal wellAboveHoursPerWeek,
      Flag flag,
      List<WeekView> weeks) {}

  @ExceptionHandler(RejectedInputException.class)
  ResponseEntity<ProblemDetail> rejected(RejectedInputException e) {
    return e.toResponse();
  }

  @PostMapping("/services/{serviceId}/time-commitment")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Return a week's hours of the service's project team",
      description =
          "QI work and coaching hours summed over the members the return covers, for the week"
              + " starting on a Monday inside an enrolment; one return per week.")
  WeekView submit(@PathVariable UUID serviceId, @Valid @RequestBody WeekRequest request) {
    return WeekView.of(
        commitments.submit(
            serviceId,
            request.weekStarting(),
            request.teamMembers(),
            request.qiHours(),
            request.coachingHours(),
            Actor.current()));
  }

  @GetMapping("/services/{serviceId}/time-commitment")
  @Operation(
      summary = "The service's time commitment against the FAQ's about 2 hours a week",
      description =
          "Average hours per member per week over the weeks returned (total hours over"
              + " member-weeks), flagged WELL_BELOW or WELL_ABOVE outside the configured bounds.")
  ReportView report(@PathVariable UUID serviceId) {
    return view(commitments.report(serviceId));
  }

  @GetMapping("/time-commitment")
  @Operation(
      summary = "Every service's time commitment, with its flag, a page at a time",
      description =
          "Services that returned hours, in service id order; a trust member's organisation's"
              + " only. The platform's paging: page from 0, size 1 to 200 (50 by default).")
  PagedModel<ReportView> reports(Pageable pageable) {
    return new PagedModel<>(commitments.reports(pageable).map(this::view));
  }

  private ReportView view(TimeCommitments.Report r) {
    TimeCommitmentProperties e = commitments.expectation();
    return new ReportView(
        r.serviceId(),
        r.summary().weeksReturned(),
        r.summary().memberWeeks(),
        r.summary().totalHours(),
        r.summary().averageHoursPerMemberPerWeek(),
        e.expectedHoursPerWeek(),
        e.wellBelowHoursPerWeek(),
        e.wellAboveHoursPerWeek(),
        r.summary().flag(),
        r.weeks().stream().map(WeekView::of).toList());
  }
}
