package org.mhaqi.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhaqi.evaluation.engagement.PublishedCount;
import org.mhaqi.evaluation.engagement.PublishedEngagement;
import org.mhaqi.evaluation.suppression.Suppression;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.TeamRole;

class ReportEngagementTest {

  static final Suppression SUPPRESSION = Suppression.withDefaults();

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
  void sessionCountsAreSuppressedAndRoundedHoursAreKept() {
    ReportEngagement e =
        ReportEngagement.of(engagement(123, 101, 4, 7, new BigDecimal("0.069")), SUPPRESSION);

    assertThat(e.sessionsPlanned().value()).isEqualTo(125L);
    assertThat(e.sessionsDelivered().value()).isEqualTo(100L);
    assertThat(e.sessionsCancelled().value()).as("4 is under 5").isNull();
    assertThat(e.sessionsScheduled().value()).as("18 rounds to 20").isEqualTo(20L);
    assertThat(e.sessionsWithLivedExperiencePartner().value()).isEqualTo(5L);
    assertThat(e.livedExperienceShareOfDeliveredSessions()).isEqualByComparingTo("0.069");
    assertThat(e.plannedHours()).isEqualByComparingTo("100.00");
    assertThat(e.cancelledHours()).isEqualByComparingTo("4.17");
    assertThat(e.deliveredHours()).isEqualByComparingTo("80.50");
    assertThat(e.deliveredShareOfPlannedHours()).isEqualByComparingTo("0.840");
    assertThat(e.attendances()).isEqualTo(PublishedCount.WITHHELD);
    assertThat(e.attendancesByRole()).containsEntry(TeamRole.SERVICE_LEAD, new PublishedCount(15L));
  }

  @Test
  void theLivedExperienceShareIsWithheldAsARateIs() {
    // 4 sessions with a partner (under 5) out of 200; 5 out of 99 delivered (under 100).
    assertThat(
            ReportEngagement.of(engagement(250, 200, 0, 4, new BigDecimal("0.020")), SUPPRESSION)
                .livedExperienceShareOfDeliveredSessions())
        .isNull();
    assertThat(
            ReportEngagement.of(engagement(120, 99, 0, 5, new BigDecimal("0.051")), SUPPRESSION)
                .livedExperienceShareOfDeliveredSessions())
        .isNull();
    assertThat(
            ReportEngagement.of(engagement(120, 100, 0, 5, new BigDecimal("0.050")), SUPPRESSION)
                .livedExperienceShareOfDeliveredSessions())
        .isEqualByComparingTo("0.050");
  }

  @Test
  void noEngagementStaysNoneAndARegionKeepsItsName() {
    assertThat(ReportEngagement.of(null, SUPPRESSION)).isNull();
    ReportEngagement.InRegion london =
        ReportEngagement.InRegion.of(
            new org.mhaqi.evaluation.engagement.EngagementReports.RegionEngagement(
                Region.LONDON, engagement(10, 5, 5, 0, null)),
            SUPPRESSION);
    assertThat(london.region()).isEqualTo(Region.LONDON);
    assertThat(london.engagement().sessionsPlanned().value()).isEqualTo(10L);
  }
}
