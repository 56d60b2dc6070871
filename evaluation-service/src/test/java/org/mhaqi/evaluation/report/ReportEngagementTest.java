package org.mhaqi.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.engagement.PublishedCount;
import org.mhaqi.evaluation.engagement.PublishedEngagement;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.TeamRole;

class ReportEngagementTest {

  static PublishedEngagement engagement(
      long planned, long delivered, long cancelled, long withPartner, BigDecimal share) {
    return new PublishedEngagement(
        planned,
        delivered,
        cancelled,
        planned - delivered - cancelled,
        new BigDecimal("100.00"),
        new BigDecimal("4.17"),
        new BigDecimal("80.50"),
        new BigDecimal("0.840"),
        withPartner,
        share,
        PublishedCount.WITHHELD,
        Map.of(TeamRole.SERVICE_LEAD, new PublishedCount(15L)));
  }

  @Test
  void sessionsAreNotPeopleSoTheirCountsAndShareArePublishedAsTheyAre() {
    ReportEngagement e = ReportEngagement.of(engagement(123, 101, 4, 3, new BigDecimal("0.030")));

    assertThat(e.sessionsPlanned()).isEqualTo(123);
    assertThat(e.sessionsDelivered()).isEqualTo(101);
    assertThat(e.sessionsCancelled()).as("under 5, yet not people").isEqualTo(4);
    assertThat(e.sessionsScheduled()).isEqualTo(18);
    assertThat(e.sessionsWithLivedExperiencePartner()).isEqualTo(3);
    assertThat(e.livedExperienceShareOfDeliveredSessions()).isEqualByComparingTo("0.030");
    assertThat(e.plannedHours()).isEqualByComparingTo("100.00");
    assertThat(e.cancelledHours()).isEqualByComparingTo("4.17");
    assertThat(e.deliveredHours()).isEqualByComparingTo("80.50");
    assertThat(e.deliveredShareOfPlannedHours()).isEqualByComparingTo("0.840");
  }

  @Test
  void attendancesArePeopleAndStaySuppressed() {
    ReportEngagement e = ReportEngagement.of(engagement(10, 5, 5, 0, null));
    assertThat(e.attendances()).isEqualTo(PublishedCount.WITHHELD);
    assertThat(e.attendancesByRole()).containsEntry(TeamRole.SERVICE_LEAD, new PublishedCount(15L));
  }

  @Test
  void noEngagementStaysNoneAndARegionKeepsItsName() {
    assertThat(ReportEngagement.of(null)).isNull();
    ReportEngagement.InRegion london =
        ReportEngagement.InRegion.of(
            new org.mhaqi.evaluation.engagement.EngagementReports.RegionEngagement(
                Region.LONDON, engagement(10, 5, 5, 0, null)));
    assertThat(london.region()).isEqualTo(Region.LONDON);
    assertThat(london.engagement().sessionsPlanned()).isEqualTo(10);
  }
}
