package org.mhaqi.evaluation.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.TeamRole;
import tools.jackson.databind.json.JsonMapper;

class PublishedEngagementTest {

  /** Publishes counts as they are, recording what it was asked; the rule is not ours to test. */
  static final class Recording implements AttendanceSuppression {
    final List<Long> asked = new ArrayList<>();

    @Override
    public PublishedCount publish(long count) {
      asked.add(count);
      return new PublishedCount(count);
    }
  }

  // 11 sessions planned (7 x 60 + 4 x 480 = 2,340 minutes), 2 cancelled (120 minutes),
  // 6 delivered (1,000 minutes), 4 of them with a lived-experience partner.
  static final EngagementFigures FIGURES =
      new EngagementFigures(
          11,
          6,
          2,
          2_340,
          120,
          1_000,
          4,
          23,
          Map.of(TeamRole.FRONTLINE_STAFF, 15L, TeamRole.SERVICE_LEAD, 8L));

  @Test
  void hoursAndSharesAreWorkedFromMinutesAndSessions() {
    PublishedEngagement p = PublishedEngagement.of(FIGURES, new Recording());

    assertThat(p.sessionsPlanned()).isEqualTo(11);
    assertThat(p.sessionsDelivered()).isEqualTo(6);
    assertThat(p.sessionsCancelled()).isEqualTo(2);
    assertThat(p.sessionsScheduled()).isEqualTo(3); // 11 - 6 - 2
    assertThat(p.plannedHours()).isEqualByComparingTo("39"); // 2,340 / 60
    assertThat(p.cancelledHours()).isEqualByComparingTo("2"); // 120 / 60
    assertThat(p.deliveredHours()).isEqualByComparingTo("16.67"); // 1,000 / 60 = 16.666...
    // 1,000 delivered of 2,340 - 120 = 2,220 planned minutes not cancelled: 0.45045...
    assertThat(p.deliveredShareOfPlannedHours()).isEqualByComparingTo("0.450");
    assertThat(p.sessionsWithLivedExperiencePartner()).isEqualTo(4);
    assertThat(p.livedExperienceShareOfDeliveredSessions()).isEqualByComparingTo("0.667"); // 4/6
  }

  @Test
  void everyCountOfPeopleGoesThroughSuppressionEveryRoleListed() {
    Recording suppression = new Recording();

    PublishedEngagement p = PublishedEngagement.of(FIGURES, suppression);

    assertThat(p.attendances()).isEqualTo(new PublishedCount(23L));
    assertThat(p.attendancesByRole()).hasSize(TeamRole.values().length);
    assertThat(p.attendancesByRole().get(TeamRole.FRONTLINE_STAFF))
        .isEqualTo(new PublishedCount(15L));
    assertThat(p.attendancesByRole().get(TeamRole.QI_LEAD)).isEqualTo(new PublishedCount(0L));
    assertThat(suppression.asked).hasSize(TeamRole.values().length + 1).contains(23L, 15L, 8L);
  }

  @Test
  void nothingPlannedOrDeliveredHasNoShares() {
    PublishedEngagement none = PublishedEngagement.of(EngagementFigures.NONE, new Recording());
    PublishedEngagement allCancelled =
        PublishedEngagement.of(
            new EngagementFigures(1, 0, 1, 60, 60, 0, 0, 0, Map.of()), new Recording());

    assertThat(none.deliveredShareOfPlannedHours()).isNull();
    assertThat(none.livedExperienceShareOfDeliveredSessions()).isNull();
    assertThat(none.plannedHours()).isEqualByComparingTo("0");
    assertThat(allCancelled.deliveredShareOfPlannedHours()).isNull();
    assertThat(PublishedEngagement.share(1, 1)).isEqualByComparingTo("1");
    assertThat(PublishedEngagement.share(1, 3)).isEqualByComparingTo("0.333");
    assertThat(PublishedEngagement.share(2, 3)).isEqualByComparingTo("0.667");
    assertThat(PublishedEngagement.hours(50)).isEqualByComparingTo("0.83");
    assertThat(PublishedEngagement.hours(1)).isEqualByComparingTo("0.02");
  }

  @Test
  void aWithheldCountIsPublishedAsAStarAndOthersAsNumbers() {
    JsonMapper json = JsonMapper.builder().build();

    assertThat(json.writeValueAsString(PublishedCount.WITHHELD)).isEqualTo("\"*\"");
    assertThat(json.writeValueAsString(new PublishedCount(15L))).isEqualTo("15");
  }

  @Test
  void thePlaceholderSeamWithholdsEveryCount() {
    AttendanceSuppression seam =
        new AttendanceSuppressionSeam().withholdEveryCountUntilSuppressionLands();

    assertThat(seam.publish(0)).isEqualTo(PublishedCount.WITHHELD);
    assertThat(seam.publish(1_000)).isEqualTo(PublishedCount.WITHHELD);
  }
}
