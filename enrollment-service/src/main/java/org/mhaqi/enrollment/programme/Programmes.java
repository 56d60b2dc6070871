package org.mhaqi.enrollment.programme;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mhaqi.events.enrollment.PhaseOpened;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.Paging;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and reads programmes and their phases. Opening a phase announces it (PhaseOpened) in the
 * same transaction, so analytics sees every phase's dates and capacity.
 */
@Service
@Transactional
public class Programmes {

  private static final Sort BY_START = Sort.by("startsOn", "id");

  private final ProgrammeRepository programmes;
  private final PhaseRepository phases;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Programmes(
      ProgrammeRepository programmes,
      PhaseRepository phases,
      ApplicationEventPublisher events,
      Clock clock) {
    this.programmes = programmes;
    this.phases = phases;
    this.events = events;
    this.clock = clock;
  }

  public Programme create(String name) {
    return programmes.save(new Programme(UUID.randomUUID(), name.strip(), clock.instant()));
  }

  /** In order of creation, then id. */
  @Transactional(readOnly = true)
  public Page<Programme> all(Pageable pageable) {
    return programmes.findAll(Paging.inOrder(pageable, Sort.by("createdAt", "id")));
  }

  @Transactional(readOnly = true)
  public Programme programme(UUID id) {
    return programmes.findById(id).orElseThrow(() -> new NotFoundException("programme", id));
  }

  public Phase addPhase(UUID programmeId, NewPhase request) {
    Programme programme = programme(programmeId);
    phases
        .findByProgrammeIdAndKind(programmeId, request.kind())
        .ifPresent(
            existing -> {
              throw RuleViolationException.conflict(
                  "phase-exists",
                  "kind",
                  "The programme already has a " + request.kind() + " phase: " + existing.getId());
            });
    Phase phase =
        phases.save(
            new Phase(
                UUID.randomUUID(),
                programmeId,
                request.kind(),
                request.name().strip(),
                request.startsOn(),
                request.endsOn(),
                request.capacity(),
                request.coachingStartsOn(),
                request.coachingEndsOn()));
    events.publishEvent(
        new PhaseOpened(
            phase.getId(),
            programme.getId(),
            programme.getName(),
            phase.getKind(),
            phase.getName(),
            phase.getStartsOn(),
            phase.getEndsOn(),
            phase.getCapacity(),
            phase.getCoachingStartsOn(),
            phase.getCoachingEndsOn(),
            clock.instant()));
    return phase;
  }

  /** In order of their start, then id. */
  @Transactional(readOnly = true)
  public Page<Phase> phasesOf(UUID programmeId, Pageable pageable) {
    programme(programmeId);
    return phases.findByProgrammeId(programmeId, Paging.inOrder(pageable, BY_START));
  }

  /** A programme's phases, at most one of each kind, in order of their start. */
  @Transactional(readOnly = true)
  public List<Phase> phasesOf(UUID programmeId) {
    programme(programmeId);
    return phases.findByProgrammeIdOrderByStartsOn(programmeId);
  }

  /** The phases of the programmes given, read in one query. */
  @Transactional(readOnly = true)
  public Map<UUID, List<Phase>> phasesByProgramme(Collection<UUID> programmeIds) {
    return phases.findByProgrammeIdIn(programmeIds, BY_START).stream()
        .collect(Collectors.groupingBy(Phase::getProgrammeId));
  }

  @Transactional(readOnly = true)
  public Phase phase(UUID id) {
    return phases.findById(id).orElseThrow(() -> new NotFoundException("phase", id));
  }
}
