package org.mhaqi.evaluation.changeidea;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Act;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Cycle;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Status;
import org.mhaqi.evaluation.web.RejectedInputException;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.support.web.Actor;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Change ideas")
class ChangeIdeaController {

  private final ChangeIdeaLibrary library;

  ChangeIdeaController(ChangeIdeaLibrary library) {
    this.library = library;
  }

  record IdeaRequest(
      @NotBlank @Size(max = 200) String title,
      @NotBlank @Size(max = 5000) String description,
      @NotNull Boolean coProduced,
      @NotEmpty List<@NotBlank @Size(max = 40) String> measureCodes) {}

  record CycleRequest(@NotBlank @Size(max = 5000) String plan, @NotNull LocalDate startedOn) {}

  record OutcomeRequest(
      @NotBlank @Size(max = 5000) String done,
      @NotBlank @Size(max = 5000) String study,
      @NotNull Act act,
      @NotNull LocalDate completedOn) {}

  record IdeaView(
      UUID id,
      UUID enrollmentId,
      UUID serviceId,
      String title,
      String description,
      boolean coProduced,
      List<String> measureCodes,
      Status status,
      Instant recordedAt,
      List<Cycle> cycles) {

    static IdeaView of(ChangeIdea idea) {
      return new IdeaView(
          idea.id(),
          idea.enrollmentId(),
          idea.serviceId(),
          idea.title(),
          idea.description(),
          idea.coProduced(),
          idea.measureCodes(),
          idea.status(),
          idea.recordedAt(),
          idea.cycles());
    }
  }

  @ExceptionHandler(RejectedInputException.class)
  ResponseEntity<ProblemDetail> rejected(RejectedInputException e) {
    return e.toResponse();
  }

  @PostMapping("/services/{serviceId}/change-ideas")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Record a change idea of the service's team",
      description =
          "Under the service's running enrolment, with the measures it targets and whether it was"
              + " co-produced with lived-experience partners; announced as ChangeIdeaRecorded.")
  IdeaView record(@PathVariable UUID serviceId, @Valid @RequestBody IdeaRequest request) {
    return IdeaView.of(
        library.record(
            serviceId,
            new ChangeIdeaLibrary.NewIdea(
                request.title(),
                request.description(),
                request.coProduced(),
                request.measureCodes()),
            Actor.current()));
  }

  @GetMapping("/change-ideas/{id}")
  @Operation(summary = "Read a change idea with its PDSA cycles")
  IdeaView read(@PathVariable UUID id) {
    return IdeaView.of(library.find(id));
  }

  @GetMapping("/change-ideas")
  @Operation(
      summary = "Search the shared library of change ideas",
      description =
          "Across every team (a trust member: their organisation's services' ideas only). q: words"
              + " in title or description (web search syntax); filters: measureCode, coProduced,"
              + " status, serviceId, region, serviceType. Best text match first, then the latest;"
              + " bounded by design: at most 200, refine the filters for more.")
  List<IdeaView> search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String measureCode,
      @RequestParam(required = false) Boolean coProduced,
      @RequestParam(required = false) Status status,
      @RequestParam(required = false) UUID serviceId,
      @RequestParam(required = false) Region region,
      @RequestParam(required = false) ServiceType serviceType) {
    return library
        .search(
            new ChangeIdeas.Search(
                q,
                measureCode,
                coProduced,
                serviceId,
                region == null ? null : region.name(),
                serviceType == null ? null : serviceType.name()),
            status)
        .stream()
        .map(IdeaView::of)
        .toList();
  }

  @PostMapping("/change-ideas/{id}/cycles")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Plan and start the next PDSA cycle",
      description = "Refused (409) while a cycle runs or after the idea was abandoned.")
  Cycle startCycle(@PathVariable UUID id, @Valid @RequestBody CycleRequest request) {
    return library.startCycle(id, request.plan(), request.startedOn());
  }

  @PostMapping("/change-ideas/{id}/cycles/{number}/outcome")
  @Operation(
      summary = "Study a running cycle and decide: ADOPT, ADAPT or ABANDON",
      description = "ADAPT leads to another cycle; ABANDON ends the idea.")
  Cycle completeCycle(
      @PathVariable UUID id, @PathVariable int number, @Valid @RequestBody OutcomeRequest request) {
    return library.completeCycle(
        id, number, request.done(), request.study(), request.act(), request.completedOn());
  }
}
