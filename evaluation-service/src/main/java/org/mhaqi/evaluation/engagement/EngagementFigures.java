package org.mhaqi.evaluation.engagement;

import java.util.Map;
import org.mhaqi.events.enrollment.TeamRole;

/**
 * Engagement of a group of sessions, as counted from the projection, before anything is published.
 *
 * @param sessionsPlanned every session planned, cancelled ones included
 * @param sessionsDelivered sessions completed
 * @param sessionsCancelled sessions cancelled and not delivered
 * @param plannedMinutes planned length of every session planned
 * @param cancelledMinutes planned length of the cancelled sessions
 * @param deliveredMinutes minutes delivered in the completed sessions
 * @param sessionsWithLivedExperiencePartner delivered sessions a lived-experience partner took part
 *     in
 * @param attendances people attending, summed over the delivered sessions
 * @param attendancesByRole the same per project-team role; roles nobody attended in are left out
 */
public record EngagementFigures(
    long sessionsPlanned,
    long sessionsDelivered,
    long sessionsCancelled,
    long plannedMinutes,
    long cancelledMinutes,
    long deliveredMinutes,
    long sessionsWithLivedExperiencePartner,
    long attendances,
    Map<TeamRole, Long> attendancesByRole) {

  public static final EngagementFigures NONE =
      new EngagementFigures(0, 0, 0, 0, 0, 0, 0, 0, Map.of());

  public EngagementFigures {
    attendancesByRole = Map.copyOf(attendancesByRole);
  }

  /** Sessions still to come: planned, neither delivered nor cancelled. */
  public long sessionsScheduled() {
    return sessionsPlanned - sessionsDelivered - sessionsCancelled;
  }

  EngagementFigures withAttendancesByRole(Map<TeamRole, Long> byRole) {
    return new EngagementFigures(
        sessionsPlanned,
        sessionsDelivered,
        sessionsCancelled,
        plannedMinutes,
        cancelledMinutes,
        deliveredMinutes,
        sessionsWithLivedExperiencePartner,
        attendances,
        byRole);
  }
}
