package org.mhaqi.coaching.coach;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Tells which of a coach's days already hold sessions, so days away cannot strand them. */
public interface CoachCommitments {

  /** The days among {@code days} on which the coach has a scheduled session. */
  List<LocalDate> daysWithSessions(UUID coachId, List<LocalDate> days);
}
