package org.mhaqi.coaching.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.events.coaching.CoachingLevel;

/**
 * What the planner knows of a coach: the levels delivered, the weekdays worked, the weekly capacity
 * and the days away.
 */
public record CoachProfile(
    UUID id,
    Set<CoachingLevel> levels,
    Set<DayOfWeek> workingDays,
    int weeklyCapacityMinutes,
    Set<LocalDate> daysAway) {

  public CoachProfile {
    levels = Set.copyOf(levels);
    workingDays = Set.copyOf(workingDays);
    daysAway = Set.copyOf(daysAway);
  }
}
