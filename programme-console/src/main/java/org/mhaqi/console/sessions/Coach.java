package org.mhaqi.console.sessions;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A coach's record as coaching-service answers it to the coach themselves. */
record Coach(UUID id, String name, List<DayAway> daysAway) {

  Coach {
    daysAway = daysAway == null ? List.of() : List.copyOf(daysAway);
  }

  /** A day the coach is away, with their reason if they gave one. */
  record DayAway(LocalDate day, String reason) {}
}
