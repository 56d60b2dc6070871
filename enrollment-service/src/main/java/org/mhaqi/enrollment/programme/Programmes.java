package org.mhaqi.enrollment.programme;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and reads programmes and their phases. */
@Service
@Transactional
public class Programmes {

  private final ProgrammeRepository programmes;
  private final PhaseRepository phases;
  private final Clock clock;

  Programmes(ProgrammeRepository programmes, PhaseRepository phases, Clock clock) {
    this.programmes = programmes;
    this.phases = phases;
    this.clock = clock;
  }

  public Programme create(String name) {
    return programmes.save(new Programme(UUID.randomUUID(), name.strip(), clock.instant()));
  }

  @Transactional(readOnly = true)
  public List<Programme> all() {
    return programmes.findAllByOrderByCreatedAt();
  }

  @Transactional(readOnly = true)
  public Programme programme(UUID id) {
    return programmes.findById(id).orElseThrow(() -> new NotFoundException("programme", id));
  }

  public Phase addPhase(UUID programmeId, NewPhase request) {
    programme(programmeId);
    phases
        .findByProgrammeIdAndKind(programmeId, request.kind())
        .ifPresent(
            existing -> {
              throw RuleViolationException.conflict(
                  "phase-exists",
                  "kind",
                  "The programme already has a " + request.kind() + " phase: " + existing.getId());
            });
    return phases.save(
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
  }

  @Transactional(readOnly = true)
  public List<Phase> phasesOf(UUID programmeId) {
    programme(programmeId);
    return phases.findByProgrammeIdOrderByStartsOn(programmeId);
  }

  /** Every programme's phases, read in one query. */
  @Transactional(readOnly = true)
  public Map<UUID, List<Phase>> phasesByProgramme() {
    return phases.findAll(Sort.by("startsOn")).stream()
        .collect(Collectors.groupingBy(Phase::getProgrammeId));
  }

  @Transactional(readOnly = true)
  public Phase phase(UUID id) {
    return phases.findById(id).orElseThrow(() -> new NotFoundException("phase", id));
  }
}
