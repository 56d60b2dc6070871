package org.mhaqi.coaching.scheduling;

import java.time.LocalDateTime;
import java.util.UUID;
import org.mhaqi.events.coaching.CoachingLevel;
import org.mhaqi.events.coaching.SessionKind;

/**
 * A session the planner placed.
 *
 * @param startsAt wall-clock start
 * @param coachId the coach who takes it; null when no coach could, so it is reported unstaffed
 */
public record PlannedSession(
    CoachingLevel level, SessionKind kind, LocalDateTime startsAt, int minutes, UUID coachId) {

  public boolean staffed() {
    return coachId != null;
  }

  public Booking booking() {
    return new Booking(startsAt, minutes, kind == SessionKind.IMPROVEMENT_DAY);
  }
}
