package org.mhaqi.coaching.scheduling;

import java.time.LocalDateTime;
import java.util.List;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;

/**
 * A session the cadence asks for, with the slots it may take, most preferred first; all of them on
 * working days inside the coaching window.
 */
public record SessionRequest(
    CoachingLevel level, SessionKind kind, int minutes, List<LocalDateTime> candidates) {

  public SessionRequest {
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException("A session request needs at least one candidate slot");
    }
    candidates = List.copyOf(candidates);
  }

  public boolean fullDay() {
    return kind == SessionKind.IMPROVEMENT_DAY;
  }

  public Booking at(LocalDateTime slot) {
    return new Booking(slot, minutes, fullDay());
  }
}
