package org.mhaqi.evaluation.sharedlearning;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.mhaqi.evaluation.changeidea.ChangeIdea;
import org.mhaqi.evaluation.changeidea.ChangeIdeas;
import org.mhaqi.evaluation.changeidea.OwnChangeIdeas;
import org.mhaqi.evaluation.datareturn.DataReturns;
import org.mhaqi.evaluation.datareturn.SeriesVerdict;
import org.mhaqi.evaluation.measure.Measures;
import org.mhaqi.events.evaluation.ChangeIdeaAdoptedFrom;
import org.mhaqi.events.evaluation.ChangeIdeaShared;
import org.mhaqi.events.evaluation.ChangeIdeaSharingWithdrawn;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A team's decisions on the shared library (share, withdraw, "adopted from"), each announced in the
 * transaction that records it, and the library as every team reads it.
 */
@Service
class SharedLearning {

  /**
   * A shared idea as the library answers it, before it is shaped for the wire.
   *
   * @param startedIn the month the idea started: its first PDSA cycle's, or the month it was
   *     recorded before any cycle
   * @param spc per measure of the idea, what the service's chart says since then
   */
  record SharedIdea(
      ChangeIdea idea,
      Instant sharedAt,
      SharedIdeas.Origin origin,
      UUID adoptedFromId,
      List<SharedIdeas.Adoption> spread,
      YearMonth startedIn,
      List<SeriesVerdict> spc) {}

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final ChangeIdeas ideas;
  private final SharedIdeas shared;
  private final DataReturns returns;
  private final Measures measures;
  private final OwnChangeIdeas own;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SharedLearning(
      ChangeIdeas ideas,
      SharedIdeas shared,
      DataReturns returns,
      Measures measures,
      OwnChangeIdeas own,
      ApplicationEventPublisher events,
      Clock clock) {
    this.ideas = ideas;
    this.shared = shared;
    this.returns = returns;
    this.measures = measures;
    this.own = own;
    this.events = events;
    this.clock = clock;
  }

  /** Shares the caller's idea with the programme; 409 when it is shared already. */
  @Transactional
  Instant share(UUID ideaId, String actor) {
    ChangeIdea idea = own.lock(ideaId);
    shared
        .sharedAt(ideaId)
        .ifPresent(
            at -> {
              throw RuleViolationException.conflict(
                  "already-shared", "id", "The change idea has been shared since " + at);
            });
    Instant now = clock.instant();
    shared.decide(ideaId, true, actor, now);
    events.publishEvent(
        new ChangeIdeaShared(
            ideaId,
            idea.enrollmentId(),
            idea.serviceId(),
            idea.coProduced(),
            idea.measureCodes(),
            now));
    return now;
  }

  /** Takes the caller's idea out of the library; 409 when it is not shared. */
  @Transactional
  Instant withdraw(UUID ideaId, String actor) {
    ChangeIdea idea = own.lock(ideaId);
    if (shared.sharedAt(ideaId).isEmpty()) {
      throw RuleViolationException.conflict(
          "not-shared", "id", "The change idea is not shared, so there is nothing to withdraw");
    }
    Instant now = clock.instant();
    shared.decide(ideaId, false, actor, now);
    events.publishEvent(
        new ChangeIdeaSharingWithdrawn(ideaId, idea.enrollmentId(), idea.serviceId(), now));
    return now;
  }

  /** Records that the caller's idea is another team's shared idea, tried in their service. */
  @Transactional
  Instant adopt(UUID ideaId, UUID sourceId, String actor) {
    ChangeIdea idea = own.lock(ideaId);
    ChangeIdea source =
        ideas
            .find(sourceId)
            .filter(found -> shared.sharedAt(found.id()).isPresent())
            .orElseThrow(() -> new NotFoundException("shared change idea", sourceId, "sourceId"));
    if (source.serviceId().equals(idea.serviceId())) {
      throw RuleViolationException.unprocessable(
          "same-service",
          "sourceId",
          "A change idea is adopted from another team's, not from the same service's");
    }
    shared.lockAdoptions();
    AdoptionChain.requireAllowed(ideaId, sourceId, shared::sourceOf);
    Instant now = clock.instant();
    shared.adopt(ideaId, sourceId, actor, now);
    events.publishEvent(
        new ChangeIdeaAdoptedFrom(
            ideaId, idea.enrollmentId(), idea.serviceId(), sourceId, source.serviceId(), now));
    return now;
  }

  /** A shared idea, whoever's it is; not found when it is not (or no longer) shared. */
  @Transactional(readOnly = true)
  SharedIdea read(UUID ideaId) {
    Instant sharedAt =
        shared
            .sharedAt(ideaId)
            .orElseThrow(() -> new NotFoundException("shared change idea", ideaId));
    ChangeIdea idea = ideas.find(ideaId).orElseThrow();
    UUID source =
        shared.sourceOf(ideaId).filter(id -> shared.sharedAt(id).isPresent()).orElse(null);
    YearMonth startedIn =
        idea.cycles().isEmpty()
            ? YearMonth.from(idea.recordedAt().atZone(LONDON))
            : YearMonth.from(idea.cycles().get(0).startedOn());
    List<SeriesVerdict> spc =
        idea.measureCodes().stream()
            .flatMap(code -> measures.find(code).stream())
            .flatMap(m -> returns.verdictSince(idea.serviceId(), m, startedIn).stream())
            .toList();
    return new SharedIdea(
        idea,
        sharedAt,
        shared.origin(idea.enrollmentId()),
        source,
        shared.spread(ideaId),
        startedIn,
        spc);
  }

  @Transactional(readOnly = true)
  List<SharedIdeas.Found> search(SharedIdeas.Search search) {
    return shared.search(search);
  }
}
