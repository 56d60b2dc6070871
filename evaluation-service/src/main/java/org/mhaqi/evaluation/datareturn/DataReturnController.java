package org.mhaqi.evaluation.datareturn;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.datareturn.ReturnSubmission.StratumCount;
import org.mhaqi.evaluation.datareturn.StoredReturn.Source;
import org.mhaqi.evaluation.enrollment.OrganisationScope;
import org.mhaqi.evaluation.web.RejectedInputException;
import org.mhaqi.support.web.Actor;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/services/{serviceId}/data-returns")
@Tag(name = "Data returns")
class DataReturnController {

  private final DataReturnIntake intake;
  private final DataReturns returns;
  private final OrganisationScope scope;

  DataReturnController(DataReturnIntake intake, DataReturns returns, OrganisationScope scope) {
    this.intake = intake;
    this.returns = returns;
    this.scope = scope;
  }

  record StratumRequest(
      @NotBlank @Size(max = 10) String code, @NotNull Long numerator, @NotNull Long denominator) {}

  record ReturnRequest(
      @NotBlank @Size(max = 40) String measureCode,
      @NotNull YearMonth month,
      Boolean correction,
      @Size(max = 1000) String correctionReason,
      @NotEmpty List<@Valid @NotNull StratumRequest> strata) {}

  record ReturnView(
      UUID id,
      UUID enrollmentId,
      UUID serviceId,
      String measureCode,
      YearMonth month,
      int version,
      boolean correction,
      String correctionReason,
      Source source,
      java.time.Instant submittedAt,
      List<StoredReturn.Stratum> strata) {

    static ReturnView of(StoredReturn r) {
      return new ReturnView(
          r.id(),
          r.enrollmentId(),
          r.serviceId(),
          r.measureCode(),
          r.month(),
          r.version(),
          r.version() > 1,
          r.correctionReason(),
          r.source(),
          r.submittedAt(),
          r.strata());
    }
  }

  @ExceptionHandler(RejectedInputException.class)
  ResponseEntity<ProblemDetail> rejected(RejectedInputException e) {
    return e.toResponse();
  }

  @PostMapping(consumes = "application/json")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Submit a monthly return as JSON",
      description =
          "Numerator and denominator per stratum for one measure and month. A second return for"
              + " the same measure and month is refused (409) unless it is a correction"
              + " (correction true, with a correctionReason), which becomes the next version.")
  ReturnView submit(@PathVariable UUID serviceId, @Valid @RequestBody ReturnRequest request) {
    scope.requireVisible(serviceId);
    ReturnSubmission submission =
        new ReturnSubmission(
            request.measureCode(),
            request.month(),
            Boolean.TRUE.equals(request.correction()),
            request.correctionReason(),
            request.strata().stream()
                .map(s -> new StratumCount(s.code(), s.numerator(), s.denominator(), null))
                .toList(),
            null);
    return ReturnView.of(
        intake.submit(serviceId, List.of(submission), Source.JSON, Actor.current()).get(0));
  }

  @PostMapping(consumes = "text/csv")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Upload monthly returns as CSV",
      description =
          "Columns measure_code,month,stratum_code,numerator,denominator[,correction_reason], one"
              + " row per stratum; see the README. All returns of the file are stored, or none:"
              + " a bad file is answered with every offending row and column.")
  List<ReturnView> upload(@PathVariable UUID serviceId, @RequestBody(required = false) String csv) {
    return store(serviceId, csv);
  }

  @PostMapping(consumes = "multipart/form-data")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Upload monthly returns as a CSV file from a form (part 'file')")
  List<ReturnView> uploadFile(@PathVariable UUID serviceId, @RequestPart("file") MultipartFile file)
      throws IOException {
    return store(serviceId, new String(file.getBytes(), StandardCharsets.UTF_8));
  }

  private List<ReturnView> store(UUID serviceId, String csv) {
    scope.requireVisible(serviceId);
    return intake.submit(serviceId, ReturnCsv.parse(csv), Source.CSV, Actor.current()).stream()
        .map(ReturnView::of)
        .toList();
  }

  @GetMapping
  @Operation(
      summary = "The service's returns, latest version of each",
      description =
          "Optionally of one measure (measureCode). Not paged: bounded by design, one return per"
              + " measure of the catalogue and month of the service's enrolments.")
  List<ReturnView> list(
      @PathVariable UUID serviceId, @RequestParam(required = false) String measureCode) {
    scope.requireVisible(serviceId);
    return returns.latest(serviceId, measureCode).stream().map(ReturnView::of).toList();
  }

  @GetMapping("/{measureCode}/{month}")
  @Operation(
      summary = "One return with its history: every version, first to latest",
      description = "Not paged: one return's corrections.")
  List<ReturnView> history(
      @PathVariable UUID serviceId,
      @PathVariable String measureCode,
      @PathVariable YearMonth month) {
    scope.requireVisible(serviceId);
    List<StoredReturn> versions = returns.versions(serviceId, measureCode, month);
    if (versions.isEmpty()) {
      throw new NotFoundException("data return", serviceId + "/" + measureCode + "/" + month);
    }
    return versions.stream().map(ReturnView::of).toList();
  }
}
