package org.mhaqi.enrollment.programme;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.Period;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.http.HttpStatus;

/**
 * A phase of the programme: its dates, how many services it can enrol, and the coaching window in
 * which both coaching levels run at once. The window lies inside the phase.
 */
@Entity
@Table(name = "phase")
public class Phase {

  /** The longest a phase, or its coaching window, may last: dates beyond it are a typing error. */
  public static final Period LONGEST = Period.ofYears(2);

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
    requireAtMostLongest(startsOn, endsOn, "endsOn", "The phase");
    requireAtMostLongest(coachingStartsOn, coachingEndsOn, "coachingEndsOn", "The coaching window");
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

  /** Both days inclusive: two years from 1 July 2024 end on 30 June 2026 at the latest. */
  private static void requireAtMostLongest(
      LocalDate startsOn, LocalDate endsOn, String field, String what) {
    LocalDate latest = startsOn.plus(LONGEST).minusDays(1);
    if (endsOn.isAfter(latest)) {
      throw new RuleViolationException(
          HttpStatus.BAD_REQUEST,
          "too-long",
          field,
          what
              + " may last at most two years: from "
              + startsOn
              + " it ends on "
              + latest
              + " at the latest, not "
              + endsOn);
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
