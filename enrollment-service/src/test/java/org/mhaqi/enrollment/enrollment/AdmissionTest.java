package org.mhaqi.enrollment.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdmissionTest {

  @Test
  void enrolsWhileThePhaseHasAPlaceAndNobodyWaits() {
    assertThat(Admission.decide(37, 0, 0)).isInstanceOf(Admission.Enrol.class);
    assertThat(Admission.decide(37, 36, 0)).isInstanceOf(Admission.Enrol.class);
  }

  @Test
  void waitlistsOnceThePhaseIsExactlyFullBehindThoseWhoAppliedEarlier() {
    assertThat(Admission.decide(37, 37, 0)).isEqualTo(new Admission.Waitlist(1));
    assertThat(Admission.decide(37, 37, 22)).isEqualTo(new Admission.Waitlist(23));
  }

  @Test
  void aNewcomerNeverOvertakesThoseWaitingEvenWhenAPlaceIsFree() {
    assertThat(Admission.decide(37, 36, 1)).isEqualTo(new Admission.Waitlist(2));
    assertThat(Admission.decide(37, 0, 3)).isEqualTo(new Admission.Waitlist(4));
  }

  @Test
  void neverEnrolsBeyondCapacityEvenIfOverfilledBefore() {
    assertThat(Admission.decide(37, 40, 0)).isEqualTo(new Admission.Waitlist(1));
  }

  @Test
  void aPhaseOfOnePlaceTakesOneService() {
    assertThat(Admission.decide(1, 0, 0)).isInstanceOf(Admission.Enrol.class);
    assertThat(Admission.decide(1, 1, 0)).isEqualTo(new Admission.Waitlist(1));
    assertThat(Admission.promotions(1, 0, 2)).isEqualTo(1);
    assertThat(Admission.promotions(1, 1, 2)).isZero();
  }

  @Test
  void promotesAsManyWaitingServicesAsThereAreFreePlaces() {
    assertThat(Admission.promotions(37, 36, 5)).isEqualTo(1);
    assertThat(Admission.promotions(37, 35, 5)).isEqualTo(2);
    assertThat(Admission.promotions(37, 30, 3)).isEqualTo(3);
    assertThat(Admission.promotions(37, 36, 0)).isZero();
  }

  @Test
  void promotesNobodyWhenThePhaseIsFullOrOverfilled() {
    assertThat(Admission.promotions(37, 37, 5)).isZero();
    assertThat(Admission.promotions(37, 40, 5)).isZero();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> Admission.decide(0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Admission.decide(1, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Admission.decide(1, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Admission.promotions(0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Admission.promotions(1, -1, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Admission.promotions(1, 0, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
