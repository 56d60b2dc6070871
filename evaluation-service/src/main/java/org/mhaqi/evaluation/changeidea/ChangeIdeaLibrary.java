package org.mhaqi.evaluation.changeidea;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Act;
import org.mhaqi.evaluation.changeidea.ChangeIdea.Cycle;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrolledServices;
import org.mhaqi.evaluation.enrollment.OrganisationScope;
import org.mhaqi.evaluation.measure.Measures;
import org.mhaqi.evaluation.web.RejectedInputException;
import org.mhaqi.evaluation.web.RejectedInputException.Problem;
import org.mhaqi.events.evaluation.ChangeIdeaRecorded;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records teams' change ideas and their PDSA cycles, and searches them across teams. */
@Service
class ChangeIdeaLibrary {

  /** A change idea as a team describes it. */
  record NewIdea(String title, String description, boolean coProduced, List<String> measureCodes) {}

  private final ChangeIdeas ideas;
  private final EnrolledServices enrollments;
  private final Measures measures;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final OrganisationScope scope;
  private final OwnChangeIdeas own;

  ChangeIdeaLibrary(
      ChangeIdeas ideas,
      EnrolledServices enrollments,
      Measures measures,
      ApplicationEventPublisher events,
      Clock clock,
      OrganisationScope scope,
      OwnChangeIdeas own) {
    this.scope = scope;
    this.own = own;
    this.ideas = ideas;
    this.enrollments = enrollments;
    this.measures = measures;
    this.events = events;
    this.clock = clock;
  }

  /** Records the idea under the service's running enrolment and announces it. */
  @Transactional
  ChangeIdea record(UUID serviceId, NewIdea idea, String actor) {
    scope.requireVisible(serviceId);
    List<EnrolledService> ofService = enrollments.ofService(serviceId);
    if (ofService.isEmpty()) {
      throw new NotFoundException("enrolled service", serviceId);
    }
    EnrolledService enrollment =
        ofService.stream()
            .filter(e -> e.status() == EnrolledService.Status.ENROLLED)
            .max(Comparator.comparing(EnrolledService::enrolledOn))
            .orElseThrow(
                () ->
                    RuleViolationException.conflict(
                        "not-enrolled",
                        "serviceId",
                        "The service has no running enrolment to record change ideas under"));
    List<String> codes = idea.measureCodes().stream().distinct().toList();
    List<Problem> unknown = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      if (measures.find(codes.get(i)).isEmpty()) {
        unknown.add(
            Problem.of(
                "measureCodes[" + idea.measureCodes().indexOf(codes.get(i)) + "]",
                "'" + codes.get(i) + "' is not a measure of the catalogue"));
      }
    }
    if (!unknown.isEmpty()) {
      throw new RejectedInputException(
          HttpStatus.UNPROCESSABLE_CONTENT, "unknown-measure", unknown);
    }
    ChangeIdea recorded =
        new ChangeIdea(
            UUID.randomUUID(),
            enrollment.enrollmentId(),
            serviceId,
            idea.title().strip(),
            idea.description().strip(),
            idea.coProduced(),
            codes,
            clock.instant(),
            List.of());
    ideas.insert(recorded, actor);
    events.publishEvent(
        new ChangeIdeaRecorded(
            recorded.id(),
            recorded.enrollmentId(),
            serviceId,
            recorded.coProduced(),
            recorded.measureCodes(),
            recorded.recordedAt()));
    return recorded;
  }

  @Transactional
  Cycle startCycle(UUID ideaId, String plan, LocalDate startedOn) {
    ChangeIdea idea = own.lock(ideaId);
    Cycle cycle = idea.startCycle(plan.strip(), startedOn);
    ideas.insertCycle(ideaId, cycle);
    return cycle;
  }

  @Transactional
  Cycle completeCycle(
      UUID ideaId, int number, String done, String study, Act act, LocalDate completedOn) {
    ChangeIdea idea = own.lock(ideaId);
    Cycle cycle = idea.completeCycle(number, done.strip(), study.strip(), act, completedOn);
    ideas.completeCycle(ideaId, cycle);
    return cycle;
  }

  @Transactional(readOnly = true)
  ChangeIdea find(UUID ideaId) {
    return ideas
        .find(ideaId)
        .filter(idea -> scope.includes(idea.serviceId()))
        .orElseThrow(() -> new NotFoundException("change idea", ideaId));
  }

  @Transactional(readOnly = true)
  List<ChangeIdea> search(ChangeIdeas.Search search, ChangeIdea.Status status) {
    return ideas.search(search, scope.odsCodeFilter()).stream()
        .filter(idea -> status == null || idea.status() == status)
        .toList();
  }
}
