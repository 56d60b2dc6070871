package org.mhaqi.events.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.EventContract;
import org.mhaqi.events.Topics;

/**
 * A programme opened a phase: what an analytics consumer needs to place enrolments and coaching in
 * time and against capacity. Phases do not change once opened.
 *
 * @param startsOn first day of the phase (inclusive)
 * @param endsOn last day of the phase (inclusive)
 * @param capacity how many services the phase enrols at most; a completed service keeps its place
 * @param coachingStartsOn first day of the coaching window (inclusive)
 * @param coachingEndsOn last day of the coaching window (inclusive)
 */
@EventContract(type = "PhaseOpened", topic = Topics.PROGRAMME_EVENTS)
public record PhaseOpened(
    UUID phaseId,
    UUID programmeId,
    String programmeName,
    PhaseKind kind,
    String name,
    LocalDate startsOn,
    LocalDate endsOn,
    int capacity,
    LocalDate coachingStartsOn,
    LocalDate coachingEndsOn,
    Instant openedAt)
    implements DomainEvent {

  @Override
  public String subject() {
    return phaseId.toString();
  }
}
