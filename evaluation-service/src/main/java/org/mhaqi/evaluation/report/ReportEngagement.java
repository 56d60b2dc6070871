package org.mhaqi.evaluation.report;

import java.math.BigDecimal;
import java.util.Map;
import org.mhaqi.evaluation.engagement.EngagementReports.RegionEngagement;
import org.mhaqi.evaluation.engagement.PublishedCount;
import org.mhaqi.evaluation.engagement.PublishedEngagement;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.TeamRole;

/**
 * Engagement as a report publishes it: sessions, their share with a lived-experience partner and
 * hours as they are (sessions are not people, so small-number suppression does not apply), and
 * attendances, which are people, as the engagement API already suppresses them.
 */
public record ReportEngagement(
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

  /** A region's engagement in a report. */
  public record InRegion(Region region, ReportEngagement engagement) {
    static InRegion of(RegionEngagement r) {
      return new InRegion(r.region(), ReportEngagement.of(r.engagement()));
    }
  }

  /** The engagement API's figures as a report publishes them; null stays null. */
  static ReportEngagement of(PublishedEngagement e) {
    if (e == null) {
      return null;
    }
    return new ReportEngagement(
        e.sessionsPlanned(),
        e.sessionsDelivered(),
        e.sessionsCancelled(),
        e.sessionsScheduled(),
        e.plannedHours(),
        e.cancelledHours(),
        e.deliveredHours(),
        e.deliveredShareOfPlannedHours(),
        e.sessionsWithLivedExperiencePartner(),
        e.livedExperienceShareOfDeliveredSessions(),
        e.attendances(),
        e.attendancesByRole());
  }
}
