package org.mhaqi.coaching.plan;

import java.time.Clock;
import java.util.UUID;
import org.mhaqi.events.coaching.CancellationCause;
import org.mhaqi.events.coaching.SessionCancellationReason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Cancels a scheduled session on request, with the reason. */
@Service
@Transactional
public class SessionCancellation {

  private final PlanRepository plans;
  private final PlanAccess access;
  private final CoachingMetrics metrics;
  private final Clock clock;

  SessionCancellation(
      PlanRepository plans, PlanAccess access, CoachingMetrics metrics, Clock clock) {
    this.plans = plans;
    this.access = access;
    this.metrics = metrics;
    this.clock = clock;
  }

  public SessionView cancel(
      UUID sessionId, SessionCancellationReason reasonCode, String reason, String actor) {
    CoachingSession session = access.changeable(sessionId);
    CoachingPlan plan = session.getPlan();
    plan.cancel(session, reasonCode, reason, actor, clock.instant());
    plans.save(plan);
    metrics.cancelled(session.getLevel(), CancellationCause.REQUESTED, 1);
    return SessionView.of(session);
  }
}
