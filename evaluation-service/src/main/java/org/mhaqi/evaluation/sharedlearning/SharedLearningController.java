package org.mhaqi.evaluation.sharedlearning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Act;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Cycle;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Status;
import org.mhaqi.evaluation.datareturn.SeriesVerdict;
import org.mhaqi.evaluation.sharedlearning.SharedLearning.SharedIdea;
import org.mhaqi.support.web.Actor;
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
@RequestMapping("/api")
@Tag(name = "Shared learning")
class SharedLearningController {

  private final SharedLearning learning;

  SharedLearningController(SharedLearning learning) {
    this.learning = learning;
  }

  /** Whether the idea is in the shared library now, and since when. */
  record SharingView(UUID changeIdeaId, boolean shared, Instant decidedAt) {}

  record AdoptionRequest(@NotNull UUID sourceId) {}

  record AdoptionView(UUID changeIdeaId, UUID adoptedFromId, Instant adoptedAt) {}

  /**
   * One idea adopted from a shared one, directly or onward.
   *
   * @param changeIdeaId null unless the adopting team shared it too
   * @param generation 1: adopted from the idea itself; 2: from one of those; ...
   */
  record SpreadView(
      UUID changeIdeaId, int generation, String region, String serviceType, UUID phaseId) {}

  /**
   * A shared idea as every team reads it: no person's name or e-mail address.
   *
   * @param problem the team's description of the problem and the idea
   * @param adoptedFromId the shared idea this one was adopted from; null for an original idea (or
   *     when that one is no longer shared)
   * @param adoptingTeams how many other services adopted it, directly or onward
   * @param startedIn the month the idea started (its first PDSA cycle's)
   * @param spcSinceStart per measure, what the service's SPC chart says since then: special-cause
   *     months of improvement and of concern, and the chart's variation icon (no figures)
   */
  record SharedIdeaView(
      UUID id,
      UUID serviceId,
      String region,
      String serviceType,
      UUID phaseId,
      String phaseKind,
      String title,
      String problem,
      List<String> measureCodes,
      boolean coProduced,
      Status status,
      Instant sharedAt,
      List<Cycle> cycles,
      UUID adoptedFromId,
      int adoptingTeams,
      List<SpreadView> spread,
      YearMonth startedIn,
      List<SeriesVerdict> spcSinceStart) {

    static SharedIdeaView of(SharedIdea shared) {
      var idea = shared.idea();
      var origin = shared.origin();
      List<SpreadView> spread =
          shared.spread().stream()
              .map(
                  a ->
                      new SpreadView(
                          a.shared() ? a.changeIdeaId() : null,
                          a.generation(),
                          a.origin().region(),
                          a.origin().serviceType(),
                          a.origin().phaseId()))
              .toList();
      int adoptingTeams =
          (int)
              shared.spread().stream()
                  .map(SharedIdeas.Adoption::serviceId)
                  .filter(service -> !service.equals(idea.serviceId()))
                  .distinct()
                  .count();
      return new SharedIdeaView(
          idea.id(),
          idea.serviceId(),
          origin.region(),
          origin.serviceType(),
          origin.phaseId(),
          origin.phaseKind(),
          idea.title(),
          idea.description(),
          idea.measureCodes(),
          idea.coProduced(),
          idea.status(),
          shared.sharedAt(),
          idea.cycles(),
          shared.adoptedFromId(),
          adoptingTeams,
          spread,
          shared.startedIn(),
          shared.spc());
    }
  }

  @PostMapping("/change-ideas/{id}/sharing")
  @Operation(
      summary = "Share the team's change idea with the programme",
      description =
          "Every team, coach and analyst can then find it in the shared library; a recorded"
              + " decision (who and when, in the audit trail), announced as ChangeIdeaShared; 409"
              + " when it is shared already.")
  SharingView share(@PathVariable UUID id) {
    return new SharingView(id, true, learning.share(id, Actor.current()));
  }

  @DeleteMapping("/change-ideas/{id}/sharing")
  @Operation(
      summary = "Withdraw the team's change idea from the shared library",
      description =
          "A recorded decision, announced as ChangeIdeaSharingWithdrawn; ideas adopted from it keep"
              + " their link. 409 when it is not shared.")
  SharingView withdraw(@PathVariable UUID id) {
    return new SharingView(id, false, learning.withdraw(id, Actor.current()));
  }

  @PostMapping("/change-ideas/{id}/adopted-from")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Say the team's change idea is another team's shared idea, tried here",
      description =
          "One source per idea, never the same service's, never closing a cycle (422); announced"
              + " as ChangeIdeaAdoptedFrom.")
  AdoptionView adopt(@PathVariable UUID id, @Valid @RequestBody AdoptionRequest request) {
    return new AdoptionView(
        id, request.sourceId(), learning.adopt(id, request.sourceId(), Actor.current()));
  }

  @GetMapping("/shared-change-ideas")
  @Operation(
      summary = "Search the shared change-idea library",
      description =
          "Every team's shared ideas. q: words in title or description (web search syntax);"
              + " filters: measureCode, outcome (the decision of the latest studied PDSA cycle),"
              + " coProduced, phaseId. The most widely adopted first, then the best text match,"
              + " then the latest shared; bounded by design: at most 200.")
  List<SharedIdeaView> search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String measureCode,
      @RequestParam(required = false) Act outcome,
      @RequestParam(required = false) Boolean coProduced,
      @RequestParam(required = false) UUID phaseId) {
    return learning
        .search(new SharedIdeas.Search(q, measureCode, outcome, coProduced, phaseId))
        .stream()
        .map(found -> SharedIdeaView.of(learning.read(found.changeIdeaId())))
        .toList();
  }

  @GetMapping("/shared-change-ideas/{id}")
  @Operation(
      summary = "Read a shared change idea",
      description =
          "The problem, the measures, co-production, the PDSA cycles with their outcomes and what"
              + " was learnt, the service's SPC verdict on each measure since the idea started,"
              + " where it came from and how it spread; 404 unless shared.")
  SharedIdeaView read(@PathVariable UUID id) {
    return SharedIdeaView.of(learning.read(id));
  }
}
