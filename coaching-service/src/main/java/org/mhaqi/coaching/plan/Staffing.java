package org.mhaqi.coaching.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.coaching.scheduling.Booking;
import org.mhaqi.coaching.scheduling.Roster;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives unstaffed future sessions a coach where one is now free (after coaches were registered or
 * came back), under the roster lock like every decision that books a coach.
 */
@Service
@Transactional
public class Staffing {

  private final PlanRepository plans;
  private final SessionRepository sessions;
  private final RosterLoader rosters;
  private final CoachingMetrics metrics;
  private final Clock clock;

  Staffing(
      PlanRepository plans,
      SessionRepository sessions,
      RosterLoader rosters,
      CoachingMetrics metrics,
      Clock clock) {
    this.plans = plans;
    this.sessions = sessions;
    this.rosters = rosters;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Staffs each unstaffed future session, keeping the team's coach at that level where the coach is
   * free, otherwise the least-loaded free coach.
   *
   * @return the sessions staffed now
   */
  public List<SessionView> staffUnstaffed(String actor) {
    rosters.lock();
    Instant now = clock.instant();
    List<CoachingSession> open =
        sessions.findUnstaffed().stream()
            .filter(s -> s.zonedStart().toInstant().isAfter(now))
            .toList();
    if (open.isEmpty()) {
      return List.of();
    }
    Roster roster =
        rosters.load(
            open.get(0).getStartsAt().toLocalDate(),
            open.get(open.size() - 1).getStartsAt().toLocalDate(),
            null);
    List<SessionView> staffed = new ArrayList<>();
    for (CoachingSession session : open) {
      CoachingPlan plan = session.getPlan();
      Booking booking = session.booking();
      Optional<UUID> coach =
          plan.teamCoaches(session.getLevel()).stream()
              .filter(c -> roster.isFree(c, session.getLevel(), booking))
              .findFirst()
              .or(() -> roster.leastLoadedFree(session.getLevel(), booking));
      if (coach.isPresent()) {
        roster.book(coach.get(), booking);
        plan.staff(session, coach.get(), "A coach became free", actor, now);
        plans.save(plan);
        metrics.rescheduled(session.getLevel());
        staffed.add(SessionView.of(session));
      }
    }
    return staffed;
  }
}
