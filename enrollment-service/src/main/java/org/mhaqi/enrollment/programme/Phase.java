package org.mhaqi.enrollment.programme;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.support.web.RuleViolationException;

/**
 * A phase of the programme: its dates, how many services it can enrol, and the coaching window in
 * which both coaching levels run at once. The window lies inside the phase.
 */
@Entity
@Table(name = "phase")
public class Phase {

  @Id private UUID id;
  private UUID programmeId;

  @Enumerated(EnumType.STRING)
  private PhaseKind kind;

  private String name;
  private LocalDate startsOn;
  private LocalDate endsOn;
  private int capacity;
  private LocalDate coachingStartsOn;
  private LocalDate coachingEndsOn;

  protected Phase() {}

  public Phase(
      UUID id,
      UUID programmeId,
      PhaseKind kind,
      String name,
      LocalDate startsOn,
      LocalDate endsOn,
      int capacity,
      LocalDate coachingStartsOn,
      LocalDate coachingEndsOn) {
    requireDates(startsOn, endsOn, coachingStartsOn, coachingEndsOn);
    this.id = id;
    this.programmeId = programmeId;
    this.kind = kind;
    this.name = name;
    this.startsOn = startsOn;
    this.endsOn = endsOn;
    this.capacity = capacity;
    this.coachingStartsOn = coachingStartsOn;
    this.coachingEndsOn = coachingEndsOn;
  }

  static void requireDates(
      LocalDate startsOn, LocalDate endsOn, LocalDate coachingStartsOn, LocalDate coachingEndsOn) {
    if (endsOn.isBefore(startsOn)) {
      throw RuleViolationException.unprocessable(
          "invalid-dates",
          "endsOn",
          "The phase ends (" + endsOn + ") before it starts (" + startsOn + ")");
    }
    if (coachingEndsOn.isBefore(coachingStartsOn)) {
      throw RuleViolationException.unprocessable(
          "invalid-dates",
          "coachingEndsOn",
          "The coaching window ends ("
              + coachingEndsOn
              + ") before it starts ("
              + coachingStartsOn
              + ")");
    }
    if (coachingStartsOn.isBefore(startsOn)) {
      throw RuleViolationException.unprocessable(
          "date-outside-phase",
          "coachingStartsOn",
          "The coaching window starts ("
              + coachingStartsOn
              + ") before the phase ("
              + startsOn
              + ")");
    }
    if (coachingEndsOn.isAfter(endsOn)) {
      throw RuleViolationException.unprocessable(
          "date-outside-phase",
          "coachingEndsOn",
          "The coaching window ends (" + coachingEndsOn + ") after the phase (" + endsOn + ")");
    }
  }

  public UUID getId() {
    return id;
  }

  public UUID getProgrammeId() {
    return programmeId;
  }

  public PhaseKind getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }

  public int getCapacity() {
    return capacity;
  }

  public LocalDate getCoachingStartsOn() {
    return coachingStartsOn;
  }

  public LocalDate getCoachingEndsOn() {
    return coachingEndsOn;
  }
}
