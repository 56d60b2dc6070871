package org.mhaqi.evaluation.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.mhaqi.support.web.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/reports/phases/{phaseId}")
@Tag(name = "Report publication", description = "The central team's decision to publish reports")
class PublicationController {

  private final ReportPublications publications;

  PublicationController(ReportPublications publications) {
    this.publications = publications;
  }

  @PostMapping("/publication")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Publish the phase's report",
      description =
          "From now on /reports/phases/{phaseId} and its services' pages answer without a token"
              + " (small numbers suppressed as ever). Recorded with who and when, audited, announced"
              + " as ReportPublished. 409 `already-published` when it is. The central team's (ADMIN)"
              + " only.")
  ReportPublication publish(@PathVariable UUID phaseId) {
    return publications.publish(phaseId, Actor.current());
  }

  @DeleteMapping("/publication")
  @Operation(
      summary = "Withdraw the phase report's publication",
      description =
          "Its pages need a token again; the publication stays in the history with who withdrew it"
              + " and when. Announced as ReportWithdrawn. 409 `not-published` when none stands.")
  ReportPublication withdraw(@PathVariable UUID phaseId) {
    return publications.withdraw(phaseId, Actor.current());
  }

  @GetMapping("/publications")
  @Operation(
      summary = "Every publication of the phase's report, withdrawn ones included, oldest first")
  List<ReportPublication> history(@PathVariable UUID phaseId) {
    return publications.history(phaseId);
  }
}
