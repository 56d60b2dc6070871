package org.mhaqi.evaluation.spcdecision;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.spcdecision.SpcDecision.Kind;
import org.mhaqi.support.web.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "SPC decisions", description = "Baselines and rebases of a service's SPC charts")
class SpcDecisionController {

  private final SpcDecisions decisions;

  SpcDecisionController(SpcDecisions decisions) {
    this.decisions = decisions;
  }

  /**
   * @param month the last month of a baseline, or the first month of rebased limits (yyyy-MM)
   */
  record DecisionRequest(
      @NotNull Kind kind, @NotNull YearMonth month, @NotBlank @Size(max = 2000) String reason) {}

  @PostMapping("/services/{serviceId}/measures/{measureCode}/spc-decisions")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record a baseline or rebase decision on the service's chart of a measure",
      description =
          "BASELINE fixes the limits on the months up to and including `month` and judges later"
              + " months against them; REBASE starts new limits at `month` after a sustained"
              + " change. The service's reports apply the standing decisions (the latest baseline;"
              + " every rebase, which supersedes a baseline); 409 when the same decision stands.")
  SpcDecision record(
      @PathVariable UUID serviceId,
      @PathVariable String measureCode,
      @Valid @RequestBody DecisionRequest request) {
    return decisions.record(
        serviceId, measureCode, request.kind(), request.month(), request.reason(), Actor.current());
  }

  @GetMapping("/services/{serviceId}/measures/{measureCode}/spc-decisions")
  @Operation(
      summary = "Every decision on the chart, withdrawn ones included, oldest first",
      description =
          "Not paged: one chart's decisions, each recorded by hand by the service's team (at most"
              + " one standing decision of a kind per month; withdrawn ones kept as its history).")
  List<SpcDecision> history(@PathVariable UUID serviceId, @PathVariable String measureCode) {
    return decisions.history(serviceId, measureCode);
  }

  @DeleteMapping("/spc-decisions/{id}")
  @Operation(
      summary = "Withdraw a decision",
      description = "It stops applying and stays in the history with who withdrew it and when.")
  SpcDecision withdraw(@PathVariable UUID id) {
    return decisions.withdraw(id, Actor.current());
  }
}
