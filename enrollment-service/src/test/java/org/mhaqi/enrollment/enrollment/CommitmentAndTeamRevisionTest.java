package org.mhaqi.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mhaqi.enrollment.enrollment.TestData.NOW;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mhaqi.events.enrollment.ExecutiveCommitmentConfirmed;

class CommitmentAndTeamRevisionTest {

  private static final UUID SPONSOR = UUID.randomUUID();

  private static ExecutiveCommitment commitment(
      UUID sponsor, boolean involvement, boolean changeIdeas, boolean dataCollection) {
    return new ExecutiveCommitment(
        sponsor, involvement, changeIdeas, dataCollection, NOW, "programme-team");
  }

  @Test
  void theThreeBackingsFromASponsorAreConfirmedAndAnnouncedWithoutAName() {
    Enrollment enrollment = TestData.interested();

    enrollment.confirmCommitment(commitment(SPONSOR, true, true, true));

    assertThat(enrollment.getCommitment().isComplete()).isTrue();
    assertThat(enrollment.registeredEvents())
        .last()
        .isEqualTo(
            new ExecutiveCommitmentConfirmed(
                enrollment.getId(), enrollment.getServiceId(), SPONSOR, true, true, true, NOW));
  }

  @Test
  void aCommitmentMissingAnyOneBackingOrTheSponsorIsRefused() {
    assertRefused(commitment(SPONSOR, false, true, true));
    assertRefused(commitment(SPONSOR, true, false, true));
    assertRefused(commitment(SPONSOR, true, true, false));
    assertRefused(commitment(null, true, true, true));
  }

  private static void assertRefused(ExecutiveCommitment incomplete) {
    Enrollment enrollment = TestData.interested();
    int events = enrollment.registeredEvents().size();

    assertThat(incomplete.isComplete()).isFalse();
    assertThatThrownBy(() -> enrollment.confirmCommitment(incomplete))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(enrollment.getCommitment()).isNull();
    assertThat(enrollment.registeredEvents()).hasSize(events);
  }

  @Test
  void theTeamRevisionStartsAtOneAndRisesByOneWithEachChange() {
    Enrollment enrollment = TestData.interested();
    assertThat(enrollment.getTeamRevision()).isZero();

    assertThat(enrollment.recordTeamChange()).isEqualTo(1);
    assertThat(enrollment.recordTeamChange()).isEqualTo(2);
    assertThat(enrollment.recordTeamChange()).isEqualTo(3);
    assertThat(enrollment.getTeamRevision()).isEqualTo(3);
  }
}
