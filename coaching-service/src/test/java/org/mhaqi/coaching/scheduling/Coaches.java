package org.mhaqi.coaching.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.events.coaching.CoachingLevel;

/** Test-data builder for coach profiles. */
final class Coaches {

  private UUID id = UUID.randomUUID();
  private Set<CoachingLevel> levels = EnumSet.allOf(CoachingLevel.class);
  private Set<DayOfWeek> days =
      EnumSet.of(
          DayOfWeek.MONDAY,
          DayOfWeek.TUESDAY,
          DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY,
          DayOfWeek.FRIDAY);
  private int capacity = 37 * 60;
  private Set<LocalDate> away = Set.of();

  static Coaches coach() {
    return new Coaches();
  }

  Coaches id(UUID id) {
    this.id = id;
    return this;
  }

  Coaches delivering(CoachingLevel first, CoachingLevel... rest) {
    this.levels = EnumSet.of(first, rest);
    return this;
  }

  Coaches working(DayOfWeek first, DayOfWeek... rest) {
    this.days = EnumSet.of(first, rest);
    return this;
  }

  Coaches weeklyMinutes(int minutes) {
    this.capacity = minutes;
    return this;
  }

  Coaches away(LocalDate... days) {
    this.away = Set.of(days);
    return this;
  }

  CoachProfile build() {
    return new CoachProfile(id, levels, days, capacity, away);
  }
}
