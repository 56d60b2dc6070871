package org.mhaqi.enrollment.programme;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Page;
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
@RequestMapping("/api")
@Tag(name = "Programme and phases")
class ProgrammeController {

  private final Programmes programmes;

  ProgrammeController(Programmes programmes) {
    this.programmes = programmes;
  }

  record NewProgramme(@NotBlank @Size(max = 200) String name) {}

  record ProgrammeView(UUID id, String name, List<PhaseView> phases) {}

  record PhaseView(
      UUID id,
      UUID programmeId,
      PhaseKind kind,
      String name,
      LocalDate startsOn,
      LocalDate endsOn,
      int capacity,
      LocalDate coachingStartsOn,
      LocalDate coachingEndsOn) {

    static PhaseView of(Phase phase) {
      return new PhaseView(
          phase.getId(),
          phase.getProgrammeId(),
          phase.getKind(),
          phase.getName(),
          phase.getStartsOn(),
          phase.getEndsOn(),
          phase.getCapacity(),
          phase.getCoachingStartsOn(),
          phase.getCoachingEndsOn());
    }
  }

  @PostMapping("/programmes")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a programme")
  ProgrammeView create(@Valid @RequestBody NewProgramme request) {
    Programme programme = programmes.create(request.name());
    return new ProgrammeView(programme.getId(), programme.getName(), List.of());
  }

  @GetMapping("/programmes")
  @Operation(
      summary = "List programmes with their phases",
      description =
          "In order of creation, a page at a time: page from 0, size 1 to 200 (default 50). Each"
              + " programme's phases are not paged: a programme has at most two (one of each"
              + " kind).")
  PagedModel<ProgrammeView> all(@ParameterObject Pageable pageable) {
    Page<Programme> page = programmes.all(pageable);
    Map<UUID, List<Phase>> phases =
        programmes.phasesByProgramme(page.map(Programme::getId).getContent());
    return new PagedModel<>(page.map(p -> view(p, phases.getOrDefault(p.getId(), List.of()))));
  }

  @GetMapping("/programmes/{programmeId}")
  @Operation(
      summary = "A programme with its phases",
      description = "Its phases are not paged: at most two (one of each kind).")
  ProgrammeView one(@PathVariable UUID programmeId) {
    return view(programmes.programme(programmeId), programmes.phasesOf(programmeId));
  }

  @PostMapping("/programmes/{programmeId}/phases")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Open a phase",
      description =
          "The coaching window must lie inside the phase; neither may last more than two years;"
              + " one phase of each kind. Announced as PhaseOpened on programme.events.")
  PhaseView addPhase(@PathVariable UUID programmeId, @Valid @RequestBody NewPhase request) {
    return PhaseView.of(programmes.addPhase(programmeId, request));
  }

  @GetMapping("/programmes/{programmeId}/phases")
  @Operation(
      summary = "The programme's phases",
      description = "In order of their start, a page at a time: page from 0, size 1 to 200.")
  PagedModel<PhaseView> phases(@PathVariable UUID programmeId, @ParameterObject Pageable pageable) {
    return new PagedModel<>(programmes.phasesOf(programmeId, pageable).map(PhaseView::of));
  }

  private static ProgrammeView view(Programme programme, List<Phase> phases) {
    return new ProgrammeView(
        programme.getId(), programme.getName(), phases.stream().map(PhaseView::of).toList());
  }
}
