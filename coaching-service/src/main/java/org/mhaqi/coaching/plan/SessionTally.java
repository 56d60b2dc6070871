package org.mhaqi.coaching.plan;

import java.util.Collection;
import java.util.UUID;

/**
 * A plan's sessions counted by status, and the project team's coaching booked, as plan views show
 * them. A list of plans takes these from one grouped query ({@link
 * SessionRepository#tallies(Collection)}) instead of loading every session of every plan listed; a
 * single plan counts the sessions it loads anyway ({@link #of(UUID, Collection)}). Both follow the
 * same rules.
 *
 * @param unstaffed scheduled sessions without a coach
 * @param teamMinutesBooked minutes of the team's level not cancelled ({@link TimeCommitment})
 */
record SessionTally(
    UUID planId,
    long scheduled,
    long unstaffed,
    long cancelled,
    long completed,
    long teamMinutesBooked) {

  /** A plan with no session. */
  static SessionTally none(UUID planId) {
    return new SessionTally(planId, 0, 0, 0, 0, 0);
  }

  static SessionTally of(UUID planId, Collection<CoachingSession> sessions) {
    long scheduled = 0;
    long unstaffed = 0;
    long cancelled = 0;
    long completed = 0;
    for (CoachingSession s : sessions) {
      switch (s.getStatus()) {
        case SCHEDULED -> {
          scheduled++;
          if (!s.isStaffed()) {
            unstaffed++;
          }
        }
        case CANCELLED -> cancelled++;
        case COMPLETED -> completed++;
      }
    }
    return new SessionTally(
        planId, scheduled, unstaffed, cancelled, completed, TimeCommitment.teamMinutes(sessions));
  }
}
