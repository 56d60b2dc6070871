package org.mhaqi.evaluation.rebuild;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.evaluation.engagement.PlanFacts;
import org.mhaqi.evaluation.engagement.SessionFacts;
import org.mhaqi.evaluation.enrollment.EnrolledService;
import org.mhaqi.evaluation.enrollment.EnrollmentEnd;
import org.mhaqi.evaluation.enrollment.EnrollmentFacts;
import org.mhaqi.events.DomainEvent;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.coaching.SessionCancelled;
import org.mhaqi.events.coaching.SessionCompleted;
import org.mhaqi.events.coaching.SessionRescheduled;
import org.mhaqi.events.coaching.SessionScheduled;
import org.mhaqi.events.enrollment.EnrollmentCompleted;
import org.mhaqi.events.enrollment.EnrollmentWithdrawn;
import org.mhaqi.events.enrollment.ServiceEnrolled;

/**
 * The projections folded in memory from a replay, with the same merge rules the live consumers
 * apply one event at a time ({@link SessionFacts#merge}, {@link PlanFacts#merge}, {@link
 * EnrollmentEnd#merge}; the last ServiceEnrolled of an enrolment in topic order stands). Remembers
 * which rows changed since {@link #clearChanged()}, for the catch-up before the swap.
 */
final class Fold {

  private final Map<UUID, SessionFacts> sessions = new HashMap<>();
  private final Map<UUID, PlanFacts> plans = new HashMap<>();
  private final Map<UUID, ServiceEnrolled> enrolments = new HashMap<>();
  private final Map<UUID, EnrollmentEnd> ends = new HashMap<>();
  private final Set<UUID> changed = new HashSet<>();

  /**
   * Folds one event in.
   *
   * @return false when it is not an event the projections are built from
   * @throws IllegalArgumentException when it lacks what the projections need (the live consumer
   *     sends such an event to its dead letters)
   */
  boolean apply(DomainEvent event) {
    if (event instanceof SessionScheduled e) {
      session(SessionFacts.of(e));
    } else if (event instanceof SessionRescheduled e) {
      session(SessionFacts.of(e));
    } else if (event instanceof SessionCancelled e) {
      session(SessionFacts.of(e));
    } else if (event instanceof SessionCompleted e) {
      session(SessionFacts.of(e));
    } else if (event instanceof CoachingPlanCreated e) {
      PlanFacts plan = PlanFacts.of(e);
      plans.merge(plan.planId(), plan, PlanFacts::merge);
      changed.add(plan.planId());
    } else if (event instanceof ServiceEnrolled e) {
      EnrollmentFacts.enrolledService(e, null);
      enrolments.put(e.enrollmentId(), e);
      changed.add(e.enrollmentId());
    } else if (event instanceof EnrollmentWithdrawn e) {
      end(e.enrollmentId(), EnrollmentEnd.of(e));
    } else if (event instanceof EnrollmentCompleted e) {
      end(e.enrollmentId(), EnrollmentEnd.of(e));
    } else {
      return false;
    }
    return true;
  }

  private void session(SessionFacts facts) {
    sessions.merge(facts.sessionId(), facts, SessionFacts::merge);
    changed.add(facts.sessionId());
  }

  private void end(UUID enrollmentId, EnrollmentEnd end) {
    if (enrollmentId == null) {
      throw new IllegalArgumentException("enrollmentId is required");
    }
    ends.merge(enrollmentId, end, EnrollmentEnd::merge);
    changed.add(enrollmentId);
  }

  List<SessionFacts> sessions(boolean changedOnly) {
    return sessions.values().stream()
        .filter(s -> !changedOnly || changed.contains(s.sessionId()))
        .toList();
  }

  List<PlanFacts> plans(boolean changedOnly) {
    return plans.values().stream()
        .filter(p -> !changedOnly || changed.contains(p.planId()))
        .toList();
  }

  List<EnrolledService> enrolledServices(boolean changedOnly) {
    List<EnrolledService> result = new ArrayList<>();
    enrolments.forEach(
        (id, e) -> {
          if (!changedOnly || changed.contains(id)) {
            result.add(EnrollmentFacts.enrolledService(e, ends.get(id)));
          }
        });
    return result;
  }

  Map<UUID, EnrollmentEnd> ends(boolean changedOnly) {
    Map<UUID, EnrollmentEnd> result = new HashMap<>();
    ends.forEach(
        (id, end) -> {
          if (!changedOnly || changed.contains(id)) {
            result.put(id, end);
          }
        });
    return result;
  }

  int sessionCount() {
    return sessions.size();
  }

  void clearChanged() {
    changed.clear();
  }
}
