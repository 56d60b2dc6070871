package org.mhaqi.evaluation.report;

import java.math.BigDecimal;
import java.util.Map;
import org.mhaqi.evaluation.engagement.EngagementReports.RegionEngagement;
import org.mhaqi.evaluation.engagement.PublishedCount;
import org.mhaqi.evaluation.engagement.PublishedEngagement;
import org.mhaqi.evaluation.suppression.Suppression;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.TeamRole;

/**
 * Engagement as a report publishes it: every count of sessions through small-number suppression
 * (the engagement API publishes them exactly), the lived-experience share withheld as a rate is
 * (fewer than 5 such sessions or fewer than 100 delivered), hours as they are (a measure of time,
 * not a count), and attendances as the engagement API already suppresses them.
 */
public record ReportEngagement(
    PublishedCount sessionsPlanned,
    PublishedCount sessionsDelivered,
    PublishedCount sessionsCancelled,
    PublishedCount sessionsScheduled,
    BigDecimal plannedHours,
    BigDecimal cancelledHours,
    BigDecimal deliveredHours,
    BigDecimal deliveredShareOfPlannedHours,
    PublishedCount sessionsWithLivedExperiencePartner,
    BigDecimal livedExperienceShareOfDeliveredSessions,
    PublishedCount attendances,
    Map<TeamRole, PublishedCount> attendancesByRole) {

  /** A region's engagement in a report. */
  public record InRegion(Region region, ReportEngagement engagement) {
    static InRegion of(RegionEngagement r, Suppression suppression) {
      return new InRegion(r.region(), ReportEngagement.of(r.engagement(), suppression));
    }
  }

  /** The engagement API's figures with the report's suppression; null stays null. */
  static ReportEngagement of(PublishedEngagement e, Suppression suppression) {
    if (e == null) {
      return null;
    }
    boolean shareWithheld =
        suppression.suppressesRate(e.sessionsWithLivedExperiencePartner(), e.sessionsDelivered());
    return new ReportEngagement(
        count(e.sessionsPlanned(), suppression),
        count(e.sessionsDelivered(), suppression),
        count(e.sessionsCancelled(), suppression),
        count(e.sessionsScheduled(), suppression),
        e.plannedHours(),
        e.cancelledHours(),
        e.deliveredHours(),
        e.deliveredShareOfPlannedHours(),
        count(e.sessionsWithLivedExperiencePartner(), suppression),
        shareWithheld ? null : e.livedExperienceShareOfDeliveredSessions(),
        e.attendances(),
        e.attendancesByRole());
  }

  private static PublishedCount count(long n, Suppression suppression) {
    return new PublishedCount(suppression.countOrNull(n));
  }
}
