package org.mhaqi.evaluation.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import org.mhaqi.events.coaching.CoachingPlanCreated;
import org.mhaqi.events.enrollment.PhaseKind;

/**
 * A coaching plan as CoachingPlanCreated announced it. Of two announcements of one plan the later
 * stands, whatever order they arrive in.
 */
public record PlanFacts(
    UUID planId,
    UUID enrollmentId,
    UUID serviceId,
    UUID phaseId,
    PhaseKind phaseKind,
    LocalDate windowStartsOn,
    LocalDate windowEndsOn,
    int sessions,
    int unstaffedSessions,
    Instant createdAt) {

  private static final Comparator<PlanFacts> LATEST_LAST =
      Comparator.comparing(PlanFacts::createdAt)
          .thenComparingInt(PlanFacts::sessions)
          .thenComparingInt(PlanFacts::unstaffedSessions)
          // The same plan announced twice at one instant with different content: settle by content.
          .thenComparing(PlanFacts::toString);

  public PlanFacts {
    for (Object required :
        new Object[] {
          planId,
          enrollmentId,
          serviceId,
          phaseId,
          phaseKind,
          windowStartsOn,
          windowEndsOn,
          createdAt
        }) {
      if (required == null) {
        throw new IllegalArgumentException(
            "A coaching plan needs its ids, phase kind, window and creation time");
      }
    }
    if (sessions < 0 || unstaffedSessions < 0 || unstaffedSessions > sessions) {
      throw new IllegalArgumentException(
          "Session counts must be 0 <= unstaffed (" + unstaffedSessions + ") <= " + sessions);
    }
  }

  public static PlanFacts of(CoachingPlanCreated e) {
    return new PlanFacts(
        e.planId(),
        e.enrollmentId(),
        e.serviceId(),
        e.phaseId(),
        e.phaseKind(),
        e.windowStartsOn(),
        e.windowEndsOn(),
        e.sessions(),
        e.unstaffedSessions(),
        e.createdAt());
  }

  /** The later of the two; the same whichever is {@code this}. */
  public PlanFacts merge(PlanFacts other) {
    if (!planId.equals(other.planId)) {
      throw new IllegalArgumentException(
          "Plan " + other.planId + " cannot merge into plan " + planId);
    }
    return LATEST_LAST.compare(this, other) >= 0 ? this : other;
  }
}
