package org.mhaqi.evaluation.engagement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;
import org.mhaqi.events.enrollment.TeamRole;

/**
 * Engagement as the API publishes it: session counts, hours, lived-experience participation, and
 * counts of people attending through small-number suppression.
 *
 * @param plannedHours every session planned, cancelled ones included
 * @param deliveredShareOfPlannedHours delivered hours over the planned hours not cancelled; null
 *     when none are planned
 * @param livedExperienceShareOfDeliveredSessions share of delivered sessions a lived-experience
 *     partner took part in; null when none were delivered
 * @param attendances people attending, summed over delivered sessions (suppressed)
 * @param attendancesByRole the same per project-team role, every role listed (suppressed)
 */
public record PublishedEngagement(
    long sessionsPlanned,
    long sessionsDelivered,
    long sessionsCancelled,
    long sessionsScheduled,
    BigDecimal plannedHours,
    BigDecimal cancelledHours,
    BigDecimal deliveredHours,
    BigDecimal deliveredShareOfPlannedHours,
    long sessionsWithLivedExperiencePartner,
    BigDecimal livedExperienceShareOfDeliveredSessions,
    PublishedCount attendances,
    Map<TeamRole, PublishedCount> attendancesByRole) {

  public static PublishedEngagement of(EngagementFigures f, AttendanceSuppression suppression) {
    Map<TeamRole, PublishedCount> byRole = new EnumMap<>(TeamRole.class);
    for (TeamRole role : TeamRole.values()) {
      byRole.put(role, suppression.publish(f.attendancesByRole().getOrDefault(role, 0L)));
    }
    return new PublishedEngagement(
        f.sessionsPlanned(),
        f.sessionsDelivered(),
        f.sessionsCancelled(),
        f.sessionsScheduled(),
        hours(f.plannedMinutes()),
        hours(f.cancelledMinutes()),
        hours(f.deliveredMinutes()),
        share(f.deliveredMinutes(), f.plannedMinutes() - f.cancelledMinutes()),
        f.sessionsWithLivedExperiencePartner(),
        share(f.sessionsWithLivedExperiencePartner(), f.sessionsDelivered()),
        suppression.publish(f.attendances()),
        byRole);
  }

  /** Minutes as hours to two decimals (a 50-minute session is 0.83 hours). */
  static BigDecimal hours(long minutes) {
    return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
  }

  /** A share to three decimals; null when there is nothing to share out. */
  static BigDecimal share(long part, long whole) {
    if (whole <= 0) {
      return null;
    }
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
  }
}
