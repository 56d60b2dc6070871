package org.mhaqi.evaluation.changeidea;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mhaqi.support.web.RuleViolationException;

/**
 * A team's change idea and its PDSA cycles. Cycles run one at a time: a cycle is planned and
 * started, then studied and closed with a decision (adopt, adapt, abandon); an abandoned idea runs
 * no more cycles.
 */
public final class ChangeIdea {

  /** What the team decided after studying a cycle. */
  public enum Act {
    ADOPT,
    ADAPT,
    ABANDON
  }

  /** Where the idea stands, from its cycles. */
  public enum Status {
    /** No cycle yet. */
    PROPOSED,
    /** A cycle runs, or the last one adapted the idea for another. */
    TESTING,
    ADOPTED,
    ABANDONED
  }

  /**
   * One Plan-Do-Study-Act cycle.
   *
   * @param done what happened when the plan was carried out; null while the cycle runs
   * @param act the decision; null while the cycle runs
   */
  public record Cycle(
      int number,
      String plan,
      LocalDate startedOn,
      String done,
      String study,
      Act act,
      LocalDate completedOn) {

    public boolean running() {
      return act == null;
    }
  }

  private final UUID id;
  private final UUID enrollmentId;
  private final UUID serviceId;
  private final String title;
  private final String description;
  private final boolean coProduced;
  private final List<String> measureCodes;
  private final Instant recordedAt;
  private final List<Cycle> cycles;

  public ChangeIdea(
      UUID id,
      UUID enrollmentId,
      UUID serviceId,
      String title,
      String description,
      boolean coProduced,
      List<String> measureCodes,
      Instant recordedAt,
      List<Cycle> cycles) {
    this.id = id;
    this.enrollmentId = enrollmentId;
    this.serviceId = serviceId;
    this.title = title;
    this.description = description;
    this.coProduced = coProduced;
    this.measureCodes = List.copyOf(measureCodes);
    this.recordedAt = recordedAt;
    this.cycles = new ArrayList<>(cycles);
  }

  public Status status() {
    if (cycles.isEmpty()) {
      return Status.PROPOSED;
    }
    Cycle last = cycles.get(cycles.size() - 1);
    if (last.running()) {
      return Status.TESTING;
    }
    return switch (last.act()) {
      case ADOPT -> Status.ADOPTED;
      case ADAPT -> Status.TESTING;
      case ABANDON -> Status.ABANDONED;
    };
  }

  /** Starts the next cycle; refused while one runs, after abandonment, or before the last ended. */
  public Cycle startCycle(String plan, LocalDate startedOn) {
    if (status() == Status.ABANDONED) {
      throw RuleViolationException.conflict(
          "change-idea-abandoned", "plan", "The change idea was abandoned; record a new idea");
    }
    Cycle last = cycles.isEmpty() ? null : cycles.get(cycles.size() - 1);
    if (last != null && last.running()) {
      throw RuleViolationException.conflict(
          "cycle-running",
          "plan",
          "Cycle " + last.number() + " is still running; study it and decide before the next");
    }
    if (last != null && startedOn.isBefore(last.completedOn())) {
      throw RuleViolationException.unprocessable(
          "invalid-date",
          "startedOn",
          "A cycle starts on or after the previous one's end, " + last.completedOn());
    }
    Cycle cycle = new Cycle(cycles.size() + 1, plan, startedOn, null, null, null, null);
    cycles.add(cycle);
    return cycle;
  }

  /** Closes the running cycle with what was done, what was learnt and the decision. */
  public Cycle completeCycle(
      int number, String done, String study, Act act, LocalDate completedOn) {
    if (number < 1 || number > cycles.size()) {
      throw new org.mhaqi.support.web.NotFoundException("PDSA cycle", number);
    }
    Cycle cycle = cycles.get(number - 1);
    if (!cycle.running()) {
      throw RuleViolationException.conflict(
          "cycle-completed", "act", "Cycle " + number + " was already completed");
    }
    if (completedOn.isBefore(cycle.startedOn())) {
      throw RuleViolationException.unprocessable(
          "invalid-date",
          "completedOn",
          "A cycle completes on or after its start, " + cycle.startedOn());
    }
    Cycle completed =
        new Cycle(number, cycle.plan(), cycle.startedOn(), done, study, act, completedOn);
    cycles.set(number - 1, completed);
    return completed;
  }

  public UUID id() {
    return id;
  }

  public UUID enrollmentId() {
    return enrollmentId;
  }

  public UUID serviceId() {
    return serviceId;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  public boolean coProduced() {
    return coProduced;
  }

  public List<String> measureCodes() {
    return measureCodes;
  }

  public Instant recordedAt() {
    return recordedAt;
  }

  public List<Cycle> cycles() {
    return List.copyOf(cycles);
  }
}
